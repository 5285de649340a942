import ArgumentParser
import Model

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up", _superCommandName: "fours",
        abstract: "Add the order that follows up another (the needs analysis agreed while delivering it): "
            + "for the same stakeholder, linked both ways.",
        discussion: "Example: fours follow-up 12 --due +3w    (titled \"Needs analysis after #12\" unless --title says otherwise)"
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: OrderReference
    @OptionGroup var fields: OrderFieldOptions
    @Flag(help: "Print the new order as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        let origin = try opened.find { try $0.order(reference.order) }
        let today = ProcessSetup.clock.today
        var details = opened.document.followUpDraft(of: origin, on: today, by: opened.user)
        var operations: [StoreOperation] = []
        try fields.apply(to: &details, in: opened, today: today, operations: &operations)
        let added = try opened.add(details, after: operations)
        ChangeReport(json: json).say("Added #\(added) “\(details.title)”, following up \(origin.shortID)", order: added, in: opened)
    }
}
