/// One field that two people changed two different ways, found when their copies of the
/// store were merged. The store keeps one value by a stated rule and records the other
/// here, until someone chooses: keep the value kept, or take the other.
public struct MergeConflict: Sendable, Equatable, Identifiable {
    /// What the conflicting value belongs to.
    public enum Subject: Sendable, Equatable {
        case order(Int)
        case stakeholder(String)
        /// The store itself: its name, template or settings.
        case store
    }

    public var id: String
    public var subject: Subject
    /// Where in the subject, as the store writes it: `title`, `checklist.sureThing[insight-recorded].title`.
    public var path: MergePath
    /// The value the store holds now; nil when it holds none (the thing was deleted).
    public var kept: JSONValue?
    /// The value the other copy had; nil when the other copy deleted it.
    public var other: JSONValue?
    /// Why `kept` was kept.
    public var rule: String
    /// When the merge was made, and who made it.
    public var at: Timestamp
    public var by: String
    var preserved = PreservedFields()

    public init(id: String, subject: Subject, path: MergePath, kept: JSONValue?, other: JSONValue?, rule: String,
                at: Timestamp, by: String) {
        self.id = id
        self.subject = subject
        self.path = path
        self.kept = kept
        self.other = other
        self.rule = rule
        self.at = at
        self.by = by
    }

    /// "order #12" or "Dana Okafor" (with the document's names), for messages.
    public func subjectDescription(in document: StoreDocument) -> String {
        switch subject {
        case .order(let id): "order #\(id)"
        case .stakeholder(let id): document.stakeholder(id: id)?.name ?? "stakeholder \(id)"
        case .store: "the store"
        }
    }

    /// The field in words: "title", or "the whole order" when one side deleted it.
    public var fieldDescription: String {
        path.segments.isEmpty ? "the whole \(subject == .store ? "store" : "record")" : path.description
    }

    /// "order #12 title: kept “A”, the other copy had “B” (merged Nov 25 by maya)"
    public func summary(in document: StoreDocument) -> String {
        "\(subjectDescription(in: document)) \(fieldDescription): kept \(Self.describe(kept)), "
            + "the other copy had \(Self.describe(other)) (\(rule); merged \(CalendarDay.local(at: at).shortDescription) by \(by))"
    }

    /// A value as a person reads it: text in quotes, lists and objects shortened.
    public static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing (deleted)" }
        switch value {
        case .null: return "nothing"
        case .string(let text): return "“\(TerminalSafety.excerpt(text))”"
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let number), .numberWithText(let number, _): return MergePath.idText(.number(number))
        case .array(let items): return items.isEmpty ? "an empty list" : "a list of \(items.count)"
        case .object(let object):
            if case .string(let title)? = object["title"] { return "“\(TerminalSafety.excerpt(title))”" }
            if case .string(let name)? = object["name"] { return "“\(TerminalSafety.excerpt(name))”" }
            return "a value with \(object.count) fields"
        case .encoded: return "a value"
        }
    }
}
