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
        emptyMessage: "No open orders: everything is delivered or closed."
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
        if state.searchField != nil { return [.search] }
        return switch state.focus {
        case .queue: [listScope, .orderLists, .selection, .everywhere]
        case .checklist: [.checklist, .orderLists, .selection, .everywhere]
        case .stakeholder: [.stakeholder, .orderLists, .selection, .everywhere]
        }
    }

    func selectedOrder(in state: AppState) -> TrainingOrder? { state.orderAtSelection }

    func listLength(in state: AppState) -> Int { state.queue.count }

    func settle(_ state: inout AppState) {
        state.selectedPosition = max(0, min(state.selectedPosition, state.queue.count - 1))
        state.selectedStep = max(0, min(state.selectedStep, state.shownSteps.count - 1))
        if state.selectedOrder == nil { state.focus = .queue }
        let rows = state.layout.queueRows
        let position = state.selectedPosition
        var scroll = state.queueScroll
        if position < scroll { scroll = position }
        if rows > 0 && position >= scroll + rows { scroll = position - rows + 1 }
        state.queueScroll = max(0, min(scroll, max(0, state.queue.count - rows)))
    }

    /// A new order starts at its first step; the detail pane scrolls with the part in focus
    /// again once the order, the step or the focus changes.
    func follow(_ state: inout AppState) {
        let place = state.detailPlace
        guard place != state.detailFollows else { return }
        if place.order != state.detailFollows?.order && state.detailFollows != nil { state.selectedStep = 0 }
        state.detailScroll = 0
        state.detailFollows = state.detailPlace
    }

    func ordersOnScreen(in state: AppState, sketched: Bool) -> [Int]? {
        let query = state.query
        let needsEvery = query.sort == .progress || !query.search.isEmpty || (sketched && !query.needsOnlySketches)
        return needsEvery ? nil : Array(state.ordersOnScreen)
    }

    func enter(_ state: inout AppState) {
        state.recountSummary()
        state.enterOrderList()
    }

    func documentReplaced(_ state: inout AppState) {
        state.reorderLists()
    }

    /// Checklists change where an order stands only in a list sorted by progress; whole
    /// orders, only in a list their sketches could not make.
    func laterReadingTaken(_ state: inout AppState, replacingSketches: Bool) {
        let query = state.query
        if query.sort == .progress || (replacingSketches && !query.needsOnlySketches) { state.reorderLists() } else { settle(&state) }
    }

    func dayChanged(_ state: inout AppState) {
        state.recountSummary()
        settle(&state)
    }

    /// The search index, once the screen is up.
    func workAwayFromTheKeys(_ state: inout AppState, quiet: Bool) -> PageWork? {
        state.searchIndexWork(for: view)
    }

    func take(_ result: PageWork.Result, in state: inout AppState) {
        if let made = result.value as? OrderLists.SearchIndexMade { state.take(made) }
    }

    /// Selects a step of the selected order, when it shows.
    static func select(step id: String, in state: inout AppState) {
        if let index = state.shownSteps.firstIndex(where: { $0.step.id == id }) { state.selectedStep = index }
    }

    /// The search being typed, with what it finds.
    func footer(in state: AppState, width: Int) -> (line: StyledLine, cursor: Int)? {
        guard let search = state.searchField else { return nil }
        var line = StyledLine("/", Theme.title)
        let (text, cursorColumn) = search.visible(width: max(10, width / 2))
        line.append(text)
        line.append("   Enter keeps the filter · Esc clears it · \(Counted(state.queue.count, "match", "matches"))", Theme.muted)
        return (line, 1 + cursorColumn)
    }

    /// A search being typed ends with the view, and the list has the keys when it is back.
    func leave(_ state: inout AppState) {
        state.leaveOrderList()
        state.searchField = nil
        state.focus = .queue
    }

    func headerFacts(in state: AppState) -> HeaderFacts {
        let (full, short) = figures(state)
        let query = state.query
        var choices: [String] = []
        if query.status != defaultQuery?.status { choices.append("showing \(query.status.title)") }
        if query.sort != defaultQuery?.sort || query.reversed {
            choices.append("sort: \(query.sort.title)" + (query.reversed ? ", reversed" : ""))
        }
        let filters = query.filterDescriptions(in: state.document)
        if !filters.isEmpty { choices.append("filter: " + filters.joined(separator: ", ")) }
        if !query.search.isEmpty { choices.append("search: “\(query.search)”") }
        if query.isFiltered { choices.append("\(state.queue.count) shown") }
        let marked = state.markedOrders.count
        if marked > 0 { choices.append("\(marked) marked") }
        let place = state.queue.isEmpty ? nil : "\(state.selectedPosition + 1)/\(state.queue.count)"
        return HeaderFacts(full: full, short: short, choices: choices, place: place)
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            switch state.focus {
            case .checklist: state.moveInChecklist(action)
            case .stakeholder: state.scrollDetail(action)
            case .queue: state.moveInQueue(action)
            }
        case .switchFocus:
            switch state.focus {
            case .queue: state.focus = state.selectedOrder == nil ? .queue : .checklist
            case .checklist: state.focus = .stakeholder
            case .stakeholder: state.focus = .queue
            }
        case .switchFocusBack:
            switch state.focus {
            case .queue: state.focus = state.selectedOrder == nil ? .queue : .stakeholder
            case .checklist: state.focus = .queue
            case .stakeholder: state.focus = .checklist
            }
        case .focusQueue:
            state.focus = .queue
        case .focusChecklist:
            if state.selectedOrder != nil { state.focus = .checklist }
        case .edit:
            edit(in: &state)
        case .addNote:
            if let order = state.selectedOrder {
                state.openForm(.note(state.focus == .stakeholder ? .stakeholder(order.stakeholderID) : .order(order.id)))
            }
        case .toggleHiddenSteps:
            state.showsHiddenSteps.toggle()
            state.clampSelection()
            state.status = StatusMessage(text: state.showsHiddenSteps ? "Showing hidden steps (dimmed)" : "Hidden steps not shown",
                                         kind: .info)
        default:
            return updateOrder(action, state: &state, now: now) ?? updateList(action, state: &state)
        }
        return []
    }

    /// What the keys do to the selected order and its steps.
    private func updateOrder(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .toggleStep:
            return state.toggleSelectedStep(now: now)
        case .settleConflict(let takeOther):
            guard state.ensureWritable() else { return [] }
            return state.settleConflict(takeOther: takeOther)
        case .closeOrReopenOrder:
            let marked = state.markedOrders
            guard !marked.isEmpty else { return state.closeOrReopen() }
            // Every marked order closed: they are reopened; else the open ones are delivered.
            let allClosed = marked.allSatisfy { state.document.order(id: $0)?.status.isOpen == false }
            if state.ensureWritable() {
                state.confirmation = .bulk(allClosed ? .reopen : .close(as: .delivered, on: state.today), orders: marked)
            }
        case .deleteOrder:
            let marked = state.markedOrders
            if !marked.isEmpty, state.ensureWritable() {
                state.confirmation = .bulk(.delete, orders: marked)
            } else if let order = state.selectedOrder, state.ensureWritable() {
                state.confirmation = .deleteOrder(order.id, title: order.title)
            }
        case .mark(let all):
            if all { state.markAllShown() } else { state.toggleMark() }
            let count = state.markedOrders.count
            state.status = StatusMessage(text: count == 0 ? "No order marked"
                                         : "\(Counted(count, "order")) marked: c closes (or reopens), D deletes, E changes them; V unmarks all",
                                         kind: .info)
        case .editMarked:
            let marked = state.markedOrders
            guard !marked.isEmpty else {
                state.status = StatusMessage(text: "Mark orders first: v marks one, V every order shown", kind: .info)
                return []
            }
            state.openForm(.bulkEdit(orders: marked))
        case .editMeasurement:
            if let order = state.selectedOrder { state.openForm(.measurement(order.id)) }
        case .addStep:
            if let order = state.selectedOrder {
                state.openForm(.step(order: order.id, section: state.selectedStepEntry?.section ?? .shiftMindset, editing: nil))
            }
        case .removeStep:
            return state.removeSelectedStep()
        case .toggleTemplateStep:
            return state.toggleTemplateStep()
        case .nextConflict:
            state.selectNextConflict()
        case .addFollowUp:
            if let order = state.selectedOrder, state.ensureOneStore() { state.openForm(.order(editing: nil, followingUp: order.id)) }
        default:
            return nil
        }
        return []
    }

    /// What the list shows: search, filters, sort.
    private func updateList(_ action: Action, state: inout AppState) -> [Effect]? {
        switch action {
        case .startSearch:
            // A search narrows the queue: the queue has the keys once it ends.
            state.focus = .queue
            state.searchField = TextField(state.query.search)
        case .searchEdit(let edit):
            state.searchField?.apply(edit)
            var query = state.query
            query.search = state.searchField?.text ?? ""
            state.setQuery(query)
        case .endSearch(let keep):
            state.searchField = nil
            if !keep {
                var query = state.query
                query.search = ""
                state.setQuery(query)
            }
        case .openFilters:
            state.openForm(.filter, allowedWhenReadOnly: true)
        case .saveView:
            state.openForm(.saveView, allowedWhenReadOnly: true)
        case .chooseView:
            guard !state.savedViews.isEmpty else {
                state.status = StatusMessage(text: "No saved view yet: s saves the search, filters and sort shown", kind: .info)
                return []
            }
            state.openForm(.chooseView, allowedWhenReadOnly: true)
        case .reverseSort:
            var query = state.query
            query.reversed.toggle()
            state.setQuery(query)
            state.status = StatusMessage(text: "Sorted by \(query.sort.title)" + (query.reversed ? ", reversed" : ""), kind: .info)
            return view == .queue ? [.savePreferences(query)] : []
        case .clearFilters:
            state.setQuery(state.clearedQuery)
            state.status = StatusMessage(text: "Filters cleared", kind: .info)
            return [.savePreferences(state.queueQuery)]
        case .cycleSort:
            let cycle = QueueSort.queueCycle
            var query = state.queueQuery
            query.sort = cycle[((cycle.firstIndex(of: query.sort) ?? -1) + 1) % cycle.count]
            state.setQuery(query)
            state.status = StatusMessage(text: "Sorted by \(query.sort.title)", kind: .info)
            return [.savePreferences(query)]
        case .toggleMine:
            var query = state.queueQuery
            query.owner = query.owner?.folded == state.user.folded ? nil : state.user
            state.setQuery(query)
            state.status = StatusMessage(text: query.owner == nil ? "Everyone's orders" : "Orders \(state.user) carries: M again for everyone's",
                                         kind: .info)
            return [.savePreferences(query)]
        case .toggleClosedOrders:
            let next: StatusFilter = switch state.queueQuery.status {
            case .open: .all
            case .all: .closed
            case .closed: .open
            }
            state.showOrders(next)
            state.status = StatusMessage(text: "Showing \(next.title) orders", kind: .info)
            return [.savePreferences(state.queueQuery)]
        default:
            return nil
        }
        return []
    }

    func scroll(up: Bool, x: Int, y: Int, in state: inout AppState, now: Timestamp) {
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

    private func edit(in state: inout AppState) {
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
}

/// Which part of an order list has the keys.
enum Focus: Equatable, Sendable {
    case queue
    case checklist
    /// The selected order's stakeholder, in the detail pane.
    case stakeholder
}
