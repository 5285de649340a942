import ArgumentParser
import Model

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List orders, with the dashboard's filters and sorts.",
        discussion: """
            Examples:
              fours list --overdue
              fours list --stakeholder dana --status all --sort priority
              fours list --due-within 7d --json | jq '.[].title'
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: QueueFilterOptions
    @Flag(help: "Print the orders as JSON.") var json = false

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: false)
        let document = opened.document
        let orders = try filters.orders(in: opened)
        if json {
            ScriptOutput.json(.array(orders.map { OrderExchange.json($0, in: document) }))
            return
        }
        guard !orders.isEmpty else {
            print(ScriptOutput.dim("No order matches."))
            return
        }
        // A Type column when an order listed has one.
        let typed = orders.contains { !$0.details.type.isEmpty }
        ScriptOutput.table(["ID", "Title"] + (typed ? ["Type"] : []) + ["Stakeholder", "Due", "4S", "Status"], orders.map { order in
            ["#\(order.id)", order.title] + (typed ? [order.details.type.isEmpty ? "" : document.typeName(of: order.details.type)] : [])
                + [document.stakeholder(id: order.stakeholderID)?.name ?? order.stakeholderID,
                   order.due?.description ?? "—", order.checklist.progress.description, order.status.title]
        })
    }
}

extension Priority: ExpressibleByArgument {}
extension StatusFilter: ExpressibleByArgument {}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
