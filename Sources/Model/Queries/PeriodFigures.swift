/// The headline figures of a period, for the strip at the top of the report, each beside
/// the same figure for the period just before, of the same length.
public struct PeriodFigures: Sendable, Equatable {
    public var received = 0
    public var earlyInvolvement = 0
    /// The 4S steps done of all steps, on the orders received in the period.
    public var fourS = Progress(done: 0, total: 0)
    public var delivered = 0
    public var hoursSaved = 0.0
    public var saving = 0.0
    /// Stage moves toward strategic partner, and back.
    public var movesUp = 0
    public var movesDown = 0

    public init(_ document: StoreDocument, from: CalendarDay, to: CalendarDay) {
        for order in document.orders {
            if order.received >= from && order.received <= to {
                received += 1
                if order.arrival == .earlyInvolvement { earlyInvolvement += 1 }
                fourS = fourS + order.checklist.progress
            }
            if order.status == .delivered, let day = order.closedOn, day >= from, day <= to {
                delivered += 1
                hoursSaved += order.value.hoursSaved ?? 0
                saving += order.value.saving ?? 0
            }
        }
        for person in document.stakeholders {
            for move in person.stageHistory where (from...to).contains(CalendarDay.local(at: move.at)) {
                if move.to.rawValue > move.from.rawValue { movesUp += 1 } else { movesDown += 1 }
            }
        }
    }

    public var earlyShare: Double? { received == 0 ? nil : Double(earlyInvolvement) / Double(received) }

    /// The period of the same length that ends the day before `from`.
    public static func previous(from: CalendarDay, to: CalendarDay) -> (from: CalendarDay, to: CalendarDay) {
        let days = from.days(until: to) + 1
        return (from.adding(days: -days), from.adding(days: -1))
    }
}

extension PartnershipReport {
    /// One figure of the strip: its name, this period's and the one before, in words.
    public struct Headline: Sendable, Equatable {
        public var figure: String
        public var now: String
        public var before: String
    }

    /// Orders received, the early-involvement share, 4S completion, value delivered and
    /// moves toward partnership, each beside the period before.
    public var headlines: [Headline] {
        let (now, before) = (figures, previousFigures)
        func value(_ figures: PeriodFigures) -> String {
            figures.saving > 0 ? GroupedNumber.text(figures.saving) + " saved"
                : figures.hoursSaved > 0 ? GroupedNumber.text(figures.hoursSaved) + " h saved" : "none shown"
        }
        func share(_ progress: Progress) -> Double? { progress.total == 0 ? nil : progress.fraction }
        return [
            Headline(figure: "Orders received", now: String(now.received), before: String(before.received)),
            Headline(figure: "Early involvement", now: Self.percent(now.earlyShare), before: Self.percent(before.earlyShare)),
            Headline(figure: "4S completion", now: Self.percent(share(now.fourS)), before: Self.percent(share(before.fourS))),
            Headline(figure: "Value delivered", now: value(now), before: value(before)),
            Headline(figure: "Moves toward partnership", now: "\(now.movesUp) up, \(now.movesDown) back",
                     before: "\(before.movesUp) up, \(before.movesDown) back"),
        ]
    }

    public var teamsTable: Table {
        Table(title: "By team",
              summary: "Each team's store: the same figures as at a glance, for the period.",
              columns: ["Team", "Received", "Early involvement", "4S completion", "Delivered", "Value", "Moves"],
              rows: teams.map { name, figures in
                  [name, String(figures.received), Self.percent(figures.earlyShare),
                   Self.percent(figures.fourS.total == 0 ? nil : figures.fourS.fraction), String(figures.delivered),
                   figures.saving > 0 ? GroupedNumber.text(figures.saving) + " saved" : "\(GroupedNumber.text(figures.hoursSaved)) h",
                   "\(figures.movesUp) up, \(figures.movesDown) back"]
              })
    }

    public var headlineTable: Table {
        let (start, end) = PeriodFigures.previous(from: from, to: to)
        return Table(title: "The period at a glance",
                     summary: "Each figure beside the same one for the period before, \(start) to \(end).",
                     columns: ["Figure", "This period", "The period before"],
                     rows: headlines.map { [$0.figure, $0.now, $0.before] })
    }
}
