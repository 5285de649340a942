/// Which orders a list shows, by status.
public enum StatusFilter: String, CaseIterable, Sendable {
    case open
    case closed
    case all

    public func includes(_ status: OrderStatus) -> Bool {
        switch self {
        case .open: status.isOpen
        case .closed: !status.isOpen
        case .all: true
        }
    }

    public var title: String {
        switch self {
        case .open: "open"
        case .closed: "delivered and closed"
        case .all: "all"
        }
    }
}

/// How a list of orders is ordered.
public enum QueueSort: String, CaseIterable, Sendable {
    /// Soonest due first; what the team works by.
    case dueDate
    case priority
    /// Furthest behind on the 4S first.
    case progress
    /// Oldest request first.
    case age
    case stakeholder
    /// Stakeholders nearest the order-taker end first.
    case stage
    /// By the name of the order's type, the standard ones first.
    case type
    /// Most recently delivered or closed first: the archive.
    case closedRecently

    public var title: String {
        switch self {
        case .dueDate: "due date"
        case .priority: "priority"
        case .progress: "4S progress"
        case .age: "age"
        case .stakeholder: "stakeholder"
        case .stage: "stage"
        case .type: "type"
        case .closedRecently: "closed, newest first"
        }
    }

    /// The sorts `o` cycles through in the queue.
    public static let queueCycle: [QueueSort] = [.dueDate, .priority, .progress, .age, .stakeholder, .stage, .type]
}

/// When an order is due, for the due filter.
public enum DueFilter: String, CaseIterable, Sendable {
    case any
    case overdue
    case thisWeek

    public var title: String {
        switch self {
        case .any: "any time"
        case .overdue: "overdue"
        case .thisWeek: "due this week"
        }
    }
}

/// Everything that decides which orders a list shows and in what order.
public struct QueueQuery: Sendable, Equatable {
    public var status: StatusFilter = .open
    /// Matched against title, request, stakeholder, tags, owners and notes, ignoring case and accents.
    public var search = ""
    public var stakeholderID: String?
    public var stage: EngagementStage?
    public var tag: String?
    /// Only the orders this person carries.
    public var owner: String?
    public var priority: Priority?
    /// Only the orders of this type (its id; empty for those of the standard template).
    public var type: String?
    public var due: DueFilter = .any
    /// Only the orders with a merge conflict waiting for a choice.
    public var conflictsOnly = false
    public var sort: QueueSort = .dueDate
    /// The sort the other way round: latest due, lowest priority, furthest along first.
    public var reversed = false

    public init(status: StatusFilter = .open, sort: QueueSort = .dueDate) {
        self.status = status
        self.sort = sort
    }

    /// The filters in force other than status and search, in words, for the header.
    public func filterDescriptions(in document: StoreDocument) -> [String] {
        var parts: [String] = []
        if let stakeholderID { parts.append("stakeholder: " + (document.stakeholder(id: stakeholderID)?.name ?? stakeholderID)) }
        if let stage { parts.append("stage: \(stage.shortTitle)") }
        if let tag { parts.append("#\(tag)") }
        if let owner { parts.append("owner: \(owner)") }
        if let priority { parts.append("\(priority.rawValue) priority") }
        if let type { parts.append("type: " + document.typeName(of: type)) }
        if due != .any { parts.append(due.title) }
        if conflictsOnly { parts.append("with a conflict") }
        return parts
    }

    /// Whether any filter beyond the status is set.
    public var isFiltered: Bool {
        !search.isEmpty || stakeholderID != nil || stage != nil || tag != nil || owner != nil || priority != nil || type != nil || due != .any
            || conflictsOnly
    }

    /// Whether the orders' sketches (`OrderSketch`: number, status, dates, priority, owners
    /// and type) are all it needs to choose and order them: a big store's queue is then
    /// drawn before its orders are read whole.
    public var needsOnlySketches: Bool {
        guard search.isEmpty, stakeholderID == nil, stage == nil, tag == nil else { return false }
        switch sort {
        case .dueDate, .priority, .age, .type, .closedRecently: return true
        case .progress, .stakeholder, .stage: return false
        }
    }

    /// The same sort with every filter cleared and the status back to `status`.
    public func cleared(showing status: StatusFilter) -> QueueQuery {
        var cleared = QueueQuery(status: status, sort: sort)
        cleared.reversed = reversed
        return cleared
    }
}

/// The orders a list shows, in order. Holds ids, so moving through it never copies or
/// searches orders.
public struct OrderQueue: Sendable, Equatable {
    public private(set) var orderIDs: [Int]

    /// No orders.
    public init() { orderIDs = [] }

