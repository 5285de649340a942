/// The figures a glance at the queue needs: how many orders are open, overdue, due soon;
/// and what its columns need to know of every order, found in the same pass.
public struct QueueSummary: Sendable, Equatable {
    public var open = 0
    public var overdue = 0
    /// Due today or in the next six days, not overdue.
    public var dueThisWeek = 0
    /// The widest order number as shown (`#12`, `sales#12`), with room for one more digit,
    /// for the width of its column.
    public var widestID = 0
    /// Whether any order names an owner: the queue shows an Owner column then.
    public var hasOwners = false
    /// Whether any order has a type: the queue shows a Type column then.
    public var hasTypes = false

    /// Nothing counted yet.
    public init() {}

    public init(_ document: StoreDocument, today: CalendarDay) {
        for order in document.orders {
            widestID = max(widestID, document.shortID(ofNumber: order.id + 1).count)
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
