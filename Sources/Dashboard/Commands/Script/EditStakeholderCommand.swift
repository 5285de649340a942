import ArgumentParser
import Model

struct EditStakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-stakeholder", _superCommandName: "fours",
        abstract: "Change a stakeholder's name, role, team, three R's or next touchpoint; the stage moves with fours stage.",
        discussion: "Example: fours edit-stakeholder dana --rapport 2 --touchpoint +2w --purpose \"Quarterly review\""
    )

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("A unique part of the stakeholder's name.", valueName: "stakeholder"),
              completion: .custom(Completions.stakeholders))
    var stakeholder: String
    @Option(help: "Their name.") var name: String?
    @Option(help: "Their role.") var role: String?
    @Option(help: "Their team.") var team: String?
    @Option(help: "Rapport, 0 to 3; none to clear.") var rapport: String?
    @Option(help: "Reputation, 0 to 3; none to clear.") var reputation: String?
    @Option(help: "Relationships, 0 to 3; none to clear.") var relationships: String?
    @Option(help: ArgumentHelp("The next touchpoint's day; none to clear.", valueName: "date")) var touchpoint: String?
    @Option(help: "What the next touchpoint is for.") var purpose: String?
    @OptionGroup var dates: DateFormatOption
    @Flag(help: "Print the stakeholder as JSON.") var json = false

    /// The fields of a stakeholder's table each option sets (the stage moves with `fours stage`).
    static let fieldOptions: [String: String] = [
        "name": "--name", "role": "--role", "team": "--team", "rapport": "--rapport", "reputation": "--reputation",
        "relationships": "--relationships", "nextTouchpoint": "--touchpoint",
    ]

    func validate() throws {
        if [name, role, team, rapport, reputation, relationships, touchpoint, purpose].allSatisfy({ $0 == nil }) {
            throw ValidationError("say what to change, such as --role or --touchpoint (fours edit-stakeholder --help lists them)")
        }
    }

    func run() throws {
        // The stakeholder as JSON counts their orders; the words need none.
        let opened = try ScriptStore(storeOptions, forChanges: true, only: json ? nil : [])
        let person = try opened.find { try $0.stakeholder(stakeholder) }
        let today = ProcessSetup.clock.today
        var details = person.details
        if let name {
            guard !name.trimmingWhitespace.isEmpty else { throw CommandFailure.report("--name cannot be empty") }
            details.name = name
        }
        if let role { details.role = role }
        if let team { details.team = team }
        if let rapport { details.rapport = try Self.rating(rapport, option: "--rapport") }
        if let reputation { details.reputation = try Self.rating(reputation, option: "--reputation") }
        if let relationships { details.relationships = try Self.rating(relationships, option: "--relationships") }
        if let touchpoint {
            details.nextTouchpoint = touchpoint == "none" ? nil : Touchpoint(
                on: try DateOption.parse(touchpoint, option: "--touchpoint", today: today, order: dates.dateFormat),
                purpose: purpose ?? details.nextTouchpoint?.purpose ?? "")
        } else if let purpose {
            guard var next = details.nextTouchpoint else {
                throw CommandFailure.report("\(person.name) has no next touchpoint: give its day with --touchpoint")
            }
            next.purpose = purpose
            details.nextTouchpoint = next
        }
        let changed = details.changedFields(from: person.details)
        if !changed.isEmpty { try opened.apply(.editStakeholder(person.id, from: person.details, to: details)) }
        if json, let edited = opened.document.stakeholder(id: person.id) {
            ScriptOutput.json(OrderExchange.json(edited, counts: StakeholderOrderCounts(opened.document)))
        } else {
            print(TerminalSafety.visible(changed.isEmpty ? "Nothing to change on \(person.name)"
                                         : "Changed \(details.name): " + changed.joined(separator: ", ")))
        }
    }

    private static func rating(_ text: String, option: String) throws -> Int? {
        if text == "none" { return nil }
        guard let value = Int(text), NumberLimits.rating.contains(value) else {
            throw CommandFailure.report("\(option) \(text) is not \(NumberLimits.describe(NumberLimits.rating)), or none")
        }
        return value
    }
}
