/// The figures a glance at the queue needs: how many orders are open, overdue, due soon.
public struct QueueSummary: Sendable, Equatable {
    public var open = 0
    public var overdue = 0
    /// Due today or in the next six days, not overdue.
    public var dueThisWeek = 0

    public init(_ document: StoreDocument, today: CalendarDay) {
        for order in document.orders where order.status.isOpen {
            open += 1
            guard let due = order.due else { continue }
            if due < today {
                overdue += 1
            } else if today.days(until: due) < 7 {
                dueThisWeek += 1
            }
        }
    }
}
