/// How each kind of work is going: the orders that arrived in a period, the 4S steps done on
/// them, and the open ones. One row for the store's own template and one per order type
/// (a type no longer in the store keeps a row while orders have it); none when the store
/// has no types, where the breakdown would only repeat the totals.
public struct TypeBreakdown: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var name: String
        /// Orders received in the period.
        public var arrived = 0
        /// The 4S steps done of all steps, on the orders received in the period.
        public var progress = Progress(done: 0, total: 0)
        public var open = 0
        /// The 4S steps done of all steps, on the open orders.
        public var openProgress = Progress(done: 0, total: 0)
        public var delivered = 0
    }

    public var rows: [Row]

    public init(_ document: StoreDocument, from: CalendarDay, to: CalendarDay) {
        guard !document.orderTypes.isEmpty || document.orders.contains(where: { !$0.details.type.isEmpty }) else {
            rows = []
            return
        }
        var byType: [String: Row] = [:]
        let known = [""] + document.orderTypes.map(\.id)
        for id in known { byType[id] = Row(name: document.typeName(of: id)) }
        for order in document.orders {
            let id = order.details.type
            var row = byType[id] ?? Row(name: document.typeName(of: id))
            if order.received >= from && order.received <= to {
                row.arrived += 1
                row.progress = row.progress + order.checklist.progress
            }
            if order.status.isOpen {
                row.open += 1
                row.openProgress = row.openProgress + order.checklist.progress
            }
            if order.status == .delivered, let day = order.closedOn, day >= from, day <= to { row.delivered += 1 }
            byType[id] = row
        }
        let gone = byType.keys.filter { !known.contains($0) }.sorted()
        rows = (known + gone).compactMap { byType[$0] }
    }
}
