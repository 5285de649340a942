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
        case .closedRecently: "closed, newest first"
        }
    }

    /// The sorts `o` cycles through in the queue.
    public static let queueCycle: [QueueSort] = [.dueDate, .priority, .progress, .age, .stakeholder, .stage]
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
    public var due: DueFilter = .any
    public var sort: QueueSort = .dueDate

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
        if due != .any { parts.append(due.title) }
        return parts
    }

    /// Whether any filter beyond the status is set.
    public var isFiltered: Bool {
        !search.isEmpty || stakeholderID != nil || stage != nil || tag != nil || owner != nil || priority != nil || due != .any
    }

    /// The same sort with every filter cleared and the status back to `status`.
    public func cleared(showing status: StatusFilter) -> QueueQuery {
        QueueQuery(status: status, sort: sort)
    }
}

/// The orders a list shows, in order. Holds ids, so moving through it never copies or
/// searches orders.
public struct OrderQueue: Sendable, Equatable {
    public private(set) var orderIDs: [Int]

    public init(_ document: StoreDocument, query: QueueQuery = QueueQuery(), today: CalendarDay? = nil,
                searchIndex: SearchIndex? = nil) {
        let words = query.search.folded.split(separator: " ").map(String.init)
        let index = words.isEmpty ? nil : (searchIndex ?? SearchIndex(document))
        let shown = document.orders.filter { order in
            guard query.status.includes(order.status) else { return false }
            if let stakeholderID = query.stakeholderID, order.stakeholderID != stakeholderID { return false }
            if let stage = query.stage, document.stakeholder(id: order.stakeholderID)?.stage != stage { return false }
            if let tag = query.tag, !order.tags.contains(where: { $0.folded == tag.folded }) { return false }
            if let owner = query.owner, !order.owners.contains(where: { $0.folded == owner.folded }) { return false }
            if let priority = query.priority, order.priority != priority { return false }
            if let today {
                switch query.due {
                case .any: break
                case .overdue: if !order.isOverdue(on: today) { return false }
                case .thisWeek:
                    guard let due = order.due, due >= today, today.days(until: due) < 7 else { return false }
                }
            }
            if let index, !index.matches(order.id, allOf: words) { return false }
            return true
        }
        let ordering = Self.ordering(for: query.sort, in: document)
        // Places are sorted, not the orders themselves: moving an order moves its references.
        orderIDs = shown.indices.sorted { ordering(shown[$0], shown[$1]) }.map { shown[$0].id }
    }

    public var count: Int { orderIDs.count }
    public var isEmpty: Bool { orderIDs.isEmpty }

    /// The orders of this queue that also match `search`: what a search shows as more of it
    /// is typed, without going through every order again.
    public func narrowed(toMatch search: String, in index: SearchIndex) -> OrderQueue {
        let words = search.folded.split(separator: " ").map(String.init)
        var narrowed = self
        narrowed.orderIDs = orderIDs.filter { index.matches($0, allOf: words) }
        return narrowed
    }

    public func position(of orderID: Int) -> Int? {
        orderIDs.firstIndex(of: orderID)
    }

    private static func ordering(for sort: QueueSort, in document: StoreDocument) -> (TrainingOrder, TrainingOrder) -> Bool {
        switch sort {
        case .dueDate: return byDueDate
        case .priority:
            return { $0.priority != $1.priority ? $0.priority < $1.priority : byDueDate($0, $1) }
        case .progress:
            return { lhs, rhs in
                let left = lhs.checklist.progress.fraction
                let right = rhs.checklist.progress.fraction
                return left != right ? left < right : byDueDate(lhs, rhs)
            }
        case .age:
            return { $0.received != $1.received ? $0.received < $1.received : $0.id < $1.id }
        case .stakeholder:
            return { lhs, rhs in
                let left = document.stakeholder(id: lhs.stakeholderID)?.name.folded ?? lhs.stakeholderID
                let right = document.stakeholder(id: rhs.stakeholderID)?.name.folded ?? rhs.stakeholderID
                return left != right ? left < right : byDueDate(lhs, rhs)
            }
        case .stage:
            return { lhs, rhs in
                let left = document.stakeholder(id: lhs.stakeholderID)?.stage.rawValue ?? 0
                let right = document.stakeholder(id: rhs.stakeholderID)?.stage.rawValue ?? 0
                return left != right ? left < right : byDueDate(lhs, rhs)
            }
        case .closedRecently:
            return { lhs, rhs in
                switch (lhs.closedOn, rhs.closedOn) {
                case let (left?, right?) where left != right: return left > right
                case (.some, .none): return true
                case (.none, .some): return false
                default: return lhs.id > rhs.id
                }
            }
        }
    }

    /// Open before closed; overdue and soonest due first; then higher priority, then the
    /// oldest request.
    static func byDueDate(_ lhs: TrainingOrder, _ rhs: TrainingOrder) -> Bool {
        if lhs.status.isOpen != rhs.status.isOpen { return lhs.status.isOpen }
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

/// The searchable text of every order, folded once (lowercase, no accents), so that a
/// search narrows the queue as fast as someone types.
public struct SearchIndex: Sendable, Equatable {
    private var texts: [Int: [UInt8]]

    public init(_ document: StoreDocument) {
        // A stakeholder's name and notes, folded once, not once per order.
        let stakeholders = Dictionary(uniqueKeysWithValues: document.stakeholders.map { stakeholder in
            (stakeholder.id, Array(([stakeholder.name] + stakeholder.notes.map(\.text)).joined(separator: " \u{1F} ").folded.utf8))
        })
        texts = [:]
        texts.reserveCapacity(document.orders.count)
        for order in document.orders { texts[order.id] = Self.text(of: order, stakeholders: stakeholders) }
    }

    /// What the dashboard shows of an order, tags as it writes them (#tag), the steps
    /// people added (every order has the template's), and its stakeholder's notes.
    private static func text(of order: TrainingOrder, stakeholders: [String: [UInt8]]) -> [UInt8] {
        let steps = order.checklist.allSteps.map(\.step).filter(\.isCustom).map(\.title)
        let parts = [order.title, order.request, order.businessProblem, order.audience]
            + order.tags.map { "#" + $0 } + order.owners + order.notes.map(\.text) + steps
        let stakeholder = stakeholders[order.stakeholderID] ?? Array(order.stakeholderID.utf8)
        return Array(parts.joined(separator: " \u{1F} ").folded.utf8) + [0x1F] + stakeholder
    }

    /// Whether the order's text holds every one of the (folded) words.
    public func matches(_ orderID: Int, allOf words: [String]) -> Bool {
        guard let text = texts[orderID] else { return false }
        return words.allSatisfy { Self.contains(text, Array($0.utf8)) }
    }

    /// Byte-wise search: folded text and words are UTF-8, so a match of bytes is a match of text.
    private static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        guard word.count <= text.count else { return false }
        let first = word[0]
        var start = 0
        let last = text.count - word.count
        while start <= last {
            if text[start] == first && text[start..<start + word.count].elementsEqual(word) { return true }
            start += 1
        }
        return false
    }
}
