import Model

extension AppView {
    static let queue = AppView(number: 1, title: "Queue")
    static let archive = AppView(number: 4, title: "Archive")
}

/// A list of orders with the selected one's detail beside it: the queue of open orders,
/// or the archive of delivered and closed ones.
struct OrderListPage: Page {
    let view: AppView
    let summary: String
    /// The keys of the list itself, when it has the focus.
    let listScope: KeyScope
    let defaultQuery: QueueQuery?
    /// The title of the date column.
    let dateTitle: String
    /// What it says when it has no orders to show though the store has some.
    let emptyMessage: String
    /// Its figures for the header, in full and short.
    let figures: @Sendable (AppState) -> (full: [String], short: [String])
    var listsOrders: Bool { true }

    static let queue = OrderListPage(
        view: .queue, summary: "Queue view", listScope: .queue, defaultQuery: QueueQuery(), dateTitle: "Due",
        emptyMessage: "No open orders: everything is delivered or closed. a adds one."
    ) { state in
        let summary = state.summary
        var full = ["\(summary.open) open"]
        var short = full
        if summary.overdue > 0 {
            full.append("\(summary.overdue) overdue")
            short.append("\(summary.overdue) late")
        }
        if summary.dueThisWeek > 0 {
            full.append("\(summary.dueThisWeek) due this week")
            short.append("\(summary.dueThisWeek) soon")
        }
        return (full, short)
    }

    static let archive = OrderListPage(
        view: .archive, summary: "Archive: delivered and closed orders", listScope: .archive,
        defaultQuery: QueueQuery(status: .closed, sort: .closedRecently), dateTitle: "Closed",
        emptyMessage: "Nothing delivered or closed yet."
    ) { state in
        let done = state.document.orders.count - state.summary.open
        return (["\(done) delivered or closed"], ["\(done) done"])
    }

    func scopes(in state: AppState) -> [KeyScope] {
        switch state.focus {
        case .queue: [listScope]
        case .checklist: [.checklist]
        case .stakeholder: [.stakeholder]
        }
    }

    func headerFacts(in state: AppState) -> HeaderFacts {
        let (full, short) = figures(state)
        let query = state.query
        var choices: [String] = []
        if query.status != defaultQuery?.status { choices.append("showing \(query.status.title)") }
        if query.sort != defaultQuery?.sort { choices.append("sort: \(query.sort.title)") }
        let filters = query.filterDescriptions(in: state.document)
        if !filters.isEmpty { choices.append("filter: " + filters.joined(separator: ", ")) }
        if !query.search.isEmpty { choices.append("search: “\(query.search)”") }
        if query.isFiltered { choices.append("\(state.queue.count) shown") }
        return HeaderFacts(full: full, short: short, choices: choices)
    }

    func move(_ action: Action, in state: inout AppState) {
        switch state.focus {
        case .checklist: state.moveInChecklist(action)
        case .stakeholder: state.scrollDetail(action)
        case .queue: state.moveInQueue(action)
        }
    }

    func scroll(up: Bool, x: Int, y: Int, in state: inout AppState) {
        let action: Action = up ? .moveUp : .moveDown
        if state.layout.detail.contains(x: x, y: y) {
            // The wheel over the detail scrolls what it shows, wherever the focus is.
            for _ in 0..<3 { state.scrollDetail(action) }
            return
        }
        if state.focus == .checklist { state.focus = .queue }
        for _ in 0..<3 { state.moveInQueue(action) }
    }

    func render(_ state: AppState, into screen: inout Screen, area: Rect, hits: inout HitTargets) {
        let layout = state.layout
        QueueView(state: state, rect: layout.queue, dateTitle: dateTitle, emptyMessage: emptyMessage)
            .draw(into: &screen, hits: &hits)
        layout.drawDivider(into: &screen)
        DetailView(state: state, rect: layout.detail).draw(into: &screen, hits: &hits)
    }

    func click(_ target: HitTarget, in state: inout AppState, now: Timestamp) -> [Effect] {
        switch target {
        case .order(let position):
            if position != state.selectedPosition { state.selectedStep = 0 }
            state.selectedPosition = position
            state.focus = .queue
            state.clampSelection()
        case .orderStakeholder:
            state.focus = .stakeholder
        case .step(let index, let checkbox):
            state.focus = .checklist
            state.selectedStep = index
            if checkbox { return state.toggleSelectedStep(now: now) }
        case .stakeholder:
            break
        }
        return []
    }

    func edit(in state: inout AppState) {
        guard let order = state.selectedOrder else { return }
        switch state.focus {
        case .queue:
            state.openForm(.order(editing: order.id))
        case .checklist:
            if let (section, step) = state.selectedStepEntry {
                state.openForm(.step(order: order.id, section: section, editing: step.id))
            }
        case .stakeholder:
            state.openForm(.stakeholder(editing: order.stakeholderID))
        }
    }

    func addNote(in state: inout AppState) {
        guard let order = state.selectedOrder else { return }
        state.openForm(.note(state.focus == .stakeholder ? .stakeholder(order.stakeholderID) : .order(order.id)))
    }
}
