import ArgumentParser
import Model

struct StandupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup", _superCommandName: "fours",
        abstract: "Print the stand-up (the same as view 3) as text, Markdown or JSON, for pasting into a chat.",
        discussion: """
            Ticks count from --since; by default from the last working day (Friday on a Monday). \
            It groups ticks and due orders by owner, lists stakeholders nobody was in touch with for \
            the store's settings.followUpDays (30 by default), and adds up the value of the orders \
            delivered this month and quarter.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var stores: StoresOptions

    // Unconditional, so that `--since -3d` takes -3d as the day rather than as an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Count ticks from this day: YYYY-MM-DD, yesterday, -3d ...", valueName: "date"))
    var since: String?

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    @OptionGroup var dates: DateFormatOption

    func run() throws {
        let today = ProcessSetup.clock.today
        var sinceDay: CalendarDay?
        if let since {
            sinceDay = try DateOption.parse(since, option: "--since", today: today, order: dates.dateFormat)
        }
        guard let storeOptions = stores.single() else {
            // Several stores: the department's stand-up together, then each team's.
            let department = try stores.department()
            let together = StandupReport(department.combined, today: today, since: sinceDay)
            let teams = department.teams.map { ($0.name, StandupReport($0.document, today: today, since: sinceDay)) }
            switch format {
            case .text:
                print(together.text(heading: "All teams: " + department.combined.name), terminator: "")
                for (name, report) in teams { print("\n" + report.text(heading: name), terminator: "") }
            case .markdown:
                print(together.markdown(heading: "All teams: " + department.combined.name), terminator: "")
                for (name, report) in teams { print("\n" + report.markdown(heading: name), terminator: "") }
            case .json:
                let json = JSONValue.object(JSONObject(["together": department.labelled(together.json), "teams": .array(teams.map { name, report in
                    .object(JSONObject(["store": .string(name), "standup": report.json]))
                })]))
                print(String(decoding: JSONWriter.bytes(for: json), as: UTF8.self), terminator: "")
            }
            return
        }
        let store = try storeOptions.openForSummary()
        let report = StandupReport(store.document, today: today, since: sinceDay)
        switch format {
        case .text: print(report.text, terminator: "")
        case .markdown: print(report.markdown, terminator: "")
        case .json: print(String(decoding: JSONWriter.bytes(for: report.json), as: UTF8.self), terminator: "")
        }
    }
}
