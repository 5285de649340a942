import ArgumentParser
import Model

/// The 4S steps new orders start from, the store's own and each order type's, shaped from
/// the command line as the template editor (`t`) shapes them in the dashboard.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Show and shape the 4S steps new orders start from, and the order types.",
        discussion: """
            Orders keep the steps they have: a changed template reaches new orders, and open orders \
            when asked (fours template apply). Steps are named by their number in fours template show, \
            SECTION:N (shift, strategic, surprise, sure) or a unique part of their text.
            Examples: fours template show --type "Compliance refresher"
                      fours template add strategic "Agreed the follow-up order" --explain "The needs analysis after delivery"
                      fours template move 6 1    fours template apply --type onboarding
            """,
        subcommands: [TemplateShowCommand.self, TemplateTypesCommand.self, TemplateAddCommand.self, TemplateRenameCommand.self,
                      TemplateMoveCommand.self, TemplateRemoveCommand.self, TemplateApplyCommand.self,
                      TemplateAddTypeCommand.self, TemplateRenameTypeCommand.self, TemplateRemoveTypeCommand.self],
        defaultSubcommand: TemplateShowCommand.self
    )
}

/// Which template a command shapes: an order type's, or the store's own.
struct TemplateChoice: ParsableArguments {
    @Option(help: ArgumentHelp("An order type (its name, or a unique part of it); the store's own template when left out.",
                               valueName: "type"))
    var type: String?

    /// The type's id (empty for the store's own), its name, and its template.
    func chosen(in opened: ScriptStore) throws -> (id: String, name: String, template: Checklist) {
        let id = try type.map { name in try opened.find { try $0.orderType(name) } } ?? ""
        guard let template = opened.document.template(of: id) else { throw CommandFailure.report("that order type no longer exists") }
        return (id, id.isEmpty ? "the template" : "the \(opened.document.typeName(of: id)) template", template)
    }
}

/// A step of the chosen template.
struct TemplateStepReference: ParsableArguments {
    @OptionGroup var choice: TemplateChoice
    @Argument(help: ArgumentHelp("The step: its number in fours template show, SECTION:N, or a unique part of its text.",
                                 valueName: "step"))
    var step: String

    func find(in opened: ScriptStore) throws -> (type: String, name: String, template: Checklist, step: ChecklistStep) {
        let (id, name, template) = try choice.chosen(in: opened)
        let listing = "fours template show" + (id.isEmpty ? "" : " --type \(id)")
        let found = try opened.find { _ in try StoreLookup.step(step, in: template, of: name, listedBy: listing) }
        return (id, name, template, found)
    }
}

struct TemplateShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "List a template's steps, numbered, with their explanations.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var choice: TemplateChoice
    @Flag(help: "Print the template as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: false)
        let (id, _, template) = try choice.chosen(in: opened)
        let steps = template.allSteps
        if json {
            let sections = ChecklistSection.allCases.map { section in
                (section.rawValue, JSONValue.array(steps.enumerated().filter { $0.element.section == section }.map { number, entry in
                    .object(JSONObject(["number": .number(Double(number + 1)), "id": .string(entry.step.id),
                                        "title": .string(entry.step.details.title), "explanation": .string(entry.step.details.note)]))
                }))
            }
            ScriptOutput.json(.object(JSONObject([
                "type": id.isEmpty ? .null : .object(JSONObject(["id": .string(id), "name": .string(opened.document.typeName(of: id))])),
                "sections": .object(JSONObject(Dictionary(uniqueKeysWithValues: sections))),
            ])))
            return
        }
        var lines = [ScriptOutput.bold(id.isEmpty ? "\(OrderType.noTypeName) template (new orders with no type start from it)"
                                                  : "\(opened.document.typeName(of: id)) template")]
        var number = 0
        for section in ChecklistSection.allCases {
            lines.append("  \(section.title)")
            if template[section].isEmpty { lines.append(ScriptOutput.dim("      no steps yet: fours template add \(section.shortName) TITLE")) }
            for step in template[section] {
                number += 1
                lines.append("  \(String(number).padding(toWidth: 3)) \(step.details.title)")
                if !step.details.note.isEmpty { lines.append(ScriptOutput.dim("      \(step.details.note)")) }
            }
        }
        for line in lines { print(TerminalSafety.visible(line)) }
    }
}

