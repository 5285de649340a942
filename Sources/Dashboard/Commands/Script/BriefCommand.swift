import ArgumentParser
import Model

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", _superCommandName: "fours",
        abstract: "What to read before meeting a stakeholder: stage and its history, the three R's, touchpoints, "
            + "open and delivered orders, what was learnt.",
        discussion: "Example: fours brief lena --format markdown > lena.md"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("A unique part of the stakeholder's name.", valueName: "stakeholder"),
              completion: .custom(Completions.stakeholders))
    var stakeholder: String
    @Option(help: "text, markdown or json.") var format: Format = .text

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: false)
        let person = try opened.find { try $0.stakeholder(stakeholder) }
        let brief = StakeholderBrief(person, in: opened.document)
        switch format {
        case .text: print(brief.text, terminator: "")
        case .markdown: print(brief.markdown, terminator: "")
        case .json: ScriptOutput.json(brief.json)
        }
    }
}
