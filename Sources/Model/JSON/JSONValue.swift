/// A place in a text file, for error messages. Lines and columns count from 1; the
/// column counts bytes, as most editors' "go to column" does for plain text.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON document. Objects keep every member, including ones this version of
/// fours does not know, so that a save never drops what another version wrote.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    /// A number read from a file whose text the writer would not write the same way
    /// (`1.50`, `-0`, `9007199254740993`): a member fours does not know keeps it exactly.
    case numberWithText(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// Text already written by `JSONWriter`, reused as it is: a save writes again only
    /// what changed. Never produced by the reader.
    case encoded(EncodedJSON)
}

/// A value written by `JSONWriter` at a given nesting depth, to be placed at that depth.
public struct EncodedJSON: Sendable, Equatable {
    let bytes: [UInt8]
    let depth: Int

    public init(_ value: JSONValue, depth: Int) {
        bytes = JSONWriter.bytes(for: value, depth: depth)
        self.depth = depth
    }
}

/// A JSON object with the source position of each member, when it was read from a file.
public struct JSONObject: Sendable, Equatable {
    private struct Member: Sendable {
        var value: JSONValue
        /// Where the value starts in the file it was read from.
        var position: SourcePosition?
    }

    /// One dictionary for values and positions: reading a large store hashes each key once.
    private var storage: [String: Member]
    /// Where the object's opening brace is in the file it was read from.
    public let position: SourcePosition?

    public init(_ members: [String: JSONValue] = [:], position: SourcePosition? = nil) {
        storage = members.mapValues { Member(value: $0) }
        self.position = position
    }

    public subscript(key: String) -> JSONValue? {
        get { storage[key]?.value }
        set { storage[key] = newValue.map { Member(value: $0) } }
    }

    /// The member names, in no particular order.
    public var memberNames: [String] { Array(storage.keys) }

    public var isEmpty: Bool { storage.isEmpty }

    public func position(of key: String) -> SourcePosition? {
        storage[key]?.position ?? position
    }

    mutating func insert(_ value: JSONValue, for key: String, at position: SourcePosition) {
        storage[key] = Member(value: value, position: position)
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage.count == rhs.storage.count
            && lhs.storage.allSatisfy { key, member in rhs.storage[key]?.value == member.value }
    }
}

/// The object a value was read from, kept so that members this version does not know are
/// written back. It takes no part in equality: two values are equal when what fours knows
/// of them is.
struct PreservedFields: Sendable, Equatable {
    var object = JSONObject()

    static func == (lhs: PreservedFields, rhs: PreservedFields) -> Bool { true }
}

extension JSONValue {
    /// Two values are equal when they mean the same: `1.50` equals `1.5`.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        case (.encoded(let left), .encoded(let right)): left == right
        default: lhs.numberValue != nil && lhs.numberValue == rhs.numberValue
        }
    }

    /// The value of a number, however it was written.
    var numberValue: Double? {
        switch self {
        case .number(let value), .numberWithText(let value, _): value
        default: nil
        }
    }
}
