import ArgumentParser
import Model

/// `fours report`: the partnership story for leadership, as a page with charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: "fours",
        abstract: "Write the partnership story of a period as one HTML page with charts (or its figures as JSON or Markdown).",
        discussion: """
            The page holds the spectrum over time, how orders arrived, 4S completion, delivered \
            orders with their measurement and value, stage moves, touchpoints kept and missed, the \
            three R's and the decisions taken at intake; each chart has its figures in a table. It is \
            self-contained (no scripts, nothing fetched), follows light or dark mode and prints on A4 \
            or Letter. The period runs from --from to --to, by default the last six months. \
            Example: fours report --from 2026-07-01 --out q3.html
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, json, markdown
    }

    @OptionGroup var stores: StoresOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("First day: YYYY-MM-DD, or -90d.", valueName: "date"))
    var from: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Last day: YYYY-MM-DD, or today (the default).", valueName: "date"))
    var to: String?

    @Option(help: "html, json or markdown.")
    var format: Format = .html

    @Option(help: ArgumentHelp("Write here instead of the standard output; for html, fours-report.html by default.",
                               valueName: "file"))
    var out: String?

    @OptionGroup var dates: DateFormatOption

    func run() throws {
        let today = ProcessSetup.clock.today
        let last = try day(to, named: "--to", today: today) ?? today
        let first = try day(from, named: "--from", today: today)
            ?? Trends.Month.last(6, endingWith: Trends.Month(last)).first?.first ?? last
        guard first <= last else { throw CommandFailure.report("--from \(first) is after --to \(last)") }
        // Several stores: the department together, with a series per team, orders named by their store.
        let department: Department?
        let report: PartnershipReport
        if let single = stores.single() {
            department = nil
            report = PartnershipReport(try single.openForSummary().document, from: first, to: last)
        } else {
            let several = try stores.department()
            department = several
            report = PartnershipReport(several, from: first, to: last)
        }
        let json = department.map { $0.labelled(report.json) } ?? report.json
        let text = switch format {
        case .html: report.html
        case .json: String(decoding: JSONWriter.bytes(for: json), as: UTF8.self)
        case .markdown: report.markdown
        }
        guard let path = out ?? (format == .html ? "fours-report.html" : nil) else {
            print(text, terminator: "")
            return
        }
        do { try UserFile.write(text, to: path) } catch { throw CommandFailure.report(error.message) }
        print(TerminalSafety.visible("Wrote \(path): \(report.title)"))
    }

    private func day(_ text: String?, named option: String, today: CalendarDay) throws -> CalendarDay? {
        guard let text else { return nil }
        return try DateOption.parse(text, option: option, today: today, order: dates.dateFormat)
    }
}
