import ArgumentParser
import Model
import Glibc

/// An order named on the command line, as 12 or #12.
struct OrderReference: ParsableArguments {
    @Argument(help: ArgumentHelp("The order: 12 or #12.", valueName: "order"), completion: .custom(Completions.orders))
    var order: String
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Mark an order delivered (or closed without delivery, with --as closed).",
        discussion: "Example: fours close 12 --note \"Teams asked for a follow-up\"")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @Option(name: .customLong("as"), help: "delivered (the default) or closed.") var outcome: Outcome = .delivered
    @Option(help: "What happened, for the archive.") var note: String?
    @Flag(help: "Print the order as JSON.") var json = false

    enum Outcome: String, ExpressibleByArgument, CaseIterable {
        case delivered, closed
    }

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let order = try opened.find { try $0.order(reference.order) }
        guard order.status.isOpen else {
            throw CommandFailure.report("\(order.shortID) is \(order.status.title) already; fours reopen \(order.id) opens it again")
        }
        let details = order.details.closed(as: outcome == .delivered ? .delivered : .closed,
                                           on: ProcessSetup.clock.today, note: note)
        try opened.apply(.editOrder(order.id, from: order.details, to: details))
        let open = order.checklist.progress.total - order.checklist.progress.done
        ChangeReport(json: json).say("Marked \(order.shortID) \(details.status.title)"
                                     + (open > 0 ? " with \(open) 4S step\(open == 1 ? "" : "s") open" : ""),
                                     order: order.id, in: opened)
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a delivered or closed order.",
                                                    discussion: "Example: fours reopen 12")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @Flag(help: "Print the order as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let order = try opened.find { try $0.order(reference.order) }
        guard !order.status.isOpen else { throw CommandFailure.report("\(order.shortID) is open already") }
        try opened.apply(.editOrder(order.id, from: order.details, to: order.details.reopened))
        ChangeReport(json: json).say("Reopened \(order.shortID)", order: order.id, in: opened)
    }
}

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an order (asks first on a terminal; --yes otherwise).",
        discussion: "Examples: fours delete 12    fours delete 12 --yes   (in a script)")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @Flag(help: "Do not ask.") var yes = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let order = try opened.find { try $0.order(reference.order) }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure.report("deleting \(order.shortID) needs --yes when no one is at a terminal to answer")
            }
            print("Delete \(order.shortID) “\(TerminalSafety.visible(order.title))”? [y/N] ", terminator: "")
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                print("Nothing deleted.")
                return
            }
        }
        try opened.apply(.deleteOrder(order.id))
        print(TerminalSafety.visible("Deleted \(order.shortID) “\(order.title)”"))
    }
}
