/// One field of a value that a person edits, as the store file holds it: its name there,
/// how it is read and written, and how an edit of it merges with someone else's.
struct StoredField<Root>: Sendable {
    let name: String
    let merge: MergeField<Root>
    /// Reads the member into the value; false when one that must be there is not (the
    /// problem is recorded).
    fileprivate let read: @Sendable (FieldReader, inout Root) -> Bool
    fileprivate let write: @Sendable (Root, inout JSONObject) -> Void
    /// Takes the member's value into the value when it is as fours writes it; false when
    /// it is not (of another kind, out of range), for the careful reader to say why.
    let take: @Sendable (JSONValue, inout Root) -> Bool
    let isRequired: Bool

    /// A field read by `read` (nil leaves the value as it is) and written as `write` gives
    /// it (nil leaves the member out); `value` is what `read` finds in a value that reads
    /// without a problem, nil for any other.
    private init<Value: Equatable & SendableMetatype>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable, required: Bool = false,
        read: @escaping @Sendable (FieldReader, String) -> Value?, value: @escaping @Sendable (JSONValue) -> Value?,
        write: @escaping @Sendable (Value) -> JSONValue?) {
        self.name = name
        isRequired = required
        merge = MergeField(name, path)
        self.read = { reader, root in
            let value = required ? reader.required(name) { read(reader, $0) } : read(reader, name)
            if let value { root[keyPath: path] = value }
            return !required || value != nil
        }
        take = { json, root in
            if json == .null { return !required }
            guard let value = value(json) else { return false }
            root[keyPath: path] = value
            return true
        }
        self.write = { root, object in object[name] = write(root[keyPath: path]) }
    }

    /// Text; left out of the file when empty unless `keptWhenEmpty`.
    static func text(_ name: String, _ path: WritableKeyPath<Root, String> & Sendable, required: Bool = false,
                     keptWhenEmpty: Bool = false) -> Self {
        Self(name, path, required: required, read: { $0.string($1) }, value: \.stringValue) {
            keptWhenEmpty || !$0.isEmpty ? .string($0) : nil
        }
    }

    static func list(_ name: String, _ path: WritableKeyPath<Root, [String]> & Sendable, keptWhenEmpty: Bool = false) -> Self {
        Self(name, path, read: { $0.strings($1) }, value: \.stringsValue) {
            keptWhenEmpty || !$0.isEmpty ? .array($0.map { .string($0) }) : nil
        }
    }

    static func day(_ name: String, _ path: WritableKeyPath<Root, CalendarDay> & Sendable) -> Self {
        Self(name, path, required: true, read: { $0.day($1) }, value: { $0.stringValue.flatMap(CalendarDay.init(iso:)) }) {
            .string($0.description)
        }
    }

    static func day(_ name: String, _ path: WritableKeyPath<Root, CalendarDay?> & Sendable) -> Self {
        Self(name, path, read: { $0.day($1).map(Optional.some) },
             value: { $0.stringValue.flatMap(CalendarDay.init(iso:)).map(Optional.some) }) {
            $0.map { .string($0.description) }
        }
    }

    static func choice<Value: RawRepresentable & CaseIterable & Equatable & SendableMetatype>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable) -> Self where Value.RawValue == String {
        Self(name, path, read: { $0.oneOf($1, Value.init(rawValue:), expected: Value.allCases.map(\.rawValue)) },
             value: { $0.stringValue.flatMap(Value.init(rawValue:)) }) {
            .string($0.rawValue)
        }
    }

    static func choice<Value: RawRepresentable & CaseIterable & Equatable & SendableMetatype>(
        _ name: String, _ path: WritableKeyPath<Root, Value?> & Sendable) -> Self where Value.RawValue == String {
        Self(name, path, read: { $0.oneOf($1, Value.init(rawValue:), expected: Value.allCases.map(\.rawValue)).map(Optional.some) },
             value: { $0.stringValue.flatMap(Value.init(rawValue:)).map(Optional.some) }) {
            $0.map { .string($0.rawValue) }
        }
    }

    /// A whole number within `range`; left out when there is none.
    static func count(_ name: String, _ path: WritableKeyPath<Root, Int?> & Sendable, in range: ClosedRange<Int>) -> Self {
        Self(name, path, read: { $0.integer($1, in: range).map(Optional.some) },
             value: { json -> Int?? in json.wholeNumberValue.flatMap { range.contains($0) ? $0 : nil }.map(Optional.some) }) {
            $0.map { .number(Double($0)) }
        }
    }

    /// A number within `range`; left out when there is none.
    static func number(_ name: String, _ path: WritableKeyPath<Root, Double?> & Sendable, in range: ClosedRange<Double>) -> Self {
        Self(name, path, read: { $0.decimal($1, in: range).map(Optional.some) },
             value: { json -> Double?? in json.numberValue.flatMap { range.contains($0) ? $0 : nil }.map(Optional.some) }) {
            $0.map { .number($0) }
        }
    }

    /// A moment, written as UTC ISO 8601.
    static func moment(_ name: String, _ path: WritableKeyPath<Root, Timestamp> & Sendable) -> Self {
        Self(name, path, required: true, read: { $0.timestamp($1) }, value: { $0.stringValue.flatMap(Timestamp.init(iso:)) }) {
            .string($0.description)
        }
    }

    /// True or left out.
    static func flag(_ name: String, _ path: WritableKeyPath<Root, Bool> & Sendable) -> Self {
        Self(name, path, read: { $0.flag($1) }, value: { if case .bool(let flag) = $0 { flag } else { nil } }) {
            $0 ? .bool(true) : nil
        }
    }

    /// An object with fields of its own, read by `read` and written by `write` (nil leaves it out).
    static func object<Value: Equatable & SendableMetatype>(
        _ name: String, _ path: WritableKeyPath<Root, Value> & Sendable,
        read: @escaping @Sendable (FieldReader) -> Value?, write: @escaping @Sendable (Value) -> JSONValue?) -> Self {
        Self(name, path, read: { $0.nested($1, read) }, value: { FieldReader.withoutProblems($0, read) }, write: write)
    }
}

