/// One save of a store: when, and an id no other save has.
public struct Revision: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let at: Timestamp

    /// A new revision, its id random: two machines saving in the same second still differ.
    public static func new(at moment: Timestamp) -> Revision {
        Revision(id: String(UInt64.random(in: 1 << 60 ... .max), radix: 16), at: moment)
    }

    /// As it stands in the file: `2026-12-07T08:00:00Z 3f9a0c1d2b7e5a61`.
    public var description: String { "\(at) \(id)" }
}

extension Revision {
    public init?(text: String) {
        guard let space = text.firstIndex(of: " "), let at = Timestamp(iso: String(text[..<space])) else { return nil }
        let id = text[text.index(after: space)...]
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            return nil
        }
        self.init(id: String(id), at: at)
    }
}
