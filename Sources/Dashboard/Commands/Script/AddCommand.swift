import ArgumentParser
import Model

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", _superCommandName: "fours",
        abstract: "Add an order.",
        discussion: """
            A stakeholder not in the store is added, as in the dashboard's form. The order is yours \
            (FOURS_USER) unless --owners says otherwise.
            Example: fours add --title "Onboarding refresh" --stakeholder "Lena" --due +3w --tags onboarding
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var fields: OrderFieldOptions
    @Flag(help: "Print the new order as JSON.") var json = false

    func validate() throws {
        guard fields.title != nil else { throw ValidationError("--title is needed: what they asked for, in a few words") }
        guard fields.stakeholder != nil else { throw ValidationError("--stakeholder is needed: who asked for it") }
    }

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let today = ProcessSetup.clock.today
        var operations: [StoreOperation] = []
        var details = OrderDetails(title: "", stakeholderID: "", received: today)
        details.owners = [opened.user]
        try fields.apply(to: &details, in: opened, today: today, operations: &operations)
        let added = try opened.add(details, after: operations)
        ChangeReport(json: json).say("Added #\(added) “\(details.title)”", order: added, in: opened)
    }
}

extension ScriptStore {
    /// Adds an order of these details, after `operations` (a new stakeholder it names), in one
    /// change; returns its number (the next free one when another took the one it was given).
    func add(_ details: OrderDetails, after operations: [StoreOperation]) throws -> Int {
        let id = document.nextOrderID
        let applied = try apply(.batch(operations + [.addOrder(TrainingOrder(id: id, details: details, checklist: document.newChecklist(ofType: details.type)))]))
        if case .batch(let parts) = applied, case .addOrder(let order)? = parts.last { return order.id }
        return id
    }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", _superCommandName: "fours",
        abstract: "Change fields of orders; the others stay as they are.",
        discussion: "Examples: fours edit 12 --due 2026-12-15 --priority high    fours edit 3 5 8 --owners maya --due +1w"
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var references: OrderReferences
    @OptionGroup var fields: OrderFieldOptions
    @Flag(help: "Print the orders as JSON.") var json = false

    func validate() throws {
        if fields.isEmpty { throw ValidationError("say what to change, such as --title or --due (fours edit --help lists them)") }
    }

    func run() throws {
        // The orders edited and the one they may be made to follow up.
        let wanted = StoreLookup.numbers(references.orders + [fields.followUpOf].compactMap { $0 })
        let opened = try ScriptStore(storeOptions, forChanges: true, only: wanted)
        let orders = try references.find(in: opened)
        var operations: [StoreOperation] = []
        var changes: [(order: TrainingOrder, fields: [String])] = []
        for found in orders {
            var details = found.details
            try fields.apply(to: &details, in: opened, today: ProcessSetup.clock.today, operations: &operations)
            let changed = details.changedFields(from: found.details)
            guard !changed.isEmpty else { continue }
            operations.append(.editOrder(found.id, from: found.details, to: details))
            changes.append((found, changed))
        }
        guard !changes.isEmpty else {
            let names = orders.map(\.shortID).joined(separator: ", ")
            return ChangeReport(json: json).say(orders: orders.map(\.id), in: opened, text: "Nothing to change on \(names)")
        }
        // One change, however many orders: one fours undo takes it back.
        try opened.apply(.batch(operations))
        let text = changes.map { "\($0.order.shortID): " + $0.fields.joined(separator: ", ") }.joined(separator: "; ")
        if orders.count == 1 {
            ChangeReport(json: json).say("Changed " + text, order: orders[0].id, in: opened)
        } else {
            ChangeReport(json: json).say(orders: changes.map(\.order.id), in: opened, text: "Changed " + text)
        }
    }
}
