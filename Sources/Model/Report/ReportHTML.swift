/// The report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing
/// fetched; light or dark as the reader's system is, and A4 or Letter on paper.
extension PartnershipReport {
    public var html: String {
        let sections = (teams.isEmpty ? [] : [section(teamsTable, chart: teamsChart)]) + [
            section(spectrumTable, chart: spectrumChart),
            section(arrivalsTable, chart: arrivalsChart),
            section(sectionsTable, chart: sectionsChart),
        ] + (types.rows.isEmpty ? [] : [section(typesTable, chart: nil)]) + [
            section(deliveredTable, chart: deliveredChart),
            section(movesTable, chart: movesChart),
            section(touchpointsTable, chart: touchpointsChart),
            section(threeRsTable, chart: threeRsChart),
            section(decisionsTable, chart: decisionsChart),
        ]
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(HTMLText.escaped(title))</title>
            <style>\(Self.css)</style></head>
            <body><header><h1>\(HTMLText.escaped(storeName)): the partnership story</h1>
            <p class="period">\(from) to \(to) · from order taker to strategic business partner</p></header>
            \(headlineStrip)
            \(sections.joined(separator: "\n"))
            <footer><p>Made by fours from its store file. Every chart has its figures in the table beside it.</p></footer>
            </body></html>

            """
    }

    /// The period's headline figures, each beside the period before, read at a glance.
    private var headlineStrip: String {
        let table = headlineTable
        let cards = headlines.map { headline in
            "<div><dt>\(HTMLText.escaped(headline.figure))</dt><dd class=\"now\">\(HTMLText.escaped(headline.now))</dd>"
                + "<dd class=\"before\">\(HTMLText.escaped(headline.before)) the period before</dd></div>"
        }.joined()
        return "<section id=\"at-a-glance\"><h2>\(HTMLText.escaped(table.title))</h2><p>\(HTMLText.escaped(table.summary))</p>"
            + "<dl class=\"strip\">\(cards)</dl></section>"
    }

    private func section(_ table: Table, chart: String?) -> String {
        let id = table.title.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: "-")
        // A table with nothing but zeros says nothing: no chart and no table for it.
        let isBlank = chart == nil && table.rows.allSatisfy { $0.dropFirst().allSatisfy { ["", "0", "—", "0%"].contains($0) } }
        guard !isBlank else {
            return "<section id=\"\(id)\"><h2>\(HTMLText.escaped(table.title))</h2><p>\(HTMLText.escaped(table.summary))</p>"
                + "<p class=\"empty\">Nothing in this period.</p></section>"
        }
        let head = table.columns.map { "<th scope=\"col\">\(HTMLText.escaped($0))</th>" }.joined()
        let rows = table.rows.map { cells in
            "<tr>" + cells.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(HTMLText.escaped(cell))</th>"
                    : "<td\(Self.isFigure(cell) ? " class=\"n\"" : "")>\(HTMLText.escaped(cell))</td>"
            }.joined() + "</tr>"
        }.joined()
        let tableHTML = "<table><caption>\(HTMLText.escaped(table.title)): the figures</caption><thead><tr>\(head)</tr></thead>"
            + "<tbody>\(rows)</tbody></table>"
        // A table of many columns goes under its chart, the others beside it.
        let layout = table.columns.count > 5 ? " class=\"wide\"" : ""
        let figure = chart.map { "<figure\(layout)><div class=\"chart\">\($0)</div><div class=\"figures\">\(tableHTML)</div></figure>" }
            ?? tableHTML
        return "<section id=\"\(id)\"><h2>\(HTMLText.escaped(table.title))</h2><p>\(HTMLText.escaped(table.summary))</p>"
            + "\(figure)</section>"
    }

    private static func isFigure(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "," || $0 == "%" || $0 == "." || $0 == "—" }
    }

    private static let stageStyles = ["s1", "s2", "s3", "s4", "s5"]

    /// The months under a chart: "Jun 2026" at the first and at each January, the name alone
    /// for the others.
    private static func axis(_ months: [Trends.Month]) -> [String] {
        months.enumerated().map { index, month in
            let name = CalendarDay.monthNames[month.month - 1]
            return index == 0 || month.month == 1 ? "\(name) \(month.year)" : name
        }
    }

    private var spectrumChart: String? {
        guard spectrum.contains(where: { $0.counts.reduce(0, +) > 0 }) else { return nil }
        return SVGChart.stacked(
            id: "spectrum", title: spectrumTable.title, description: spectrumTable.summary,
            categories: Self.axis(spectrum.map(\.month)),
            series: EngagementStage.allCases.enumerated().map { index, stage in
                SVGChart.Series(name: stage.shortTitle, style: Self.stageStyles[index], values: spectrum.map { $0.counts[index] })
            })
    }

    private var arrivalsChart: String? {
        guard arrivals.contains(where: { $0.total > 0 }) else { return nil }
        return SVGChart.stacked(
            id: "arrivals", title: arrivalsTable.title, description: arrivalsTable.summary,
            categories: Self.axis(arrivals.map(\.month)),
            series: [
                SVGChart.Series(name: "Request", style: "request", values: arrivals.map(\.transactional)),
                SVGChart.Series(name: "Conversation", style: "conversation", values: arrivals.map(\.collaborative)),
                SVGChart.Series(name: "Early involvement", style: "early", values: arrivals.map(\.earlyInvolvement)),
            ],
            notes: arrivals.map { $0.earlyShare.map { "\(Int(($0 * 100).rounded()))% early" } ?? "" })
    }

    /// A bar for each team: the orders it received in the period, those that came as early
    /// involvement at the bottom, with its 4S completion above.
    private var teamsChart: String? {
        guard teams.contains(where: { $0.figures.received > 0 }) else { return nil }
        return SVGChart.stacked(
            id: "teams", title: teamsTable.title, description: teamsTable.summary,
            categories: teams.map(\.name),
            series: [
                SVGChart.Series(name: "Early involvement", style: "early", values: teams.map(\.figures.earlyInvolvement)),
                SVGChart.Series(name: "Asked for", style: "request",
                                values: teams.map { $0.figures.received - $0.figures.earlyInvolvement }),
            ],
            notes: teams.map { "4S " + Self.percent($0.figures.fourS.total == 0 ? nil : $0.figures.fourS.fraction) })
    }

    private var sectionsChart: String? {
        guard sections.contains(where: { $0.progress.total > 0 }) else { return nil }
        return SVGChart.horizontal(
            id: "sections", title: sectionsTable.title, description: sectionsTable.summary,
            bars: sections.map { figure in
                SVGChart.Bar(label: figure.section.title, value: figure.progress.fraction * 100,
                             text: "\(Self.percent(figure.progress.total == 0 ? nil : figure.progress.fraction)) "
                                 + "(\(figure.progress))",
                             style: figure.section == neglectedSection ? "behind" : "done")
            }, maximum: 100)
    }

    private var deliveredChart: String? {
        let valued = delivered.filter { ($0.saving ?? $0.hoursSaved ?? 0) > 0 }
        guard !valued.isEmpty else { return nil }
        let bySaving = valued.contains { $0.saving != nil }
        return SVGChart.horizontal(
            id: "delivered", title: deliveredTable.title, description: deliveredTable.summary,
            bars: valued.sorted { ($0.saving ?? $0.hoursSaved ?? 0) > ($1.saving ?? $1.hoursSaved ?? 0) }
                .prefix(Self.deliveredShown).map { order in
                let value = bySaving ? order.saving ?? 0 : order.hoursSaved ?? 0
                return SVGChart.Bar(label: "\(label(order.id)) " + order.title, value: value,
                                    text: GroupedNumber.text(value) + (bySaving ? " saved" : " h"), style: "value")
            })
    }

    private var movesChart: String? {
        splitChart(id: "moves", table: movesTable, good: ("Toward partnership", moves.count(where: \.isUp)),
                   bad: "Back", of: moves.count)
    }

    private var touchpointsChart: String? {
        splitChart(id: "touchpoints", table: touchpointsTable, good: ("Kept", touchpoints.count(where: \.kept)),
                   bad: "Missed", of: touchpoints.count)
    }

    /// Two bars for a count split in two, the good part and the rest; nil with nothing to split.
    private func splitChart(id: String, table: Table, good: (label: String, count: Int), bad: String, of total: Int) -> String? {
        guard total > 0 else { return nil }
        return SVGChart.horizontal(
            id: id, title: table.title, description: table.summary,
            bars: [SVGChart.Bar(label: good.label, value: Double(good.count), text: String(good.count), style: "done"),
                   SVGChart.Bar(label: bad, value: Double(total - good.count), text: String(total - good.count), style: "behind")])
    }

    private var threeRsChart: String? {
        // The chart shows those who were rated; the table lists everyone.
        let rated = threeRs.filter { ($0.rapport ?? $0.reputation ?? $0.relationships) != nil }
        guard !rated.isEmpty else { return nil }
        return SVGChart.horizontal(
            id: "three-rs", title: threeRsTable.title, description: threeRsTable.summary,
            bars: rated.flatMap { figure in
                [("rapport", figure.rapport, "r1"), ("reputation", figure.reputation, "r2"),
                 ("relationships", figure.relationships, "r3")].map { name, rating, style in
                    SVGChart.Bar(label: "\(figure.stakeholder), \(name)", value: Double(rating ?? 0),
                                 text: rating.map { "\($0) of 3" } ?? "not rated", style: style)
                }
            }, maximum: 3)
    }

    private var decisionsChart: String? {
        guard decisions.contains(where: { $0.count > 0 }) else { return nil }
        return SVGChart.horizontal(
            id: "decisions", title: decisionsTable.title, description: decisionsTable.summary,
            bars: decisions.map { figure in
                SVGChart.Bar(label: figure.decision?.title ?? "not recorded", value: Double(figure.count),
                             text: String(figure.count), style: figure.decision == .accepted ? "done" : "request")
            })
    }

    private static let css = """
        :root{--fg:#1d2430;--bg:#fff;--muted:#5b6573;--grid:#d9dee5;--s1:#c8553d;--s2:#e0a33a;--s3:#2a9d8f;\
        --s4:#3a6ea5;--s5:#2e7d4f;--request:#9aa5b1;--conversation:#2a9d8f;--early:#2e7d4f;--done:#2e7d4f;\
        --behind:#c8553d;--value:#3a6ea5;--r1:#2a9d8f;--r2:#3a6ea5;--r3:#8e6bbf}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--bg:#15191f;--muted:#a4adb9;--grid:#39414c;\
        --s1:#e07a5f;--s2:#f2c14e;--s3:#4cc9b0;--s4:#6fa8dc;--s5:#6bcf8f;--request:#7d8794;--conversation:#4cc9b0;\
        --early:#6bcf8f;--done:#6bcf8f;--behind:#e07a5f;--value:#6fa8dc;--r1:#4cc9b0;--r2:#6fa8dc;--r3:#b39ddb}}
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);\
        max-width:62rem;margin:2rem auto;padding:0 1.5rem}
        h1{font-size:1.6rem;margin:0}h2{font-size:1.2rem;margin:0 0 .3rem}.period,.empty,footer{color:var(--muted)}
        section{margin:2.2rem 0;break-inside:avoid;page-break-inside:avoid}
        figure{margin:.6rem 0 0;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:start}
        svg{width:100%;height:auto}svg text{fill:var(--fg);font-size:12px}svg text.note{font-size:11px;fill:var(--muted)}
        .grid{stroke:var(--grid);stroke-width:1}.s1{fill:var(--s1)}.s2{fill:var(--s2)}.s3{fill:var(--s3)}.s4{fill:var(--s4)}\
        .s5{fill:var(--s5)}.request{fill:var(--request)}.conversation{fill:var(--conversation)}.early{fill:var(--early)}\
        .done{fill:var(--done)}.behind{fill:var(--behind)}.value{fill:var(--value)}.r1{fill:var(--r1)}.r2{fill:var(--r2)}\
        .r3{fill:var(--r3)}
        table{border-collapse:collapse;font-size:13px;width:100%}caption{text-align:left;color:var(--muted);padding-bottom:.3rem}
        th,td{border-bottom:1px solid var(--grid);padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        .strip{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.8rem;margin:.6rem 0 0;padding:0}
        .strip div{border:1px solid var(--grid);border-radius:6px;padding:.5rem .7rem;break-inside:avoid}
        .strip dt{color:var(--muted);font-size:.85rem}.strip dd{margin:0}.strip .now{font-size:1.3rem;font-weight:600}
        .strip .before{color:var(--muted);font-size:.85rem}
        thead th{font-weight:600}tbody th{font-weight:normal}td.n{text-align:right;font-variant-numeric:tabular-nums}
        figure.wide{grid-template-columns:1fr}.wide .chart{max-width:40rem}
        @media (max-width:52rem){figure{grid-template-columns:1fr}}
        @media print{body{margin:0;max-width:none;font-size:11pt}@page{size:auto;margin:14mm}figure{grid-template-columns:1fr}}
        """
}
