/// A number with its noun, one or many: "1 row", "3 rows", "1 copy", "2 copies".
public struct Counted: CustomStringConvertible, Sendable {
    public let count: Int
    public let one: String
    public let many: String

    public init(_ count: Int, _ one: String, _ many: String? = nil) {
        self.count = count
        self.one = one
        self.many = many ?? one + "s"
    }

    public var description: String { "\(count) \(count == 1 ? one : many)" }
}
