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

    /// An id unique among `existing`, stable for a given moment and author.
    public static func newID(at moment: Timestamp, by author: String, existing: [Note]) -> String {
        UniqueName.make("\(moment.secondsSince1970)-\(author)") { id in existing.contains { $0.id == id } }
    }
}

/// What a note is attached to.
public enum NoteTarget: Sendable, Equatable {
    case order(Int)
    case stakeholder(String)
}
