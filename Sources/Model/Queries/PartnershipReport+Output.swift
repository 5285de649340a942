/// The report as tables: the same rows the HTML puts beside its charts, for Markdown and
/// JSON.
extension PartnershipReport {
    public struct Table: Sendable, Equatable {
        public var title: String
        /// What the table shows, in a sentence; for the chart's description too.
        public var summary: String
        public var columns: [String]
        public var rows: [[String]]
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    public var title: String { "\(storeName): the partnership story, \(from) to \(to)" }

    public var spectrumTable: Table {
        Table(title: "The spectrum over time",
              summary: "How many stakeholders stood at each stage at the end of each month.",
              columns: ["Month"] + EngagementStage.allCases.map(\.title),
              rows: spectrum.map { [$0.month.title] + $0.counts.map(String.init) })
    }

    public var arrivalsTable: Table {
        Table(title: "How orders arrived",
              summary: "Orders received each month: a transactional request, a collaborative conversation, or early "
                  + "involvement in an initiative. Early involvement over the period: \(Self.percent(earlyShare)).",
              columns: ["Month", "Request", "Conversation", "Early", "Early share"],
              rows: arrivals.map { month in
                  [month.month.title, String(month.transactional), String(month.collaborative),
                   String(month.earlyInvolvement), Self.percent(month.earlyShare)]
              })
    }

    public var sectionsTable: Table {
        Table(title: "4S completion",
              summary: "Steps done of all steps, per section, across the orders received in the period."
                  + (neglectedSection.map { " Least done: \($0.title)." } ?? ""),
              columns: ["Section", "Done", "Steps", "Share"],
              rows: sections.map { figure in
                  [figure.section.title, String(figure.progress.done), String(figure.progress.total),
                   Self.percent(figure.progress.total == 0 ? nil : figure.progress.fraction)]
              })
    }

    /// How many delivered orders the page and the Markdown list one by one (the most
    /// recent); the others are summed in one row. The JSON lists every one.
    static let deliveredShown = 25

    public var deliveredTable: Table {
        let shown = delivered.suffix(Self.deliveredShown)
        let rest = delivered.dropLast(Self.deliveredShown)
        let summed = rest.isEmpty ? [] : [[
            "\(GroupedNumber.text(Double(rest.count))) more, delivered earlier", "", "\(rest.first?.closedOn.description ?? "") to \(rest.last?.closedOn.description ?? "")",
            "", "", "", "", GroupedNumber.text(rest.compactMap(\.hoursSaved).reduce(0, +)), GroupedNumber.text(rest.compactMap(\.saving).reduce(0, +)),
            "\(rest.count { !$0.followUps.isEmpty }) led to one",
        ]]
        return Table(title: "Delivered, measured and valued",
              summary: "\(Counted(delivered.count, "order")) delivered; the value shown to "
                  + "stakeholders adds up to \(GroupedNumber.text(hoursSaved)) hours and \(GroupedNumber.text(saving)) saved; "
                  + "\(ledToFollowUp) of them led to a follow-up order."
                  + (rest.isEmpty ? "" : " The \(shown.count) most recent are listed; the \(GroupedNumber.text(Double(rest.count))) before them are summed in one row."),
              columns: ["Order", "Stakeholder", "Delivered", "Metric", "Baseline", "Target", "Result", "Hours saved", "Saving",
                        "Follow-up"],
              rows: summed + shown.map { order in
                  ["\(label(order.id)) \(order.title)", order.stakeholder, order.closedOn.description, order.measurement.metric,
                   order.measurement.baseline, order.measurement.target, order.measurement.result,
                   order.hoursSaved.map(GroupedNumber.text) ?? "—", order.saving.map(GroupedNumber.text) ?? "—",
                   order.followUps.isEmpty ? "—" : order.followUps.map(label).joined(separator: ", ")]
              })
    }

    /// How many of the orders delivered led to a follow-up order: the next one set up to go the ideal way.
    public var ledToFollowUp: Int {
        delivered.count { !$0.followUps.isEmpty }
    }

    public var movesTable: Table {
        let up = moves.count(where: \.isUp)
        return Table(title: "Stakeholders who moved",
                     summary: "\(up) move\(up == 1 ? "" : "s") toward partnership, \(moves.count - up) back.",
                     columns: ["Day", "Stakeholder", "From", "To", "Note"],
                     rows: moves.map { move in
                         [CalendarDay.local(at: move.change.at).description, move.stakeholder, move.change.from.title,
                          move.change.to.title, move.change.note]
                     })
    }

    public var touchpointsTable: Table {
        let kept = touchpoints.count(where: \.kept)
        return Table(title: "Touchpoints kept and missed",
                     summary: "\(kept) of \(touchpoints.count) planned touchpoints kept (someone was in touch from the day "
                         + "before to a week after).",
                     columns: ["Day", "Stakeholder", "Purpose", "Kept"],
                     rows: touchpoints.map { [$0.touchpoint.on.description, $0.stakeholder, $0.touchpoint.purpose,
                                              $0.kept ? "kept" : "missed"] })
    }

    public var threeRsTable: Table {
        func rating(_ value: Int?) -> String { value.map(String.init) ?? "—" }
        return Table(title: "The three R's",
                     summary: "Rapport, reputation and relationships with each stakeholder, rated 0 to 3.",
                     columns: ["Stakeholder", "Stage", "Rapport", "Reputation", "Relationships"],
                     rows: threeRs.map { [$0.stakeholder, $0.stage.title, rating($0.rapport), rating($0.reputation),
                                         rating($0.relationships)] })
    }

