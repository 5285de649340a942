/// A value in a store file that parses as JSON but that fours cannot accept.
public struct StoreValidationError: Error, Sendable, Equatable {
    /// Where in the document, such as `orders[3].stakeholder`.
    public var path: String
    public var position: SourcePosition?
    public var problem: String

    public init(path: String, position: SourcePosition?, problem: String) {
        self.path = path
        self.position = position
        self.problem = problem
    }
}

/// Reads the members of one JSON object and says precisely what is wrong when a member
/// is missing or of the wrong kind.
struct FieldReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String, parentPosition: SourcePosition?) throws(StoreValidationError) {
        guard case .object(let object) = value else {
            throw StoreValidationError(path: path, position: parentPosition,
                                       problem: "expected an object, found \(value.kindDescription)")
        }
        self.object = object
        self.path = path
    }

    func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func error(_ key: String, _ problem: String) -> StoreValidationError {
        StoreValidationError(path: childPath(key), position: object.position(of: key), problem: problem)
    }

    func value(_ key: String) throws(StoreValidationError) -> JSONValue {
        guard let value = object[key], value != .null else { throw error(key, "is missing") }
        return value
    }

    func string(_ key: String) throws(StoreValidationError) -> String {
        let found = try value(key)
        guard case .string(let text) = found else {
            throw error(key, "expected a string, found \(found.kindDescription)")
        }
        return text
    }

    func optionalString(_ key: String) throws(StoreValidationError) -> String? {
        guard let found = object[key], found != .null else { return nil }
        guard case .string(let text) = found else {
            throw error(key, "expected a string, found \(found.kindDescription)")
        }
        return text
    }

    func integer(_ key: String) throws(StoreValidationError) -> Int {
        let found = try value(key)
        guard case .number(let number) = found, number == number.rounded(), abs(number) < 1e15 else {
            throw error(key, "expected a whole number, found \(found.kindDescription)")
        }
        return Int(number)
    }

    func array(_ key: String) throws(StoreValidationError) -> [JSONValue] {
        guard let found = object[key], found != .null else { return [] }
        guard case .array(let elements) = found else {
            throw error(key, "expected a list, found \(found.kindDescription)")
        }
        return elements
    }

    func day(_ key: String) throws(StoreValidationError) -> CalendarDay? {
        guard let text = try optionalString(key) else { return nil }
        guard let day = CalendarDay(iso: text) else {
            throw error(key, "\"\(text)\" is not a date; write it as YYYY-MM-DD")
        }
        return day
    }

    func timestamp(_ key: String) throws(StoreValidationError) -> Timestamp? {
        guard let text = try optionalString(key) else { return nil }
        guard let moment = Timestamp(iso: text) else {
            throw error(key, "\"\(text)\" is not a time; write it as YYYY-MM-DDTHH:MM:SSZ (UTC)")
        }
        return moment
    }

    func oneOf<Value>(_ key: String, _ parse: (String) -> Value?, expected: [String]) throws(StoreValidationError) -> Value? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = parse(text) else {
            throw error(key, "unknown value \"\(text)\"; expected one of: \(expected.joined(separator: ", "))")
        }
        return value
    }
}

extension JSONValue {
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string(let text): "the string \"\(text.prefix(30))\""
        case .array: "a list"
        case .object: "an object"
        }
    }
}
