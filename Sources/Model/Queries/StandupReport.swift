/// Everything the morning stand-up needs, computed from the store for one day. The
/// dashboard's stand-up view and `fours standup` both show this.
public struct StandupReport: Sendable, Equatable {
    public struct OrderLine: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var stakeholder: String
        public var due: CalendarDay?
        public var progress: Progress
    }

    public struct TickLine: Sendable, Equatable {
        public var orderID: Int
        public var orderTitle: String
        public var step: String
        public var section: ChecklistSection
        public var by: String
        public var at: Timestamp
    }

    public struct StageMove: Sendable, Equatable {
        public var stakeholder: String
        public var change: StageChange
    }

    public struct TouchpointLine: Sendable, Equatable {
        public var stakeholder: String
        public var touchpoint: Touchpoint
    }

    /// What one person on the team did since the last stand-up, and what they have due.
    public struct PersonLine: Sendable, Equatable {
        /// Empty for the orders nobody owns.
        public var name: String
        public var ticked = 0
        public var notes = 0
        public var stageMoves = 0
        /// Their other changes, oldest first: "edited #4: title", "added #12 “Pilot”".
        public var changes: [String] = []
        /// Their open orders that are overdue or due this week, soonest first.
        public var due: [OrderLine] = []
    }

    /// A stakeholder nobody has been in touch with for the follow-up period.
    public struct QuietLine: Sendable, Equatable {
        public var stakeholder: String
        /// nil when no contact is recorded at all.
        public var lastContact: CalendarDay?
    }

    public var today: CalendarDay
    /// Ticks from this day on are "since the last stand-up".
    public var since: CalendarDay
    public var open: [OrderLine]
    public var overdue: [OrderLine]
    public var dueThisWeek: [OrderLine]
    public var ticks: [TickLine]
    public var stageMoves: [StageMove]
    public var touchpointsDue: [TouchpointLine]
    public var people: [PersonLine]
    /// Longest quiet first.
    public var quiet: [QuietLine]
    /// The follow-up period `quiet` was found with, in days.
    public var followUpDays: Int
    /// This month, then this quarter.
    public var value: [DeliveredValue]
    /// Done of total, per section, across the open orders.
    public var sectionCompletion: [(section: ChecklistSection, progress: Progress)]
    /// How many stakeholders sit at each stage, order taker first.
    public var spectrum: [(stage: EngagementStage, count: Int)]
    /// How orders arrived, month by month, oldest first.
    public var trend: [Trends.Arrivals]
    /// Per order type: open orders with their 4S, and arrivals in the last 30 days.
    public var types: TypeBreakdown
    /// How an order is named in the lines: `#12`, or with its team's store when several are together.
    public var label: @Sendable (Int) -> String = { "#\($0)" }

    public static func == (lhs: StandupReport, rhs: StandupReport) -> Bool {
        lhs.today == rhs.today && lhs.since == rhs.since && lhs.open == rhs.open && lhs.ticks == rhs.ticks
            && lhs.stageMoves == rhs.stageMoves && lhs.touchpointsDue == rhs.touchpointsDue
            && lhs.people == rhs.people && lhs.quiet == rhs.quiet && lhs.value == rhs.value
            && lhs.sectionCompletion.map(\.progress) == rhs.sectionCompletion.map(\.progress)
            && lhs.spectrum.map(\.count) == rhs.spectrum.map(\.count) && lhs.trend == rhs.trend
            && lhs.types == rhs.types
    }

    /// The last working day before `today`: Friday on a Monday or a weekend.
    public static func lastWorkingDay(before today: CalendarDay) -> CalendarDay {
        switch today.weekday {
        case 1: today.adding(days: -3)
        case 7: today.adding(days: -2)
        case 6: today.adding(days: -1)
        default: today.adding(days: -1)
        }
    }

    public init(_ document: StoreDocument, today: CalendarDay, since: CalendarDay? = nil, months: Int = 6) {
        let teamNames = document.teamNames
        label = { StoreDocument.shortID(ofNumber: $0, teamNames: teamNames) }
        self.today = today
        self.since = since ?? Self.lastWorkingDay(before: today)
        let openOrders = OrderQueue(document, today: today).orderIDs.compactMap(document.order(id:))
        func line(_ order: TrainingOrder) -> OrderLine {
            OrderLine(id: order.id, title: order.title,
                      stakeholder: document.stakeholder(id: order.stakeholderID)?.name ?? order.stakeholderID,
                      due: order.due, progress: order.checklist.progress)
        }
        open = openOrders.map(line)
        overdue = openOrders.filter { $0.isOverdue(on: today) }.map(line)
        dueThisWeek = openOrders.filter { order in
            order.due.map { $0 >= today && today.days(until: $0) < 7 } ?? false
        }.map(line)

        // From the first moment of `since` to the end of today: a clock set back (or a
        // machine's wrong one) does not count what is dated later as done since.
        let window = self.since.localStart..<today.adding(days: 1).localStart
        var found: [TickLine] = []
        for order in document.orders {
            order.checklist.forEachTick { section, step, tick in
                guard window.contains(tick.at) else { return }
                found.append(TickLine(orderID: order.id, orderTitle: order.title, step: step.title, section: section,
                                      by: tick.by, at: tick.at))
            }
        }
        // Sorted in place: a big store's ticks of the day are tens of thousands of lines.
        found.sort { $0.at > $1.at }
        ticks = found

        let withinTheWeek = today.adding(days: -6).localStart..<window.upperBound
        stageMoves = document.stakeholders.flatMap { stakeholder in
            stakeholder.stageHistory.filter { withinTheWeek.contains($0.at) }
                .map { StageMove(stakeholder: stakeholder.name, change: $0) }
        }.sorted { $0.change.at > $1.change.at }

        touchpointsDue = document.stakeholders.compactMap { stakeholder in
            guard let touchpoint = stakeholder.nextTouchpoint, today.days(until: touchpoint.on) < 7 else { return nil }
            return TouchpointLine(stakeholder: stakeholder.name, touchpoint: touchpoint)
        }.sorted { $0.touchpoint.on < $1.touchpoint.on }

        people = Self.people(in: document, within: window, ticks: ticks,
                             due: openOrders.filter { $0.isDueWithinAWeek(of: today) }.map { ($0.owners, line($0)) })
        followUpDays = document.settings.followUpPeriod
        let contact = StakeholderContact(document)
        let quietSince = today.adding(days: -followUpDays)
        quiet = document.stakeholders.compactMap { stakeholder -> QuietLine? in
            let last = contact.last(with: stakeholder.id)
            if let last, last > quietSince { return nil }
            return QuietLine(stakeholder: stakeholder.name, lastContact: last)
        }.sorted { ($0.lastContact?.ordinal ?? .min) < ($1.lastContact?.ordinal ?? .min) }
        value = DeliveredValue.monthAndQuarter(of: today, in: document)

        sectionCompletion = ChecklistSection.allCases.map { section in
            (section, openOrders.reduce(Progress(done: 0, total: 0)) { $0 + $1.checklist.progress(of: section) })
        }
        spectrum = Trends.spectrum(of: document, on: today)
        types = TypeBreakdown(document, from: today.adding(days: -29), to: today)
        trend = Trends.arrivals(in: Trends.Month.last(max(1, months), endingWith: Trends.Month(today)), of: document)
    }

    /// One line per person who changed something since `since` or owns an order due
    /// within the week, by name; the orders nobody owns last.
    private static func people(in document: StoreDocument, within window: Range<Timestamp>, ticks: [TickLine],
                               due: [(owners: [String], line: OrderLine)]) -> [PersonLine] {
        var byName: [String: PersonLine] = [:]
        func update(_ name: String, _ change: (inout PersonLine) -> Void) {
            // In place: a copy taken out and put back would copy its lists at every change.
            change(&byName[name, default: PersonLine(name: name)])
        }
        func isRecent(_ moment: Timestamp) -> Bool { window.contains(moment) }
        for tick in ticks { update(tick.by) { $0.ticked += 1 } }
        let notes = document.orders.flatMap(\.notes) + document.stakeholders.flatMap(\.notes)
        for note in notes where isRecent(note.at) { update(note.by) { $0.notes += 1 } }
        for move in document.stakeholders.flatMap(\.stageHistory) where isRecent(move.at) {
            update(move.by) { $0.stageMoves += 1 }
        }
        for entry in document.activity where isRecent(entry.at) { update(entry.by) { $0.changes.append(entry.what) } }
        for (owners, order) in due {
            for name in owners.isEmpty ? [""] : owners { update(name) { $0.due.append(order) } }
        }
        return byName.values.sorted { lhs, rhs in
            lhs.name.isEmpty != rhs.name.isEmpty ? !lhs.name.isEmpty : lhs.name.folded < rhs.name.folded
        }
    }

    /// The section with the lowest share done across open orders: the one the team neglects.
    public var neglectedSection: ChecklistSection? {
        let withSteps = sectionCompletion.filter { $0.progress.total > 0 }
        guard let lowest = withSteps.min(by: { $0.progress.fraction < $1.progress.fraction }),
              withSteps.contains(where: { $0.progress.fraction > lowest.progress.fraction }) else { return nil }
        return lowest.section
    }
}
