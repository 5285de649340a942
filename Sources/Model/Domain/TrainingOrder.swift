public enum OrderStatus: String, CaseIterable, Sendable {
    case new
    case inProgress
    case delivered
    case closed

    public var isOpen: Bool { self == .new || self == .inProgress }

    public var title: String {
        switch self {
        case .new: "new"
        case .inProgress: "in progress"
        case .delivered: "delivered"
        case .closed: "closed"
        }
    }
}

public enum Priority: String, CaseIterable, Sendable, Comparable {
    case high
    case medium
    case low

    private var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// A request from a stakeholder for a ready-made learning solution, and the 4S work done
/// inside it.
public struct TrainingOrder: Sendable, Equatable, Identifiable {
    public var id: Int
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
    public var checklist: Checklist
    var preserved = PreservedFields()

    public init(id: Int, title: String, request: String, stakeholderID: String, audience: String,
                received: CalendarDay, due: CalendarDay?, priority: Priority = .medium,
                status: OrderStatus = .new, tags: [String] = [], checklist: Checklist) {
        self.id = id
        self.title = title
        self.request = request
        self.stakeholderID = stakeholderID
        self.audience = audience
        self.received = received
        self.due = due
        self.priority = priority
        self.status = status
        self.tags = tags
        self.checklist = checklist
    }

    /// `#12`: how people refer to an order in conversation and on screen.
    public var shortID: String { "#\(id)" }

    public func isOverdue(on today: CalendarDay) -> Bool {
        guard status.isOpen, let due else { return false }
        return due < today
    }
}
