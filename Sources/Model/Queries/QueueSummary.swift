/// The figures a glance at the queue needs: how many orders are open, overdue, due soon;
/// and what its columns need to know of every order, found in the same pass.
public struct QueueSummary: Sendable, Equatable {
    public var open = 0
    public var overdue = 0
    /// Due today or in the next six days, not overdue.
    public var dueThisWeek = 0
    /// The largest order number, for the width of the number column.
    public var largestID = 0
    /// Whether any order names an owner: the queue shows an Owner column then.
    public var hasOwners = false
    /// Whether any order has a type: the queue shows a Type column then.
    public var hasTypes = false

    /// Nothing counted yet.
    public init() {}

    public init(_ document: StoreDocument, today: CalendarDay) {
        for order in document.orders {
            largestID = max(largestID, order.id)
            hasOwners = hasOwners || !order.owners.isEmpty
            hasTypes = hasTypes || !order.details.type.isEmpty
            guard order.status.isOpen else { continue }
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
