import ArgumentParser
import Model

struct StakeholdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholders", _superCommandName: "fours",
        abstract: "List the stakeholders with their stage, the three R's and their open orders.",
        discussion: "Example: fours stakeholders --json | jq '.[] | select(.stageNumber < 3) | .name'"
    )

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print them as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: false)
        let document = opened.document
        if json {
            let counts = StakeholderOrderCounts(document)
            ScriptOutput.json(.array(document.stakeholders.map { OrderExchange.json($0, counts: counts) }))
            return
        }
        guard !document.stakeholders.isEmpty else {
            print(ScriptOutput.dim("No stakeholders yet."))
            return
        }
        let contact = StakeholderContact(document)
        let counts = StakeholderOrderCounts(document)
        ScriptOutput.table(["Name", "Stage", "R's", "Open", "Next touchpoint", "Last contact"], document.stakeholders.map { person in
            [person.name, "\(person.stage.rawValue) \(person.stage.title)",
             [person.rapport, person.reputation, person.relationships].map { $0.map(String.init) ?? "-" }.joined(separator: "/"),
             String(counts[person.id].open),
             person.nextTouchpoint?.on.description ?? "—", contact.last(with: person.id)?.description ?? "—"]
        }, shrinking: 0)
    }
}