    public init(_ document: StoreDocument, query: QueueQuery = QueueQuery(), today: CalendarDay? = nil,
                searchIndex: SearchIndex? = nil) {
        let words = query.search.folded.split(separator: " ").map(String.init)
        let index = words.isEmpty ? nil : (searchIndex ?? SearchIndex(document))
        let conflicted = query.conflictsOnly ? document.ordersWithConflicts : []
        var shown = document.orders.filter { order in
            guard query.status.includes(order.status) else { return false }
            if query.conflictsOnly && !conflicted.contains(order.id) { return false }
            if let stakeholderID = query.stakeholderID, order.stakeholderID != stakeholderID { return false }
            if let stage = query.stage, document.stakeholder(id: order.stakeholderID)?.stage != stage { return false }
            if let tag = query.tag, !order.tags.contains(where: { $0.folded == tag.folded }) { return false }
            if let owner = query.owner, !order.owners.contains(where: { $0.folded == owner.folded }) { return false }
            if let priority = query.priority, order.priority != priority { return false }
            if let type = query.type, order.details.type != type { return false }
            if let today {
                switch query.due {
                case .any: break
                case .overdue: if !order.isOverdue(on: today) { return false }
                case .thisWeek:
                    guard let due = order.due, due >= today, today.days(until: due) < 7 else { return false }
                }
            }
            return true
        }
        if let index {
            let matching = Set(index.filter(shown.map(\.id), allOf: words))
            shown.removeAll { !matching.contains($0.id) }
        }
        orderIDs = Self.sorted(shown, by: query.sort, in: document)
        if query.reversed { orderIDs.reverse() }
    }

    public var count: Int { orderIDs.count }
    public var isEmpty: Bool { orderIDs.isEmpty }

    /// The orders of this queue that also match `search`: what a search shows as more of it
    /// is typed, without going through every order again.
    public func narrowed(toMatch search: String, in index: SearchIndex) -> OrderQueue {
        let words = search.folded.split(separator: " ").map(String.init)
        var narrowed = self
        narrowed.orderIDs = index.filter(orderIDs, allOf: words)
        return narrowed
    }

    public func position(of orderID: Int) -> Int? {
        orderIDs.firstIndex(of: orderID)
    }

    /// The ids of `orders` in the order `sort` gives. What the comparisons need of each
    /// order is taken once (its dates and priority, its progress, its stakeholder's name):
    /// comparing those costs nothing like reading them from the orders at every step.
    private static func sorted(_ orders: [TrainingOrder], by sort: QueueSort, in document: StoreDocument) -> [Int] {
        let keys = orders.map(SortKey.init)
        let places = Array(orders.indices)
        func sorted<Value: Comparable>(by value: (TrainingOrder) -> Value) -> [Int] {
            let values = orders.map(value)
            return places.sorted { left, right in
                values[left] != values[right] ? values[left] < values[right] : SortKey.dueFirst(keys[left], keys[right])
            }.map { keys[$0].id }
        }
        switch sort {
        case .dueDate:
            return places.sorted { SortKey.dueFirst(keys[$0], keys[$1]) }.map { keys[$0].id }
        case .priority:
            return sorted { $0.priority }
        case .progress:
            return sorted { $0.checklist.progress.fraction }
        case .age:
            return places.sorted { (keys[$0].received, keys[$0].id) < (keys[$1].received, keys[$1].id) }.map { keys[$0].id }
        case .stakeholder:
            return sorted { document.stakeholder(id: $0.stakeholderID)?.name.folded ?? $0.stakeholderID }
        case .stage:
            return sorted { document.stakeholder(id: $0.stakeholderID)?.stage.rawValue ?? 0 }
        case .type:
            let names = Dictionary(uniqueKeysWithValues: document.orderTypes.map { ($0.id, $0.name.folded) })
            return sorted { $0.details.type.isEmpty ? "" : names[$0.details.type] ?? $0.details.type }
        case .closedRecently:
            // Most recently closed first, then those with no date, each group newest order first.
            return places.sorted { left, right in
                let (lhs, rhs) = (keys[left], keys[right])
                return (lhs.closedOn?.ordinal ?? .min, lhs.id) > (rhs.closedOn?.ordinal ?? .min, rhs.id)
            }.map { keys[$0].id }
        }
    }

    /// What the due-date order needs of an order, in values that cost nothing to compare:
    /// open before closed; overdue and soonest due first; then higher priority, then the
    /// oldest request.
    private struct SortKey {
        var id: Int
        var isOpen: Bool
        var due: CalendarDay?
        var priority: Priority
        var received: CalendarDay
        var closedOn: CalendarDay?

        init(_ order: TrainingOrder) {
            id = order.id
            isOpen = order.status.isOpen
            due = order.due
            priority = order.priority
            received = order.received
            closedOn = order.closedOn
        }

        static func dueFirst(_ lhs: SortKey, _ rhs: SortKey) -> Bool {
            if lhs.isOpen != rhs.isOpen { return lhs.isOpen }
            switch (lhs.due, rhs.due) {
            case let (left?, right?) where left != right: return left < right
            case (.some, .none): return true
            case (.none, .some): return false
            default: break
            }
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            if lhs.received != rhs.received { return lhs.received < rhs.received }
            return lhs.id < rhs.id
        }
    }
}

extension StoreDocument {
    /// The orders a merge conflict waiting for a choice is about.
    public var ordersWithConflicts: Set<Int> {
        Set(conflicts.compactMap { conflict in
            if case .order(let id) = conflict.subject { id } else { nil }
        })
    }
}