struct TemplateTypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "types", abstract: "List the order types, their steps and their orders.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let document = try ScriptStore(storeOptions, forChanges: false).document
        let open = Dictionary(grouping: document.orders.filter(\.status.isOpen), by: \.details.type).mapValues(\.count)
        let rows: [(id: String, name: String, template: Checklist)] = [("", OrderType.noTypeName, document.template)]
            + document.orderTypes.map { ($0.id, $0.name, $0.template) }
        for row in rows {
            let steps = row.template.allSteps.count
            print(TerminalSafety.visible("\(row.name)  \(Counted(steps, "step")) · \(Counted(open[row.id] ?? 0, "open order"))"
                                         + (row.id.isEmpty ? "" : ScriptOutput.dim("  (\(row.id))"))))
        }
    }
}

struct TemplateAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a step to a template.",
                                                    discussion: "Example: fours template add sure \"Shared the results with their team\"")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var choice: TemplateChoice
    @Argument(help: ArgumentHelp("The section: shift, strategic, surprise or sure.", valueName: "section")) var section: String
    @Argument(help: "What the step says, as people tick it.") var title: String
    @Option(help: "What the step means, shown with it.") var explain = ""
    @Option(help: ArgumentHelp("Its place in the section, from 1; the end when left out.", valueName: "n")) var at: Int?

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let (id, name, template) = try choice.chosen(in: opened)
        let section = try opened.find { _ in try StoreLookup.section(self.section) }
        let title = try TemplateWording.checked(title, in: template, except: nil)
        var step = ChecklistStep(id: template.newStepID(for: title, prefix: ""), title: title)
        step.details.note = explain.trimmingWhitespace
        let index = at.map { $0 - 1 } ?? template[section].count
        try opened.apply(.editTemplate(TemplateChange(type: id, .addStep(section, step, index: index))))
        print(TerminalSafety.visible("Added “\(title)” to \(section.title) in \(name): new orders start with it"
                                     + TemplateWording.applyHint(type: id, in: opened.document)))
    }
}

struct TemplateRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Reword a template step, or its explanation.",
                                                    discussion: "Example: fours template rename 3 \"Restated it as a business outcome\" --explain \"\"")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: TemplateStepReference
    @Argument(help: "What it says now; left out to change only the explanation.") var title: String?
    @Option(help: "What the step means; empty to clear.") var explain: String?

    func run() throws {
        guard title != nil || explain != nil else { throw CommandFailure.report("give the new wording, --explain, or both") }
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let (id, name, template, step) = try reference.find(in: opened)
        var details = step.details
        if let title { details.title = try TemplateWording.checked(title, in: template, except: step.id) }
        if let explain { details.note = explain.trimmingWhitespace }
        guard details != step.details else {
            print(TerminalSafety.visible("“\(step.details.title)” in \(name) says that already"))
            return
        }
        try opened.apply(.editTemplate(TemplateChange(type: id, .editStep(step.id, from: step.details, to: details))))
        print(TerminalSafety.visible("Changed “\(step.details.title)” in \(name)" + (details.title == step.details.title ? "" : " to “\(details.title)”")
                                     + ": orders keep the wording they have"))
    }
}

struct TemplateMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a template step to another place in its section.",
                                                    discussion: "Example: fours template move strategic:3 1")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: TemplateStepReference
    @Argument(help: ArgumentHelp("Its new place in its section, from 1.", valueName: "position")) var position: Int

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let (id, name, template, step) = try reference.find(in: opened)
        guard let (section, index) = template.location(ofStep: step.id) else { return }
        guard template[section].indices.contains(position - 1) else {
            throw CommandFailure.report("\(section.title) has places 1 to \(template[section].count) in \(name)")
        }
        guard position - 1 != index else {
            print(TerminalSafety.visible("“\(step.details.title)” is step \(position) of \(section.title) already"))
            return
        }
        try opened.apply(.editTemplate(TemplateChange(type: id, .moveStep(step.id, to: position - 1))))
        print(TerminalSafety.visible("Moved “\(step.details.title)” to place \(position) of \(section.title) in \(name)"))
    }
}

struct TemplateRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take a step out of a template.",
                                                    discussion: "Example: fours template remove \"before-and-after\"")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: TemplateStepReference

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let (id, name, _, step) = try reference.find(in: opened)
        try opened.apply(.editTemplate(TemplateChange(type: id, .removeStep(step.id))))
        print(TerminalSafety.visible("Took “\(step.details.title)” out of \(name): new orders start without it"
                                     + TemplateWording.applyHint(type: id, in: opened.document)))
    }
}

