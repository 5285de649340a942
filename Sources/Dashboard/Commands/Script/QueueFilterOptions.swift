import ArgumentParser
import Model

/// The dashboard's filters and sorts as options, for the commands that list orders
/// (`list`, `calendar`).
struct QueueFilterOptions: ParsableArguments {
    @Option(help: "A unique part of the stakeholder's name.") var stakeholder: String?
    @Option(help: "1 to 5, or a name such as collaborator.") var stage: String?
    @Option(help: "Orders with this tag.") var tag: String?
    @Option(help: "Orders someone on the team carries.") var owner: String?
    @Option(help: "high, medium or low.") var priority: Priority?
    @Option(help: ArgumentHelp("Orders of this type (a unique part of its name; Standard for those of the store's template).",
                               valueName: "type"))
    var type: String?
    @Option(help: ArgumentHelp("A view saved in the dashboard (s): its search, filters and sort; the options below change them.",
                               valueName: "name"))
    var view: String?
    @Option(help: "open (the default), closed or all.") var status: StatusFilter?
    @Flag(help: "Only orders past their due date.") var overdue = false
    @Option(help: ArgumentHelp("Only orders due within this many days, such as 7d or 2w.", valueName: "days"))
    var dueWithin: String?
    @Option(help: "Words to find in titles, requests, stakeholders, tags, notes.") var search: String?
    @Option(help: "due (the default), priority, progress, age, stakeholder, stage or type.") var sort: SortChoice?
    @Flag(help: "The sort the other way round.") var reverse = false

    enum SortChoice: String, ExpressibleByArgument, CaseIterable {
        case due, priority, progress, age, stakeholder, stage, type

        var sort: QueueSort {
            switch self {
            case .due: .dueDate
            case .priority: .priority
            case .progress: .progress
            case .age: .age
            case .stakeholder: .stakeholder
            case .stage: .stage
            case .type: .type
            }
        }
    }

    /// Whether an option narrows the orders beyond the open ones.
    var narrows: Bool {
        view != nil || stakeholder != nil || stage != nil || tag != nil || owner != nil || priority != nil || type != nil
            || (status ?? .open) != .open || overdue || dueWithin != nil || search != nil
    }

    /// The orders a store need read for the options: the open ones, unless a status or a
    /// saved view may choose others (nil: every order).
    var wanted: WantedOrders? {
        view == nil && (status ?? .open) == .open ? .open : nil
    }

    /// The orders the options choose, in their order.
    func orders(in opened: ScriptStore) throws -> [TrainingOrder] {
        try orders(in: opened.document)
    }

    /// The orders of `document` the options choose, in their order.
    func orders(in document: StoreDocument) throws -> [TrainingOrder] {
        let lookup = StoreLookup(document)
        func find<Value>(_ what: (StoreLookup) throws -> Value) throws -> Value {
            do { return try what(lookup) } catch let error as LookupError { throw CommandFailure.report(error.message) }
        }
        let today = ProcessSetup.clock.today
        var query = QueueQuery()
        if let view {
            let views = ViewPreferences.load(from: ViewPreferences.path(environment: ProcessSetup.environment)).views
            guard let saved = views.named(view) else {
                throw CommandFailure.report("no view is called “\(view)”; "
                                            + (views.isEmpty ? "save one in the dashboard with s" : "the views are: " + views.map(\.name).joined(separator: ", ")))
            }
            query = saved.query
        }
        if let status { query.status = status }
        if let sort { query.sort = sort.sort }
        if reverse { query.reversed.toggle() }
        if let stakeholder { query.stakeholderID = try find { try $0.stakeholder(stakeholder) }.id }
        if let stage { query.stage = try find { _ in try StoreLookup.stage(stage, from: .orderTaker) } }
        if let tag { query.tag = tag }
        if let owner { query.owner = owner }
        if let priority { query.priority = priority }
        if let type { query.type = try find { try $0.orderType(type) } }
        if let search { query.search = search }
        if overdue { query.due = .overdue }
        var orders = OrderQueue(document, query: query, today: today).orderIDs.compactMap { document.order(id: $0) }
        if let dueWithin {
            guard let parsed = DateInput.parse("+" + dueWithin.trimmingPrefix("+"), today: today), let limit = parsed else {
                throw CommandFailure.report("--due-within \(dueWithin) is not a number of days; write 7d or 2w")
            }
            orders = orders.filter { order in order.due.map { $0 <= limit } ?? false }
        }
        return orders
    }
}
