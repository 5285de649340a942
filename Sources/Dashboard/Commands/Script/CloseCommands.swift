import ArgumentParser
import Model
import Glibc

/// An order named on the command line, as 12 or #12.
struct OrderReference: ParsableArguments {
    @Argument(help: ArgumentHelp("The order: 12 or #12.", valueName: "order"), completion: .custom(Completions.orders))
    var order: String

    /// The order's number, for a store that reads only the orders a command needs.
    var wanted: WantedOrders? { StoreLookup.numbers([order]) }
}

/// Orders named on the command line: one or more of 12, #12 or a range 3-8.
struct OrderReferences: ParsableArguments {
    @Argument(help: ArgumentHelp("The orders: 12, #12, or a range such as 3-8.", valueName: "orders"),
              completion: .custom(Completions.orders))
    var orders: [String] = []

    func validate() throws {
        if orders.isEmpty { throw ValidationError("name an order (12), several (3 5 8) or a range (3-8)") }
    }

    func find(in opened: ScriptStore) throws -> [TrainingOrder] {
        try opened.find { try $0.orders(orders) }
    }

    /// Their numbers, for a store that reads only the orders a command needs.
    var wanted: WantedOrders? { StoreLookup.numbers(orders) }

    /// The store opened for a change to these orders (reading only them where it can), and the orders.
    func open(_ storeOptions: StoreOptions) throws -> (ScriptStore, [TrainingOrder]) {
        let opened = try ScriptStore(storeOptions, forChanges: true, only: wanted)
        return (opened, try find(in: opened))
    }
}

extension ScriptStore {
    /// Makes `edit` to `orders` as one change (undone by one fours undo), and says what
    /// became of them: "Marked #3, #5 delivered", with those it left as they were.
    func applyBulk(_ edit: BulkEdit, to orders: [TrainingOrder], json: Bool, unchanged: (TrainingOrder) -> String) throws {
        guard let (operation, changed) = document.bulk(edit, orders: orders.map(\.id)) else {
            throw CommandFailure.report(orders.map(unchanged).joined(separator: "; "))
        }
        try apply(operation)
        let left = orders.filter { !changed.contains($0.id) }
        ChangeReport(json: json).say(orders: changed, in: self, text: edit.sentence(changed, in: document)
                                        + (left.isEmpty ? "" : " (" + left.map(unchanged).joined(separator: "; ") + ")"))
    }
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", _superCommandName: "fours", abstract: "Mark orders delivered (or closed without delivery, with --as closed).",
        discussion: "Examples: fours close 12 --note \"Teams asked for a follow-up\"    fours close 3 5 8    fours close 3-8 --as closed")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var references: OrderReferences
    @Option(name: .customLong("as"), help: "delivered (the default) or closed.") var outcome: Outcome = .delivered
    @Option(help: "What happened, for the archive.") var note: String?
    @Flag(help: "Print the orders as JSON.") var json = false

    enum Outcome: String, ExpressibleByArgument, CaseIterable {
        case delivered, closed
    }

    func run() throws {
        let (opened, orders) = try references.open(storeOptions)
        let edit = BulkEdit.close(as: outcome == .delivered ? .delivered : .closed, on: ProcessSetup.clock.today, note: note)
        guard orders.count == 1, let order = orders.first else {
            return try opened.applyBulk(edit, to: orders, json: json) { "\($0.shortID) is \($0.status.title) already" }
        }
        guard let (operation, _) = opened.document.bulk(edit, orders: [order.id]) else {
            throw CommandFailure.report("\(order.shortID) is \(order.status.title) already; fours reopen \(order.id) opens it again")
        }
        try opened.apply(operation)
        let open = order.checklist.progress.total - order.checklist.progress.done
        ChangeReport(json: json).say("Marked \(order.shortID) \(outcome.rawValue)"
                                     + (open > 0 ? " with \(open) 4S step\(open == 1 ? "" : "s") open" : ""),
                                     order: order.id, in: opened)
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", _superCommandName: "fours", abstract: "Reopen delivered or closed orders.",
                                                    discussion: "Examples: fours reopen 12    fours reopen 3 5")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var references: OrderReferences
    @Flag(help: "Print the orders as JSON.") var json = false

    func run() throws {
        let (opened, orders) = try references.open(storeOptions)
        try opened.applyBulk(.reopen, to: orders, json: json) { "\($0.shortID) is open already" }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", _superCommandName: "fours", abstract: "Add tags to orders (+tag) or take them off (-tag), as one change.",
        discussion: "Examples: fours tag +safety 3-8    fours tag -draft +final 12 14    (a tag is one word)")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print the orders as JSON.") var json = false
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("+TAG or -TAG, then the orders: 12, #12 or a range 3-8.", valueName: "tags and orders"))
    var words: [String] = []

    func run() throws {
        let tags = words.filter { $0.hasPrefix("+") || ($0.hasPrefix("-") && !$0.dropFirst().isEmpty && Int($0.dropFirst()) == nil) }
        let references = words.filter { $0 != "--" && !tags.contains($0) }
        guard !tags.isEmpty else { throw CommandFailure.report("say which tags: +safety adds one, -safety takes it off") }
        guard !references.isEmpty else { throw CommandFailure.report("name the orders: 12, several (3 5 8) or a range (3-8)") }
        let opened = try ScriptStore(storeOptions, forChanges: true, only: StoreLookup.numbers(references))
        let orders = try opened.find { try $0.orders(references) }
        let edits = tags.map { word -> BulkEdit in word.hasPrefix("+") ? .addTag(String(word.dropFirst())) : .removeTag(String(word.dropFirst())) }
        guard let (operation, said) = opened.document.bulk(edits, orders: orders.map(\.id)) else {
            throw CommandFailure.report("the orders have those tags as asked already")
        }
        try opened.apply(operation)
        ChangeReport(json: json).say(orders: orders.map(\.id), in: opened, text: said)
    }
}

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", _superCommandName: "fours", abstract: "Delete orders (asks first on a terminal; --yes otherwise).",
        discussion: "Examples: fours delete 12    fours delete 3-8 --yes   (in a script)")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var references: OrderReferences
    @Flag(help: "Do not ask.") var yes = false

    func run() throws {
        let (opened, orders) = try references.open(storeOptions)
        let named = orders.count == 1 ? "\(orders[0].shortID) “\(TerminalSafety.visible(orders[0].title))”"
            : "\(Counted(orders.count, "order")) (" + orders.map(\.shortID).joined(separator: ", ") + ")"
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure.report("deleting \(orders.map(\.shortID).joined(separator: ", ")) needs --yes when no one is at a terminal to answer")
            }
            print("Delete \(named)? [y/N] ", terminator: "")
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                print("Nothing deleted.")
                return
            }
        }
        guard let (operation, _) = opened.document.bulk(.delete, orders: orders.map(\.id)) else { return }
        try opened.apply(operation)
        print(TerminalSafety.visible("Deleted \(named)"))
    }
}
