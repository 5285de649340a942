/// The open orders in the order the team works them: overdue and soonest due first, then
/// higher priority, then the oldest request. Holds positions into the document's orders,
/// so moving through the queue never copies or searches orders.
public struct OrderQueue: Sendable, Equatable {
    public private(set) var orderIDs: [Int]

    public init(_ document: StoreDocument) {
        let open = document.orders.filter(\.status.isOpen)
        orderIDs = open.sorted(by: Self.comesFirst).map(\.id)
    }

    public var count: Int { orderIDs.count }
    public var isEmpty: Bool { orderIDs.isEmpty }

    public func position(of orderID: Int) -> Int? {
        orderIDs.firstIndex(of: orderID)
    }

    static func comesFirst(_ lhs: TrainingOrder, _ rhs: TrainingOrder) -> Bool {
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
