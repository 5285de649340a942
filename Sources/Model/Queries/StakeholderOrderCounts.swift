/// How many orders each stakeholder has, open and delivered or closed: counted in one pass
/// over the orders, not once per stakeholder.
public struct StakeholderOrderCounts: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var open = 0
        public var done = 0

        public init(open: Int = 0, done: Int = 0) {
            self.open = open
            self.done = done
        }
    }

    private var counts: [String: Counts] = [:]

    public init(_ document: StoreDocument) {
        for order in document.orders {
            if order.status.isOpen {
                counts[order.stakeholderID, default: Counts()].open += 1
            } else {
                counts[order.stakeholderID, default: Counts()].done += 1
            }
        }
    }

    public subscript(_ stakeholderID: String) -> Counts {
        counts[stakeholderID] ?? Counts()
    }
}
