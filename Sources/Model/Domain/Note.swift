/// A dated insight, such as something learned about a stakeholder's business.
public struct Note: Sendable, Equatable, Identifiable {
    public var id: String
    public var at: Timestamp
    public var by: String
    public var text: String
    var preserved = PreservedFields()

    public init(id: String, at: Timestamp, by: String, text: String) {
        self.id = id
        self.at = at
        self.by = by
        self.text = text
    }

    /// An id unique among `existing`, and, by a random part, among notes that someone
    /// else adds at the same moment: two windows of one person may add one in the same second.
    public static func newID(at moment: Timestamp, by author: String, existing: [Note]) -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return UniqueName.make("\(moment.secondsSince1970)-\(author)-\(random)") { id in existing.contains { $0.id == id } }
    }
}

/// What a note is attached to.
public enum NoteTarget: Sendable, Equatable {
    case order(Int)
    case stakeholder(String)
}
