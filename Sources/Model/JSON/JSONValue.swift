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
    let text: TextPiece
    let depth: Int
    /// Whether a writer of pieces passes it on as a piece of its own (an order's text, whose
    /// place in the file a store keeps) rather than copying it in with the text around it.
    let isPiece: Bool

    public init(_ value: JSONValue, depth: Int, isPiece: Bool = true) {
        text = .bytes(JSONWriter.bytes(for: value, depth: depth)[...])
        self.depth = depth
        self.isPiece = isPiece
    }

    /// Text as it stands in the store file, to be copied from there when the file is
    /// written again.
    init(stored text: StoredText, depth: Int) {
        self.text = .stored(text)
        self.depth = depth
        isPiece = true
    }
}

/// A JSON object with the source position of each member, when it was read from a file.
/// The members are a list, looked up by a scan: a store's objects have a handful of
/// members each, and a scan of short keys costs less than hashing them. An object with many
/// members (only a strange file has one) gets an index, so no lookup grows with its size.
public struct JSONObject: Sendable, Equatable {
    private struct Member: Sendable {
        var key: String
        var value: JSONValue
        /// Where the value starts in the file it was read from.
        var position: SourcePosition?
    }

    private var members: [Member] = []
    /// Key to place in `members`, once there are more than `indexedFrom`.
    private var index: [String: Int]?
    private static let indexedFrom = 24
    /// Where the object's opening brace is in the file it was read from.
    public let position: SourcePosition?
    /// The bytes the object spans in the file it was read from, braces included.
    private(set) var byteRange: Range<Int>?

    public init(_ members: [String: JSONValue] = [:], position: SourcePosition? = nil) {
        self.position = position
        for (key, value) in members { self[key] = value }
    }

    /// Where a member is in the list, for a reader that marks which members it used.
    func place(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { place(of: key).map { members[$0].value } }
        set {
            if let newValue {
                insert(newValue, for: key, at: nil)
            } else if let place = place(of: key) {
                members.remove(at: place)
                index = nil
                buildIndexIfLarge()
            }
        }
    }

    /// The member names, in the order they were added.
    public var memberNames: [String] { members.map(\.key) }

    public var isEmpty: Bool { members.isEmpty }

    public var count: Int { members.count }

    public func position(of key: String) -> SourcePosition? {
        place(of: key).flatMap { members[$0].position } ?? position
    }

    subscript(place place: Int) -> JSONValue { members[place].value }

    mutating func setByteRange(_ range: Range<Int>) { byteRange = range }

    /// The members at the places `isKept` accepts.
    func filter(places isKept: (Int) -> Bool) -> JSONObject {
        var kept = JSONObject(position: position)
        for (place, member) in members.enumerated() where isKept(place) {
            kept.insert(member.value, for: member.key, at: member.position)
        }
        return kept
    }

    mutating func insert(_ value: JSONValue, for key: String, at position: SourcePosition?) {
        if let place = place(of: key) {
            members[place] = Member(key: key, value: value, position: position)
            return
        }
        members.append(Member(key: key, value: value, position: position))
        if index != nil {
            index?[key] = members.count - 1
        } else {
            buildIndexIfLarge()
        }
    }

    private mutating func buildIndexIfLarge() {
        guard members.count > Self.indexedFrom else { return }
        index = Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && lhs.members.allSatisfy { member in rhs[member.key] == member.value }
    }
}

/// The object a value was read from, kept so that members this version does not know are
/// written back. It takes no part in equality: two values are equal when what fours knows
/// of them is.
struct PreservedFields: Sendable, Equatable {
    /// Nil when there is nothing to keep, as for almost every value: one word, not a whole
    /// empty object, in each of a big store's hundreds of thousands of values.
    private var kept: Kept?

    private final class Kept: Sendable {
        let object: JSONObject

        init(_ object: JSONObject) {
            self.object = object
        }
    }

    var isEmpty: Bool { kept == nil }

    /// The same members kept, not only equal ones (equality does not look at them).
    func isIdentical(to other: PreservedFields) -> Bool { kept === other.kept }

    var object: JSONObject {
        get { kept?.object ?? JSONObject() }
        set { kept = newValue.isEmpty ? nil : Kept(newValue) }
    }

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

    /// A number with no fractional part that an `Int` holds exactly.
    var wholeNumberValue: Int? {
        guard let number = numberValue, number == number.rounded(), abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// A list of strings; nil when it is not a list or holds anything else.
    var stringsValue: [String]? {
        guard case .array(let elements) = self else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element else { return nil }
            strings.append(text)
        }
        return strings
    }
}
