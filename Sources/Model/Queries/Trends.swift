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

    /// How many stakeholders stood at each stage at the end of `day`, order taker first: those
    /// the team knew by then (`firstKnown`), not someone added this week counted back to July.
    public static func spectrum(of document: StoreDocument, on day: CalendarDay,
                                firstKnown: [String: CalendarDay]? = nil) -> [(stage: EngagementStage, count: Int)] {
        let known = firstKnown ?? Self.firstKnown(in: document)
        let stages = document.stakeholders.filter { (known[$0.id] ?? .init(ordinal: .min)) <= day }.map { stage(of: $0, on: day) }
        return EngagementStage.allCases.map { stage in (stage, stages.count { $0 == stage }) }
    }

    /// The day the team first had each stakeholder, as the store tells it: the day the
    /// activity says they were added; else, for someone who never moved stage, the day of
    /// their first note or order received. Someone who moved stage stood somewhere before
    /// the move, since a day the store does not say: counted all along, as is someone the
    /// store says nothing of.
    public static func firstKnown(in document: StoreDocument) -> [String: CalendarDay] {
        var first: [String: CalendarDay] = [:]
        func saw(_ id: String, on day: CalendarDay) {
            if first[id].map({ day < $0 }) ?? true { first[id] = day }
        }
        var added: [String: CalendarDay] = [:]
        let ids = Dictionary(document.stakeholders.map { ("added the stakeholder \($0.name)", $0.id) }, uniquingKeysWith: { first, _ in first })
        for entry in document.activity {
            if let id = ids[entry.what], added[id] == nil { added[id] = CalendarDay.local(at: entry.at) }
        }
        let unmoved = Set(document.stakeholders.filter(\.stageHistory.isEmpty).map(\.id))
        for person in document.stakeholders where unmoved.contains(person.id) {
            for note in person.notes { saw(person.id, on: CalendarDay.local(at: note.at)) }
        }
        for order in document.orders where unmoved.contains(order.stakeholderID) { saw(order.stakeholderID, on: order.received) }
        return first.merging(added) { _, added in added }
    }
}
