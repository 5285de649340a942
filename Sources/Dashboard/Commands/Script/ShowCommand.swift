import ArgumentParser
import Model

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", _superCommandName: "fours",
        abstract: "Show one order: its details, its numbered 4S steps and its notes.",
        discussion: "The step numbers are what fours tick and untick take. Example: fours show 12"
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @Flag(help: "Print the order as JSON.") var json = false

    func run() throws {
        // The order, and those its "Follow-up of" and "Led to" lines name.
        let opened = try ScriptStore(storeOptions, forChanges: false, only: StoreLookup.linked(to: reference.order))
        let found = try opened.find { try $0.order(reference.order) }
        let document = opened.document
        if json {
            ScriptOutput.json(OrderExchange.json(found, in: document))
            return
        }
        var lines = [ScriptOutput.bold("\(found.shortID) \(found.title)")]
        lines += Self.detailLines.compactMap { $0.text(found.details, document) }
        let followUps = document.followUps(of: found.id)
        if !followUps.isEmpty { lines.append("Led to " + followUps.map { OrderLink.text(to: $0.id, in: document) }.joined(separator: ", ")) }
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

extension ShowCommand {
    /// A line of `fours show` and the fields of the order's table it shows (by their names
    /// there): every field has one, which says nothing when the field is empty.
    struct DetailLine: Sendable {
        let fields: [String]
        let text: @Sendable (OrderDetails, StoreDocument) -> String?
    }

    static let detailLines: [DetailLine] = [
        DetailLine(fields: ["title"]) { _, _ in nil },
        DetailLine(fields: ["stakeholder"]) { details, document in
            let stakeholder = document.stakeholder(id: details.stakeholderID)
            return "Stakeholder: \(stakeholder?.name ?? details.stakeholderID)"
                + (stakeholder.map { " (\($0.stage.rawValue)/5 \($0.stage.title))" } ?? "")
        },
        DetailLine(fields: ["status", "priority", "received", "due", "closedOn"]) { details, _ in
            "Status: \(details.status.title) · \(details.priority.rawValue) priority · received \(details.received)"
                + (details.due.map { " · due \($0)" } ?? "") + (details.closedOn.map { " · closed \($0)" } ?? "")
        },
        DetailLine(fields: ["type"]) { details, document in
            details.type.isEmpty && document.orderTypes.isEmpty ? nil : "Type: \(document.typeName(of: details.type))"
        },
        DetailLine(fields: ["owners"]) { details, _ in details.owners.isEmpty ? nil : "Owners: " + details.owners.joined(separator: ", ") },
        DetailLine(fields: ["tags"]) { details, _ in
            details.tags.isEmpty ? nil : "Tags: " + details.tags.map { "#\($0)" }.joined(separator: " ")
        },
        DetailLine(fields: ["audience", "audienceSize"]) { details, _ in
            details.audience.isEmpty && details.audienceSize == nil ? nil
                : "Audience: \(details.audience)" + (details.audienceSize.map { " (\($0) people)" } ?? "")
        },
        DetailLine(fields: ["arrival"]) { details, _ in "Arrived as: \(details.arrival.title)" },
        DetailLine(fields: ["request"]) { details, _ in details.request.isEmpty ? nil : "Request: \(details.request)" },
        DetailLine(fields: ["businessProblem"]) { details, _ in
            details.businessProblem.isEmpty ? nil : "Business problem: \(details.businessProblem)"
        },
        DetailLine(fields: ["decision", "decisionReason"]) { details, _ in
            details.decision == nil && details.decisionReason.isEmpty ? nil
                : "Decision: \(details.decision?.title ?? "none")" + (details.decisionReason.isEmpty ? "" : ": \(details.decisionReason)")
        },
        DetailLine(fields: ["measurement"]) { details, _ in
            let measure = details.measurement
            return measure.isEmpty ? nil : "Measurement: \(measure.metric) · baseline \(measure.baseline) · target \(measure.target)"
                + " · result \(measure.result)"
        },
        DetailLine(fields: ["value"]) { details, _ in
            let value = details.value
            guard !value.isEmpty else { return nil }
            func number(_ value: Double?) -> String {
                value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) } ?? "—"
            }
            return "Value: \(number(value.hoursSavedPerPerson)) h each · \(value.people.map(String.init) ?? "—") people · "
                + "\(number(value.costPerHour)) an hour" + (value.saving.map { " · \(GroupedNumber.text($0)) saved" } ?? "")
        },
        DetailLine(fields: ["closingNote"]) { details, _ in details.closingNote.isEmpty ? nil : "Closing note: \(details.closingNote)" },
        DetailLine(fields: ["sourceId"]) { details, _ in details.sourceID.isEmpty ? nil : "From the intake sheet's row \(details.sourceID)" },
        DetailLine(fields: ["followUpOf"]) { details, document in
            details.followUpOf.map { "Follows up \(OrderLink.text(to: $0, in: document))" }
        },
    ]
}

extension String {
    func padding(toWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
