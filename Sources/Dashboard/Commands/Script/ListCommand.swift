import ArgumentParser
import Model

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", _superCommandName: "fours",
        abstract: "List orders, with the dashboard's filters and sorts.",
        discussion: """
            Examples:
              fours list --overdue
              fours list --stakeholder dana --status all --sort priority
              fours list --due-within 7d --json | jq '.[].title'
            """
    )

    @OptionGroup var stores: StoresOptions
    @OptionGroup var filters: QueueFilterOptions
    @Flag(help: "Print the orders as JSON.") var json = false

    func run() throws {
        guard let storeOptions = stores.single() else { return try listDepartment() }
        let opened = try ScriptStore(storeOptions, forChanges: false, only: filters.wanted)
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

extension ListCommand {
    /// Several stores: one list, a column naming each order's store, the number its own.
    private func listDepartment() throws {
        let department = try stores.department()
        let document = department.combined
        let orders = try filters.orders(in: document)
        if json {
            ScriptOutput.json(.array(orders.map { order in
                let (team, id) = department.origin(of: order.id)
                guard case .object(var object) = OrderExchange.json(order, in: document) else { return .null }
                object["id"] = .number(Double(id))
                object["store"] = .string(team.name)
                return .object(object)
            }))
            return
        }
        guard !orders.isEmpty else {
            print(ScriptOutput.dim("No order matches."))
            return
        }
        ScriptOutput.table(["Store", "ID", "Title", "Stakeholder", "Due", "4S", "Status"], orders.map { order in
            let (team, id) = department.origin(of: order.id)
            return [team.name, "#\(id)", order.title, document.stakeholder(id: order.stakeholderID)?.name ?? order.stakeholderID,
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
