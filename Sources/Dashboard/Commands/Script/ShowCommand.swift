import ArgumentParser
import Model

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one order: its details, its numbered 4S steps and its notes.",
        discussion: "The step numbers are what fours tick and untick take. Example: fours show 12"
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @Flag(help: "Print the order as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: false)
        let found = try opened.find { try $0.order(reference.order) }
        let document = opened.document
        if json {
            ScriptOutput.json(OrderExchange.json(found, in: document))
            return
        }
        let stakeholder = document.stakeholder(id: found.stakeholderID)
        var lines = [ScriptOutput.bold("\(found.shortID) \(found.title)")]
        lines.append("Stakeholder: \(stakeholder?.name ?? found.stakeholderID)"
                     + (stakeholder.map { " (\($0.stage.rawValue)/5 \($0.stage.title))" } ?? ""))
        lines.append("Status: \(found.status.title) · \(found.priority.rawValue) priority · received \(found.received)"
                     + (found.due.map { " · due \($0)" } ?? "") + (found.closedOn.map { " · closed \($0)" } ?? ""))
        if !found.owners.isEmpty { lines.append("Owners: " + found.owners.joined(separator: ", ")) }
        if !found.tags.isEmpty { lines.append("Tags: " + found.tags.map { "#\($0)" }.joined(separator: " ")) }
        if !found.request.isEmpty { lines.append("Request: \(found.request)") }
        if !found.businessProblem.isEmpty { lines.append("Business problem: \(found.businessProblem)") }
        lines.append("")
        lines.append(ScriptOutput.bold("4S checklist \(found.checklist.progress)"))
        var section: ChecklistSection?
        for (number, stepSection, step) in StoreLookup.numberedSteps(of: found) {
            if stepSection != section {
                section = stepSection
                lines.append("  \(stepSection.title) \(found.checklist.progress(of: stepSection))")
            }
            let tick = step.tick.map { ScriptOutput.dim("  \($0.by), \(CalendarDay.local(at: $0.at))") } ?? ""
            lines.append("  \(String(number).padding(toWidth: 3)) [\(step.isDone ? "x" : " ")] \(step.details.title)"
                         + (step.details.isHidden ? " (hidden)" : "") + tick)
        }
        if !found.notes.isEmpty {
            lines.append("")
            lines.append(ScriptOutput.bold("Notes"))
            for note in found.notes.reversed() { lines.append("  \(CalendarDay.local(at: note.at)) \(note.by): \(note.text)") }
        }
        for line in lines { print(TerminalSafety.visible(line, keepingLines: true)) }
    }
}

extension String {
    func padding(toWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
