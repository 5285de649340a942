/// When the team was last in touch with each stakeholder: a note about them, a stage
/// move, or a Sure Thing step (the business conversation) ticked on one of their orders.
public struct StakeholderContact: Sendable, Equatable {
    private var lastDays: [String: CalendarDay]

    /// One pass over the orders for every stakeholder.
    public init(_ document: StoreDocument) {
        var latest: [String: Timestamp] = [:]
        func record(_ moment: Timestamp, for id: String) {
            if latest[id].map({ moment > $0 }) ?? true { latest[id] = moment }
        }
        for stakeholder in document.stakeholders {
            for note in stakeholder.notes { record(note.at, for: stakeholder.id) }
            for change in stakeholder.stageHistory { record(change.at, for: stakeholder.id) }
        }
        for order in document.orders {
            order.checklist.forEachTick(in: .sureThing) { _, _, tick in record(tick.at, for: order.stakeholderID) }
        }
        lastDays = latest.mapValues(CalendarDay.local)
    }

    /// The day of the last contact; nil when none is recorded.
    public func last(with stakeholderID: String) -> CalendarDay? {
        lastDays[stakeholderID]
    }
}
