/// How an order reached the team: the article's sign of where the relationship stands.
public enum OrderArrival: String, CaseIterable, Sendable {
    /// A ready-made solution to deliver.
    case transactionalRequest
    /// A problem brought to solve together.
    case collaborativeConversation
    /// Involved from the start of an initiative.
    case earlyInvolvement

    public var title: String {
        switch self {
        case .transactionalRequest: "transactional request"
        case .collaborativeConversation: "collaborative conversation"
        case .earlyInvolvement: "early involvement"
        }
    }
}

/// What the team decided to do with a request at intake.
public enum IntakeDecision: String, CaseIterable, Sendable {
    case accepted
    case deferred
    case redirected
    case declined

    public var title: String {
        switch self {
        case .accepted: "accepted"
        case .deferred: "deferred"
        case .redirected: "redirected to a non-training fix"
        case .declined: "declined"
        }
    }
}

/// How the order's effect is measured: "add measurement" is one of the 4S steps.
public struct Measurement: EmptyByDefault {
    public var metric = ""
    public var baseline = ""
    public var target = ""
    public var result = ""
    var preserved = PreservedFields()

    public init() {}

    public init(metric: String, baseline: String = "", target: String = "", result: String = "") {
        self.metric = metric
        self.baseline = baseline
        self.target = target
        self.result = result
    }

    public var isEmpty: Bool { self == Measurement() && preserved.object.isEmpty }

    /// The number a free-text value starts with: "12 incidents a month" is 12.
    public static func number(in text: String) -> Double? {
        let start = text.drop { $0 == " " }
        let digits = start.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "," }
        return Double(digits.filter { $0 != "," })
    }

    /// The result against the baseline, as a fraction (-0.4 is 40% down), when both are numbers.
    public var change: Double? {
        guard let before = Self.number(in: baseline), let after = Self.number(in: result), before != 0 else { return nil }
        return (after - before) / abs(before)
    }
}

/// A small calculator for Surprise and Delight: the value to show the stakeholder.
public struct ValueEstimate: EmptyByDefault {
    public var hoursSavedPerPerson: Double?
    public var people: Int?
    public var costPerHour: Double?
    var preserved = PreservedFields()

    public init() {}

    public init(hoursSavedPerPerson: Double?, people: Int? = nil, costPerHour: Double? = nil) {
        self.hoursSavedPerPerson = hoursSavedPerPerson
        self.people = people
        self.costPerHour = costPerHour
    }

    public var isEmpty: Bool { self == ValueEstimate() && preserved.object.isEmpty }

    public var hoursSaved: Double? {
        guard let hoursSavedPerPerson, let people else { return nil }
        return hoursSavedPerPerson * Double(people)
    }

    /// Hours saved times the cost of an hour; recomputed whenever an input changes.
    public var saving: Double? {
        guard let hoursSaved, let costPerHour else { return nil }
        return hoursSaved * costPerHour
    }
}

/// Everything about an order that a person edits in its form. Kept apart from the
/// checklist and notes so that an edit can be merged field by field with someone else's.
public struct OrderDetails: Sendable, Equatable {
    public var title: String
    /// What was asked, in the requester's own words.
    public var request: String
    public var stakeholderID: String
    /// The team or audience the training is for.
    public var audience: String
    public var received: CalendarDay
    public var due: CalendarDay?
    public var priority: Priority
    public var status: OrderStatus
    public var tags: [String]
    /// Who on the L&D team carries the order; several people may share one.
    public var owners: [String] = []
    public var arrival: OrderArrival
    /// The business problem behind the request, when someone found it.
    public var businessProblem = ""
    public var audienceSize: Int?
    public var decision: IntakeDecision?
    public var decisionReason = ""
    public var closingNote = ""
    /// The day the order was delivered or closed.
    public var closedOn: CalendarDay?
    @KeptApart public var measurement = Measurement()
    @KeptApart public var value = ValueEstimate()
    /// The row an imported order came from (its id in the intake spreadsheet), so that
    /// importing the same file again adds nothing twice.
    public var sourceID = ""
    /// The id of the order's type (its kind of work, with 4S steps of its own); empty for
    /// the store's standard template.
    public var type = ""
    /// The order this one follows up (the needs analysis agreed while delivering it): the
    /// next order set up to go the ideal way. The one it follows names it back.
    public var followUpOf: Int?

    public init(title: String, request: String = "", stakeholderID: String, audience: String = "",
                received: CalendarDay, due: CalendarDay? = nil, priority: Priority = .medium,
                status: OrderStatus = .new, tags: [String] = [], arrival: OrderArrival = .transactionalRequest) {
        self.title = title
        self.request = request
        self.stakeholderID = stakeholderID
        self.audience = audience
        self.received = received
        self.due = due
        self.priority = priority
        self.status = status
        self.tags = tags
        self.arrival = arrival
    }
}

extension OrderDetails {
    /// Delivered or closed on `day`; the closing note is replaced when one is given.
    public func closed(as status: OrderStatus, on day: CalendarDay, note: String?) -> OrderDetails {
        var details = self
        details.status = status
        details.closedOn = day
        if let note { details.closingNote = note }
        return details
    }

    /// Open again, in progress, with no day of closing.
    public var reopened: OrderDetails {
        var details = self
        details.status = .inProgress
        details.closedOn = nil
        return details
    }
}

extension OrderDetails: FieldwiseMergeable {
    public static var mergeFields: [MergeField<OrderDetails>] { table.mergeFields }
}
