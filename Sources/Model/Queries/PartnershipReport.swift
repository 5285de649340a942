/// The journey from order taker to strategic partner over a period, in figures: what
/// `fours report` draws for an L&D lead to show leadership.
public struct PartnershipReport: Sendable, Equatable {
    public struct SpectrumMonth: Sendable, Equatable {
        public var month: Trends.Month
        /// Stakeholders at each stage at the month's end (or the period's), order taker first.
        public var counts: [Int]
    }

    public struct SectionFigure: Sendable, Equatable {
        public var section: ChecklistSection
        public var progress: Progress
    }

    public struct DeliveredOrder: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var stakeholder: String
        public var closedOn: CalendarDay
        public var measurement: Measurement
        public var hoursSaved: Double?
        public var saving: Double?
        /// The orders set up while delivering it, by number: the next one made to go the ideal way.
        public var followUps: [Int] = []
    }

    public struct Move: Sendable, Equatable {
        public var stakeholder: String
        public var change: StageChange
        public var isUp: Bool { change.to.rawValue > change.from.rawValue }
    }

    public struct TouchpointFigure: Sendable, Equatable {
        public var stakeholder: String
        public var touchpoint: Touchpoint
        /// In touch from the day before to a week after the day planned.
        public var kept: Bool
    }

    public struct ThreeRs: Sendable, Equatable {
        public var stakeholder: String
        public var stage: EngagementStage
        public var rapport: Int?
        public var reputation: Int?
        public var relationships: Int?
    }

    public struct DecisionFigure: Sendable, Equatable {
        /// Nil for the orders with no decision recorded.
        public var decision: IntakeDecision?
        public var count: Int
    }

    public var storeName: String
    public var from: CalendarDay
    public var to: CalendarDay
    public var spectrum: [SpectrumMonth]
    public var arrivals: [Trends.Arrivals]
    /// Across the orders received in the period.
    public var sections: [SectionFigure]
    public var delivered: [DeliveredOrder]
    public var moves: [Move]
    public var touchpoints: [TouchpointFigure]
    public var threeRs: [ThreeRs]
    public var decisions: [DecisionFigure]
    /// Per order type, when the store has types.
    public var types: TypeBreakdown
    /// The headline figures of the period, and of the period of the same length before it.
    public var figures: PeriodFigures
    public var previousFigures: PeriodFigures
    /// Each team's figures, when the report covers a department's stores.
    public var teams: [(name: String, figures: PeriodFigures)] = []
    /// How an order is named: `#12`, or with its team's store when several are together.
    public var label: @Sendable (Int) -> String = { "#\($0)" }

    public static func == (lhs: PartnershipReport, rhs: PartnershipReport) -> Bool {
        lhs.json == rhs.json
    }

    /// A department's stores together, with a series per team.
    public init(_ department: Department, from: CalendarDay, to: CalendarDay) {
        self.init(department.combined, from: from, to: to)
        teams = department.teams.map { ($0.name, PeriodFigures($0.document, from: from, to: to)) }
    }

    public init(_ document: StoreDocument, from: CalendarDay, to: CalendarDay) {
        let teamNames = document.teamNames
        label = { StoreDocument.shortID(ofNumber: $0, teamNames: teamNames) }
        storeName = document.name
        self.from = from
        self.to = to
        let months = Trends.Month.from(from, to: to)
        let firstKnown = Trends.firstKnown(in: document)
        spectrum = months.map { month in
            SpectrumMonth(month: month, counts: Trends.spectrum(of: document, on: min(month.last, to), firstKnown: firstKnown).map(\.count))
        }
        arrivals = Trends.arrivals(in: months, of: document)
        let received = document.orders.filter { $0.received >= from && $0.received <= to }
        sections = ChecklistSection.allCases.map { section in
            SectionFigure(section: section,
                          progress: received.reduce(Progress(done: 0, total: 0)) { $0 + $1.checklist.progress(of: section) })
        }
        func name(_ id: String) -> String { document.stakeholder(id: id)?.name ?? id }
        delivered = document.orders.compactMap { order in
            guard order.status == .delivered, let day = order.closedOn, day >= from, day <= to else { return nil }
            return DeliveredOrder(id: order.id, title: order.title, stakeholder: name(order.stakeholderID), closedOn: day,
                                  measurement: order.measurement, hoursSaved: order.value.hoursSaved, saving: order.value.saving,
                                  followUps: document.followUps(of: order.id).map(\.id))
        }.sorted { ($0.closedOn, $0.id) < ($1.closedOn, $1.id) }
        moves = document.stakeholders.flatMap { stakeholder in
            stakeholder.stageHistory.filter { (from...to).contains(CalendarDay.local(at: $0.at)) }
                .map { Move(stakeholder: stakeholder.name, change: $0) }
        }.sorted { $0.change.at < $1.change.at }
        let contacts = Self.contactDays(in: document)
        touchpoints = document.stakeholders.compactMap { stakeholder in
            guard let touchpoint = stakeholder.nextTouchpoint, touchpoint.on >= from, touchpoint.on <= to else { return nil }
            let window = touchpoint.on.adding(days: -1)...touchpoint.on.adding(days: 7)
            let kept = contacts[stakeholder.id, default: []].contains { window.contains($0) }
            return TouchpointFigure(stakeholder: stakeholder.name, touchpoint: touchpoint, kept: kept)
        }.sorted { $0.touchpoint.on < $1.touchpoint.on }
        threeRs = document.stakeholders.map { stakeholder in
            ThreeRs(stakeholder: stakeholder.name, stage: stakeholder.stage, rapport: stakeholder.rapport,
                    reputation: stakeholder.reputation, relationships: stakeholder.relationships)
        }
        types = TypeBreakdown(document, from: from, to: to)
        figures = PeriodFigures(document, from: from, to: to)
        let previous = PeriodFigures.previous(from: from, to: to)
        previousFigures = PeriodFigures(document, from: previous.from, to: previous.to)
        decisions = ([nil] + IntakeDecision.allCases).map { decision in
            DecisionFigure(decision: decision, count: received.count { $0.decision == decision })
        }
    }

    /// The days someone was in touch with each stakeholder: notes, stage moves, Sure Thing ticks.
    private static func contactDays(in document: StoreDocument) -> [String: [CalendarDay]] {
        var days: [String: [CalendarDay]] = [:]
        for stakeholder in document.stakeholders {
            days[stakeholder.id, default: []] += (stakeholder.notes.map(\.at) + stakeholder.stageHistory.map(\.at))
                .map(CalendarDay.local)
        }
        for order in document.orders {
            order.checklist.forEachTick(in: .sureThing) { _, _, tick in
                days[order.stakeholderID, default: []].append(CalendarDay.local(at: tick.at))
            }
        }
        return days
    }

    /// The section least done across the period's orders, when one is behind the others.
    public var neglectedSection: ChecklistSection? {
        let withSteps = sections.filter { $0.progress.total > 0 }
        guard let lowest = withSteps.min(by: { $0.progress.fraction < $1.progress.fraction }),
              withSteps.contains(where: { $0.progress.fraction > lowest.progress.fraction }) else { return nil }
        return lowest.section
    }

    public var hoursSaved: Double { delivered.compactMap(\.hoursSaved).reduce(0, +) }
    public var saving: Double { delivered.compactMap(\.saving).reduce(0, +) }

    /// Of the orders with a decision, the share that got something other than a yes; nil with none.
    public var notYesShare: Double? {
        let decided = decisions.filter { $0.decision != nil }
        let total = decided.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        return Double(decided.filter { $0.decision != .accepted }.reduce(0) { $0 + $1.count }) / Double(total)
    }

    /// The period's share of orders that came as early involvement; nil with no orders.
    public var earlyShare: Double? {
        let total = arrivals.reduce(0) { $0 + $1.total }
        return total == 0 ? nil : Double(arrivals.reduce(0) { $0 + $1.earlyInvolvement }) / Double(total)
    }
}