    public var decisionsTable: Table {
        Table(title: "Decisions at intake",
              summary: "What the team decided about the orders received in the period. Something other than yes: "
                  + "\(Self.percent(notYesShare)) of the decided ones.",
              columns: ["Decision", "Orders"],
              rows: decisions.map { [$0.decision?.title ?? "not recorded", String($0.count)] })
    }

    public var typesTable: Table {
        Table(title: "By order type",
              summary: "Per kind of work: the orders received in the period and the 4S steps done on them, the orders "
                  + "open now, and those delivered in the period.",
              columns: ["Type", "Received", "4S done", "4S share", "Open", "Delivered"],
              rows: types.rows.map { row in
                  [row.name, String(row.arrived), "\(row.progress.done) of \(row.progress.total)",
                   Self.percent(row.progress.total == 0 ? nil : row.progress.fraction), String(row.open), String(row.delivered)]
              })
    }

    public var tables: [Table] {
        [headlineTable] + (teams.isEmpty ? [] : [teamsTable]) + [spectrumTable, arrivalsTable, sectionsTable] + (types.rows.isEmpty ? [] : [typesTable])
            + [deliveredTable, movesTable, touchpointsTable, threeRsTable, decisionsTable]
    }

    public var markdown: String {
        // The store's name and its people's names are shown, never obeyed; the cells are made safe by the table.
        var output = "# \(TerminalSafety.visible(title))\n"
        for table in tables {
            output += "\n## \(table.title)\n\n\(TerminalSafety.visible(table.summary))\n\n"
            guard !table.rows.isEmpty else {
                output += "Nothing in this period.\n"
                continue
            }
            output += MarkdownTable.text(columns: table.columns, rows: table.rows)
        }
        return output
    }

    /// The shape is documented in the README.
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        func count(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        return .object(JSONObject([
            "store": .string(storeName), "from": .string(from.description), "to": .string(to.description),
            "headline": .object(JSONObject(["now": figures.json, "before": previousFigures.json])),
            "teams": .array(teams.map { name, figures in .object(JSONObject(["team": .string(name), "figures": figures.json])) }),
            "spectrum": .array(spectrum.map { month in
                .object(JSONObject(["month": .string(month.month.description), "stages": .object(JSONObject(
                    Dictionary(uniqueKeysWithValues: zip(EngagementStage.allCases.map(\.key), month.counts.map { .number(Double($0)) }))))]))
            }),
            "arrivals": .array(arrivals.map { month in
                .object(JSONObject(["month": .string(month.month.description),
                                    "transactionalRequest": count(month.transactional),
                                    "collaborativeConversation": count(month.collaborative),
                                    "earlyInvolvement": count(month.earlyInvolvement), "earlyShare": number(month.earlyShare)]))
            }),
            "earlyShare": number(earlyShare),
            "sections": .object(JSONObject(Dictionary(uniqueKeysWithValues: sections.map { figure in
                (figure.section.rawValue, JSONValue.object(JSONObject(["done": count(figure.progress.done),
                                                                       "total": count(figure.progress.total)])))
            }))),
            "leastDone": neglectedSection.map { .string($0.rawValue) } ?? .null,
            "types": .array(types.rows.map { row in
                .object(JSONObject(["type": .string(row.name), "received": count(row.arrived), "done": count(row.progress.done),
                                    "total": count(row.progress.total), "open": count(row.open), "delivered": count(row.delivered)]))
            }),
            "ledToFollowUp": count(ledToFollowUp),
            "delivered": .array(delivered.map { order in
                .object(JSONObject(["id": count(order.id), "title": .string(order.title), "stakeholder": .string(order.stakeholder),
                                    "closedOn": .string(order.closedOn.description), "metric": .string(order.measurement.metric),
                                    "baseline": .string(order.measurement.baseline), "target": .string(order.measurement.target),
                                    "result": .string(order.measurement.result), "hoursSaved": number(order.hoursSaved),
                                    "saving": number(order.saving), "followUps": .array(order.followUps.map(count))]))
            }),
            "hoursSaved": .number(hoursSaved), "saving": .number(saving),
            "moves": .array(moves.map { move in
                .object(JSONObject(["stakeholder": .string(move.stakeholder), "from": .string(move.change.from.key),
                                    "to": .string(move.change.to.key), "at": .string(move.change.at.description),
                                    "note": .string(move.change.note), "up": .bool(move.isUp)]))
            }),
            "touchpoints": .array(touchpoints.map { figure in
                .object(JSONObject(["stakeholder": .string(figure.stakeholder), "on": .string(figure.touchpoint.on.description),
                                    "purpose": .string(figure.touchpoint.purpose), "kept": .bool(figure.kept)]))
            }),
            "threeRs": .array(threeRs.map { figure in
                .object(JSONObject(["stakeholder": .string(figure.stakeholder), "stage": .string(figure.stage.key),
                                    "rapport": count(figure.rapport), "reputation": count(figure.reputation),
                                    "relationships": count(figure.relationships)]))
            }),
            "decisions": .object(JSONObject(Dictionary(uniqueKeysWithValues: decisions.map { figure in
                (figure.decision?.rawValue ?? "none", count(figure.count))
            }))),
            "notYesShare": number(notYesShare),
        ]))
    }
}

extension PeriodFigures {
    var json: JSONValue {
        .object(JSONObject([
            "received": .number(Double(received)), "earlyShare": earlyShare.map { .number($0) } ?? .null,
            "done": .number(Double(fourS.done)), "total": .number(Double(fourS.total)), "delivered": .number(Double(delivered)),
            "hoursSaved": .number(hoursSaved), "saving": .number(saving), "movesUp": .number(Double(movesUp)),
            "movesDown": .number(Double(movesDown)),
        ]))
    }
}
