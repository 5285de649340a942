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
/// inside it. Its details read as its own properties: `order.title`, `order.due`.
@dynamicMemberLookup
public struct TrainingOrder: Sendable, Equatable, Identifiable {
    public var id: Int
    /// The details sit in a shared box: a store copies its ten thousand orders whenever
    /// one changes, and a box is one reference to copy instead of forty.
    public var details: OrderDetails {
        get { box.details }
        set { box = DetailsBox(newValue) }
    }
    private var box: DetailsBox
    public var checklist: Checklist
    /// Newest last; shown newest first.
    public var notes: [Note] = []
    var preserved = PreservedFields()

    public init(id: Int, details: OrderDetails, checklist: Checklist, notes: [Note] = []) {
        self.id = id
        box = DetailsBox(details)
        self.checklist = checklist
        self.notes = notes
    }

    public static func == (lhs: TrainingOrder, rhs: TrainingOrder) -> Bool {
        lhs.id == rhs.id && (lhs.box === rhs.box || lhs.box.details == rhs.box.details)
            && lhs.checklist == rhs.checklist && lhs.notes == rhs.notes
    }

    public init(id: Int, title: String, request: String, stakeholderID: String, audience: String,
                received: CalendarDay, due: CalendarDay?, priority: Priority = .medium,
                status: OrderStatus = .new, tags: [String] = [], arrival: OrderArrival = .transactionalRequest,
                checklist: Checklist) {
        self.init(id: id, details: OrderDetails(
            title: title, request: request, stakeholderID: stakeholderID, audience: audience, received: received,
            due: due, priority: priority, status: status, tags: tags, arrival: arrival), checklist: checklist)
    }

    // Inlinable: a field named at the call site is then read straight from the details,
    // not through a key path looked up at run time.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<OrderDetails, Value>) -> Value {
        get { details[keyPath: field] }
        set { details[keyPath: field] = newValue }
    }

    /// `#12`: how people refer to an order in conversation and on screen.
    public var shortID: String { "#\(id)" }

    /// Open and overdue, or due in the seven days from `today`.
    public func isDueWithinAWeek(of today: CalendarDay) -> Bool {
        guard details.status.isOpen, let due = details.due else { return false }
        return today.days(until: due) < 7
    }

    public func isOverdue(on today: CalendarDay) -> Bool {
        guard details.status.isOpen, let due = details.due else { return false }
        return due < today
    }
}

/// An order's details, never changed in place: a change makes a new box.
private final class DetailsBox: Sendable {
    let details: OrderDetails

    init(_ details: OrderDetails) {
        self.details = details
    }
}
