/// What the orders delivered in a period saved, from each one's value calculator.
public struct DeliveredValue: Sendable, Equatable {
    /// "November 2026", "Q4 2026".
    public var period: String
    public var delivered: Int
    /// Of the delivered orders, how many have a value estimate that adds up.
    public var estimated: Int
    public var hoursSaved: Double
    public var saving: Double

    /// The orders delivered from `start` to `end`, both included.
    public init(period: String, from start: CalendarDay, to end: CalendarDay, in document: StoreDocument) {
        self.period = period
        let orders = document.orders.filter { order in
            guard order.status == .delivered, let day = order.closedOn else { return false }
            return day >= start && day <= end
        }
        delivered = orders.count
        estimated = orders.count { $0.value.hoursSaved != nil }
        hoursSaved = orders.compactMap(\.value.hoursSaved).reduce(0, +)
        saving = orders.compactMap(\.value.saving).reduce(0, +)
    }

    /// This month and this quarter, as of `today`.
    public static func monthAndQuarter(of today: CalendarDay, in document: StoreDocument) -> [DeliveredValue] {
        let (year, month, _) = today.components
        let monthStart = CalendarDay(year: year, month: month, day: 1) ?? today
        let quarter = (month - 1) / 3
        let quarterStart = CalendarDay(year: year, month: quarter * 3 + 1, day: 1) ?? today
        return [
            DeliveredValue(period: "\(CalendarDay.monthNames[month - 1]) \(year)", from: monthStart, to: today, in: document),
            DeliveredValue(period: "Q\(quarter + 1) \(year)", from: quarterStart, to: today, in: document),
        ]
    }
}
