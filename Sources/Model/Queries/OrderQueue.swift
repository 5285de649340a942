/// Which orders the queue shows.
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
}

/// The orders in the order the team works them: overdue and soonest due first, then
/// higher priority, then the oldest request. Holds ids, so moving through the queue never
/// copies or searches orders.
public struct OrderQueue: Sendable, Equatable {
    public private(set) var orderIDs: [Int]

    public init(_ document: StoreDocument, status: StatusFilter = .open) {
        let shown = document.orders.filter { status.includes($0.status) }
        orderIDs = shown.sorted(by: Self.comesFirst).map(\.id)
    }

    public var count: Int { orderIDs.count }
    public var isEmpty: Bool { orderIDs.isEmpty }

    public func position(of orderID: Int) -> Int? {
        orderIDs.firstIndex(of: orderID)
    }

    static func comesFirst(_ lhs: TrainingOrder, _ rhs: TrainingOrder) -> Bool {
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
