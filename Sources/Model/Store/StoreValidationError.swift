/// A value in a store file that parses as JSON but that fours cannot accept.
public struct StoreValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the document, such as `orders[3].stakeholder`.
    public var path: String
    public var position: SourcePosition?
    public var problem: String

    public init(path: String, position: SourcePosition?, problem: String) {
        self.path = path
        self.position = position
        self.problem = problem
    }

    /// "stakeholders[0].stage unknown value ..."
    public var detail: String {
        path.isEmpty ? problem : "\(path) \(problem)"
    }

    /// "3:54: stakeholders[0].stage unknown value ..."
    public var description: String {
        "\(position.map { "\($0): " } ?? "")\(detail)"
    }

    /// The problem as a compiler would say it: "store.json:3:54: stakeholders[0].stage ...".
    public func located(in file: String) -> String {
        "\(file):\(position.map { "\($0):" } ?? "") \(detail)"
    }
}

/// Collects every problem found while reading a document, so `fours check` can list them
/// all; opening a store stops at the first.
final class ProblemLog {
    private(set) var problems: [StoreValidationError] = []

    func record(_ problem: StoreValidationError) {
        problems.append(problem)
    }
}

/// Reads the members of one JSON object. A member that is missing or of the wrong kind is
/// recorded in the log with its path and position, and reads as nil. It notes which members
/// were read: the others are what this version does not know, kept for the next save.
final class FieldReader {
    private let object: JSONObject
    /// Where the object is: spelled out only when a problem is reported, as most files
    /// have none and a store has hundreds of thousands of objects.
    private let place: Place
    let log: ProblemLog
    /// One bit per member place that was read.
    private var read: UInt64 = 0

    private enum Place {
        /// A path given whole: the document's root ("") or an order ("orders[3]").
        case path(String)
        /// A member of the object `parent` reads, or an element of a list there.
        case member(parent: FieldReader, key: String, index: Int?)
    }

    /// nil (with the problem recorded) when the value is not an object.
    convenience init?(_ value: JSONValue, path: String, parentPosition: SourcePosition?, log: ProblemLog) {
        self.init(value, place: .path(path), parentPosition: parentPosition, log: log)
    }

    /// A reader for the object at `key` of this one (its element `index`, for a list).
    func child(_ value: JSONValue, key: String, index: Int? = nil) -> FieldReader? {
        FieldReader(value, place: .member(parent: self, key: key, index: index), parentPosition: position(of: key), log: log)
    }

    private init?(_ value: JSONValue, place: Place, parentPosition: SourcePosition?, log: ProblemLog) {
        self.place = place
        self.log = log
        guard case .object(let object) = value else {
            self.object = JSONObject()
            log.record(StoreValidationError(path: path, position: parentPosition,
                                            problem: "expected an object, found \(value.kindDescription)"))
            return nil
        }
        self.object = object
    }

    var path: String {
        switch place {
        case .path(let path): path
        case .member(let parent, let key, let index): parent.childPath(key) + (index.map { "[\($0)]" } ?? "")
        }
    }

    func childPath(_ key: String) -> String {
        let path = path
        return path.isEmpty ? key : "\(path).\(key)"
    }

    func position(of key: String) -> SourcePosition? {
        object.position(of: key)
    }

    /// The bytes the object spans in the file, when it was read from one.
    var byteRange: Range<Int>? { object.byteRange }

    /// The member named `key`, marked as read.
    func value(_ key: String) -> JSONValue? {
        guard let place = object.place(of: key) else { return nil }
        if place < 64 { read |= 1 << UInt64(place) }
        return object[place: place]
    }

    /// Every member name, all marked as read: for an object whose names are data.
    func readAllNames() -> [String] {
        read = .max
        return object.memberNames
    }

    /// The members nobody read: those this version does not know. (An object with more
    /// members than the marks can count keeps them all; the known ones are written anew.)
    var unread: JSONObject {
        guard object.count <= 64 else { return object }
        return object.filter { place in read & (1 << UInt64(place)) == 0 }
    }

    /// What `read` makes of `value`, when it is an object that reads without a problem.
    static func withoutProblems<Value>(_ value: JSONValue, _ read: (FieldReader) -> Value?) -> Value? {
        let log = ProblemLog()
        guard let reader = FieldReader(value, path: "", parentPosition: nil, log: log), let read = read(reader),
              log.problems.isEmpty else { return nil }
        return read
    }

    func report(_ key: String, _ problem: String) {
        log.record(StoreValidationError(path: childPath(key), position: object.position(of: key), problem: problem))
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = value(key), value != .null else { return nil }
        return value
    }

    /// A value that must be there; records "is missing" otherwise.
    func required<Value>(_ key: String, _ read: (String) -> Value?) -> Value? {
        guard present(key) != nil else {
            report(key, "is missing")
            return nil
        }
        return read(key)
    }

    func string(_ key: String) -> String? {
        guard let found = present(key) else { return nil }
        guard case .string(let text) = found else {
            report(key, "expected a string, found \(found.kindDescription)")
            return nil
        }
        return text
    }

    func integer(_ key: String) -> Int? {
        guard let found = present(key) else { return nil }
        guard let number = found.wholeNumberValue else {
            report(key, "expected a whole number, found \(found.kindDescription)")
            return nil
        }
        return number
    }

    func array(_ key: String) -> [JSONValue] {
        guard let found = present(key) else { return [] }
        guard case .array(let elements) = found else {
            report(key, "expected a list, found \(found.kindDescription)")
            return []
        }
        return elements
    }

    /// Each element of a list of objects, with a reader for it.
    func objects(_ key: String) -> [(index: Int, reader: FieldReader)] {
        array(key).enumerated().compactMap { index, element in
            child(element, key: key, index: index).map { (index, $0) }
        }
    }

    func day(_ key: String) -> CalendarDay? {
        guard let text = string(key) else { return nil }
        guard let day = CalendarDay(iso: text) else {
            report(key, "\"\(TerminalSafety.excerpt(text))\" is not a date; write it as YYYY-MM-DD")
            return nil
        }
        return day
    }

    func timestamp(_ key: String) -> Timestamp? {
        guard let text = string(key) else { return nil }
        guard let moment = Timestamp(iso: text) else {
            report(key, "\"\(TerminalSafety.excerpt(text))\" is not a time; write it as YYYY-MM-DDTHH:MM:SSZ (UTC)")
            return nil
        }
        return moment
    }

    func oneOf<Value>(_ key: String, _ parse: (String) -> Value?, expected: @autoclosure () -> [String]) -> Value? {
        guard let text = string(key) else { return nil }
        guard let value = parse(text) else {
            report(key, "unknown value \"\(TerminalSafety.excerpt(text))\"; expected one of: \(expected().joined(separator: ", "))")
            return nil
        }
        return value
    }
}

extension JSONValue {
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number, .numberWithText: "a number"
        case .string(let text): "the string \"\(TerminalSafety.excerpt(text, limit: 30))\""
        case .array: "a list"
        case .object, .encoded: "an object"
        }
    }
}