struct TemplateApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Bring the open orders of a type in line with its template.",
        discussion: "Steps they lack are added unticked; steps the template no longer has go, unless ticked; steps "
            + "added to one order stay. Example: fours template apply --type \"Leadership course\" --dry-run")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var choice: TemplateChoice
    @Flag(help: "Say what would change; change nothing.") var dryRun = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true, readOnly: dryRun)
        let (id, name, _) = try choice.chosen(in: opened)
        let operations = opened.document.catchingUp(type: id)
        let summary = CatchUp(operations)
        guard !operations.isEmpty else {
            print(TerminalSafety.visible("The open orders have every step of \(name) already"))
            return
        }
        if !dryRun { try opened.apply(.batch(operations)) }
        print(TerminalSafety.visible((dryRun ? "Would bring " : "Brought ") + "\(summary.describe()) in line with \(name)"
                                     + (dryRun ? "; nothing was saved" : "")))
    }
}

struct TemplateAddTypeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-type", abstract: "Add an order type, with a template of its own.",
                                                    discussion: "Example: fours template add-type \"Onboarding programme\" --from Standard")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Its name.") var name: String
    @Option(help: ArgumentHelp("The type whose steps it starts from; the store's own template when left out.", valueName: "type"))
    var from: String?

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let document = opened.document
        let name = try TemplateWording.typeName(name, in: document, except: nil)
        let source = try from.map { from in try opened.find { try $0.orderType(from) } } ?? ""
        let type = OrderType(id: OrderType.newID(for: name, among: document.orderTypes), name: name,
                             template: document.newChecklist(ofType: source))
        try opened.apply(OrderType.addition(type))
        print(TerminalSafety.visible("Added the order type \(name), with \(Counted(type.template.allSteps.count, "step")) "
                                     + "from \(source.isEmpty ? "the store's template" : document.typeName(of: source)): "
                                     + "fours add --type \"\(name)\" starts an order of it"))
    }
}

struct TemplateRenameTypeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename-type", abstract: "Rename an order type; its orders follow.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The type.") var type: String
    @Argument(help: "Its new name.") var name: String

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let id = try opened.find { try $0.orderType(type) }
        guard !id.isEmpty, let current = opened.document.orderType(id: id) else {
            throw CommandFailure.report("\(OrderType.noTypeName) is the store's own template; it has no name to change")
        }
        let name = try TemplateWording.typeName(name, in: opened.document, except: id)
        try opened.apply(.editTemplate(TemplateChange(type: id, .renameType(from: current.name, to: name))))
        print(TerminalSafety.visible("Renamed the order type \(current.name) to \(name)"))
    }
}

struct TemplateRemoveTypeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove-type", abstract: "Remove an order type; its orders keep their steps.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The type.") var type: String

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let id = try opened.find { try $0.orderType(type) }
        guard !id.isEmpty, let current = opened.document.orderType(id: id) else {
            throw CommandFailure.report("\(OrderType.noTypeName) is the store's own template; it cannot be removed")
        }
        let orders = opened.document.orders.count { $0.details.type == id }
        try opened.apply(.editTemplate(TemplateChange(type: id, .removeType)))
        print(TerminalSafety.visible("Removed the order type \(current.name)"
                                     + (orders == 0 ? "" : ": \(Counted(orders, "order")) of it keep their steps and show it as no longer a type")))
    }
}

/// The checks a template's wording and a type's name pass, the same from the command line
/// and the dashboard.
enum TemplateWording {
    static func checked(_ title: String, in template: Checklist, except id: String?) throws -> String {
        let title = title.trimmingWhitespace
        guard !title.isEmpty else { throw CommandFailure.report("a step needs words") }
        if let twin = template.step(titled: title, except: id) {
            throw CommandFailure.report("the template has “\(twin.details.title)” already: two steps worded alike cannot be told apart")
        }
        return title
    }

    static func typeName(_ name: String, in document: StoreDocument, except id: String?) throws -> String {
        let name = name.trimmingWhitespace
        guard !name.isEmpty else { throw CommandFailure.report("a type needs a name") }
        if let other = document.orderTypeID(named: name), other != id {
            throw CommandFailure.report("“\(name)” is the name of \(other.isEmpty ? "the store's own template" : "another type") already")
        }
        return name
    }

    /// What to run for the open orders of the type to follow a changed template.
    static func applyHint(type id: String, in document: StoreDocument) -> String {
        let open = document.orders.count { $0.status.isOpen && $0.details.type == id }
        guard open > 0 else { return "" }
        return "; fours template apply" + (id.isEmpty ? "" : " --type \(id)") + " brings its \(Counted(open, "open order")) in line"
    }
}
