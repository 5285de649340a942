/// The figures that show the journey toward partnership over time, computed in one place
/// for the stand-up and the report, so the two never disagree.
public enum Trends {
    /// A calendar month, such as 2026-11.
    public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let year: Int
        public let month: Int

        public init(_ day: CalendarDay) {
            (year, month, _) = day.components
        }

        init(index: Int) {
            year = index / 12
            month = index % 12 + 1
        }

        var index: Int { year * 12 + month - 1 }

        public var first: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }
        public var last: CalendarDay { Month(index: index + 1).first.adding(days: -1) }

        /// "2026-11"
        public var description: String { "\(year)-\(CalendarDay.padded(month, 2))" }
        /// "Nov 2026"
        public var title: String { "\(CalendarDay.monthNames[month - 1]) \(year)" }

        public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

        /// `count` months, the last of them `last`.
        public static func last(_ count: Int, endingWith last: Month) -> [Month] {
            (0..<count).reversed().map { Month(index: last.index - $0) }
        }

        /// The months from the one holding `start` to the one holding `end`.
        public static func from(_ start: CalendarDay, to end: CalendarDay) -> [Month] {
            let (first, last) = (Month(start).index, Month(end).index)
            return first <= last ? (first...last).map(Month.init(index:)) : []
        }
    }

    /// How the orders received in a month arrived: the trend toward partnership.
    public struct Arrivals: Sendable, Equatable {
        public var month: Month
        public var transactional: Int
        public var collaborative: Int
        public var earlyInvolvement: Int

        public var total: Int { transactional + collaborative + earlyInvolvement }

        /// The share of early involvement among the month's orders; nil with none.
        public var earlyShare: Double? { total == 0 ? nil : Double(earlyInvolvement) / Double(total) }
    }

    public static func arrivals(in months: [Month], of document: StoreDocument) -> [Arrivals] {
        var counts: [Month: Arrivals] = [:]
        for month in months { counts[month] = Arrivals(month: month, transactional: 0, collaborative: 0, earlyInvolvement: 0) }
        for order in document.orders {
            let month = Month(order.received)
            guard counts[month] != nil else { continue }
            switch order.arrival {
            case .transactionalRequest: counts[month]?.transactional += 1
            case .collaborativeConversation: counts[month]?.collaborative += 1
            case .earlyInvolvement: counts[month]?.earlyInvolvement += 1
            }
        }
        return months.compactMap { counts[$0] }
    }

    /// Where a stakeholder stood at the end of `day`: where the first move after it
    /// started from, or where they stand now when they have not moved since.
    public static func stage(of stakeholder: Stakeholder, on day: CalendarDay) -> EngagementStage {
        let later = stakeholder.stageHistory.filter { CalendarDay.local(at: $0.at) > day }
        return later.min { $0.at < $1.at }?.from ?? stakeholder.stage
    }

    /// How many stakeholders stood at each stage at the end of `day`, order taker first.
    public static func spectrum(of document: StoreDocument, on day: CalendarDay) -> [(stage: EngagementStage, count: Int)] {
        let stages = document.stakeholders.map { stage(of: $0, on: day) }
        return EngagementStage.allCases.map { stage in (stage, stages.count { $0 == stage }) }
    }
}
