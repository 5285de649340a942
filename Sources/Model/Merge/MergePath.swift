/// Where a value sits in a store's JSON: member names, and list elements by their `id`.
public struct MergePath: Sendable, Equatable, CustomStringConvertible {
    public enum Segment: Sendable, Equatable {
        case member(String)
        /// The element of a list whose `id` is this value.
        case element(id: JSONValue)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment] = []) {
        self.segments = segments
    }

    func appending(_ segment: Segment) -> MergePath {
        MergePath(segments + [segment])
    }

    /// The last member name: what a person would call the field.
    /// Whether the path names an element of a list (an order, a note), not a field.
    var endsInElement: Bool {
        if case .element? = segments.last { return true }
        return false
    }

    var lastMember: String? {
        for segment in segments.reversed() {
            if case .member(let name) = segment { return name }
        }
        return nil
    }

    /// "checklist.sureThing[insight-recorded].title"
    public var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .member(let name): text += text.isEmpty ? name : ".\(name)"
            case .element(let id): text += "[\(MergePath.idText(id))]"
            }
        }
        return text
    }

    static func idText(_ id: JSONValue) -> String {
        switch id {
        case .string(let text): text
        case .number(let number), .numberWithText(let number, _): PlainNumber.text(number)
        default: "?"
        }
    }

    /// As the store writes it: names as strings, elements as `{"id": ...}`.
    var json: JSONValue {
        .array(segments.map { segment in
            switch segment {
            case .member(let name): .string(name)
            case .element(let id): .object(JSONObject(["id": id]))
            }
        })
    }

    init?(json: JSONValue) {
        guard case .array(let items) = json else { return nil }
        var segments: [Segment] = []
        for item in items {
            switch item {
            case .string(let name): segments.append(.member(name))
            case .object(let object):
                guard let id = object["id"] else { return nil }
                segments.append(.element(id: id))
            default: return nil
            }
        }
        self.init(segments)
    }

    /// The value at this path in `root`; nil when it is not there.
    func value(in root: JSONValue) -> JSONValue? {
        var current = root
        for segment in segments {
            switch (segment, current) {
            case (.member(let name), .object(let object)):
                guard let next = object[name] else { return nil }
                current = next
            case (.element(let id), .array(let items)):
                guard let next = items.first(where: { Self.id(of: $0) == id }) else { return nil }
                current = next
            default:
                return nil
            }
        }
        return current
    }

    /// `root` with the value at this path set, or removed when `value` is nil. False when
    /// the path leads nowhere in `root`.
    func set(_ value: JSONValue?, in root: inout JSONValue) -> Bool {
        guard let first = segments.first else {
            guard let value else { return false }
            root = value
            return true
        }
        let rest = MergePath(Array(segments.dropFirst()))
        switch (first, root) {
        case (.member(let name), .object(var object)):
            if rest.segments.isEmpty {
                object[name] = value
            } else {
                guard var child = object[name], rest.set(value, in: &child) else { return false }
                object[name] = child
            }
            root = .object(object)
            return true
        case (.element(let id), .array(var items)):
            guard let index = items.firstIndex(where: { Self.id(of: $0) == id }) else { return false }
            if rest.segments.isEmpty {
                if let value { items[index] = value } else { items.remove(at: index) }
            } else {
                guard rest.set(value, in: &items[index]) else { return false }
            }
            root = .array(items)
            return true
        default:
            return false
        }
    }

    static func id(of element: JSONValue) -> JSONValue? {
        guard case .object(let object) = element else { return nil }
        return object["id"]
    }
}