/// Every field of a value that a person edits: its reading from the store file, its
/// writing, and the merge of an edit all come from this one table, so a field cannot be
/// read but not written, or lost when an edit is merged with someone else's.
struct FieldTable<Root>: Sendable {
    let fields: [StoredField<Root>]
    /// Where each field is in `fields`, by its name.
    let places: [String: Int]

    init(_ fields: [StoredField<Root>]) {
        self.fields = fields
        places = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    /// Reads every field into `root`; false when one that must be there is not.
    func read(from reader: FieldReader, into root: inout Root) -> Bool {
        var complete = true
        for field in fields { complete = field.read(reader, &root) && complete }
        return complete
    }

    func write(_ root: Root, into object: inout JSONObject) {
        for field in fields { field.write(root, &object) }
    }

    var mergeFields: [MergeField<Root>] { fields.map(\.merge) }
}

/// A value read and written by its field table alone, with the members this version does
/// not know kept beside.
protocol StoredByTable {
    static var table: FieldTable<Self> { get }
    /// What reading starts from: every field is read over it.
    static var unread: Self { get }
    var preserved: PreservedFields { get set }
    /// The value as the file holds it.
    var json: JSONValue { get }
}

extension StoredByTable {
    init(_ reader: FieldReader) {
        self = Self.unread
        _ = Self.table.read(from: reader, into: &self)
        preserved.object = reader.unread
    }

    /// The value, or nil when a field it cannot be without is missing or wrong (the
    /// problem is recorded).
    static func read(_ reader: FieldReader) -> Self? {
        var value = unread
        guard table.read(from: reader, into: &value) else { return nil }
        value.preserved.object = reader.unread
        return value
    }

    /// Its members as the file holds them.
    var storedObject: JSONObject {
        var object = preserved.object
        Self.table.write(self, into: &object)
        return object
    }

    var json: JSONValue { .object(storedObject) }
}
