import Model

/// The whole behaviour of the app: takes the state and an action, changes the state, and
/// returns the effects for the program to run. No I/O happens here.
func update(_ state: inout AppState, _ action: Action, now: Timestamp) -> [Effect] {
    if state.layout.isTooSmall && !action.worksWhenTooSmall { return [] }
    let place = state.detailPlace
    let status = state.status
    let effects = apply(action, to: &state, now: now)
    // The detail pane scrolls with the part in focus again once that changes.
    if state.detailPlace != place { state.detailScroll = 0 }
    // A message stays its lifetime from when it was shown.
    if state.status != status { state.timers.statusShownAt = now }
    return effects
}

private func apply(_ action: Action, to state: inout AppState, now: Timestamp) -> [Effect] {
    // The dialog on top has the first say.
    if let overlay = Overlays.shown(in: state).last, let effects = overlay.update(action, state: &state, now: now) {
        return effects
    }
    switch action {
    case .quit:
        guard state.unsaved.isEmpty else {
            state.confirmation = .quitWithUnsavedChanges(count: state.unsaved.count)
            return []
        }
        return [.quit]
    case .confirm, .cancel, .form, .submitForm, .closeOverlay:
        // Only the dialogs they belong to take these.
        break
    case .retrySaves:
        return state.unsaved.isEmpty ? [] : [.persist(state.unsaved)]
    case .pasteRefused:
        state.status = StatusMessage(text: "Paste into a text field: a search (/) or a form (a, e, n)", kind: .info)
    case .writeBack:
        guard state.ensureWritable() else { return [] }
        return [.persist(state.unsaved, recreating: true)]
    case .suspend:
        return [.suspend]
    case .toggleHelp:
        state.isHelpVisible.toggle()
        state.helpScroll = 0
    case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
        let page = state.page
        page.move(action, in: &state)
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
    case .repaint:
        return [.repaint]
    case .focusQueue:
        state.focus = .queue
    case .focusChecklist:
        if state.selectedOrder != nil { state.focus = .checklist }
    case .toggleStep:
        return state.toggleSelectedStep(now: now)
    case .stageUp, .stageDown:
        state.openStageForm(up: action == .stageUp)
    case .addOrder:
        state.openForm(.order(editing: nil))
    case .showView(let view):
        state.show(view)
    case .startSearch:
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
    case .settleConflict(let takeOther):
        guard state.ensureWritable() else { return [] }
        return state.settleConflict(takeOther: takeOther)
    case .toggleMine:
        var query = state.queueQuery
        query.owner = query.owner?.folded == state.user.folded ? nil : state.user
        state.setQuery(query)
        state.status = StatusMessage(text: query.owner == nil ? "Everyone's orders" : "Orders \(state.user) carries: M again for everyone's",
                                     kind: .info)
        return [.savePreferences(query)]
    case .showStakeholderOrders:
        guard let stakeholder = state.selectedStakeholder else { return [] }
        state.show(.queue)
        var query = state.clearedQuery
        query.stakeholderID = stakeholder.id
        query.status = .all
        state.setQuery(query)
        state.status = StatusMessage(text: "\(stakeholder.name)'s orders: F clears the filter", kind: .info)
    case .edit:
        let page = state.page
        page.edit(in: &state)
    case .closeOrReopenOrder:
        return state.closeOrReopen()
    case .deleteOrder:
        if let order = state.selectedOrder, state.ensureWritable() {
            state.confirmation = .deleteOrder(order.id, title: order.title)
        }
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
    case .toggleHiddenSteps:
        state.showsHiddenSteps.toggle()
        state.clampSelection()
        state.status = StatusMessage(text: state.showsHiddenSteps ? "Showing hidden steps (dimmed)" : "Hidden steps not shown",
                                     kind: .info)
    case .toggleClosedOrders:
        let next: StatusFilter = switch state.queueQuery.status {
        case .open: .all
        case .all: .closed
        case .closed: .open
        }
        state.showOrders(next)
        state.status = StatusMessage(text: "Showing \(next.title) orders", kind: .info)
        return [.savePreferences(state.queueQuery)]
    case .addStakeholder:
        state.openForm(.stakeholder(editing: nil))
    case .editStakeholder:
        if let stakeholder = state.selectedStakeholder { state.openForm(.stakeholder(editing: stakeholder.id)) }
    case .addNote:
        let page = state.page
        page.addNote(in: &state)
    case .undo:
        return state.undo()
    case .redo:
        return state.redo()
    case .click(let x, let y):
        return state.click(x: x, y: y, now: now)
    case .scroll(let up, let x, let y):
        state.scroll(up: up, x: x, y: y, now: now)
    case .timePassed:
        return state.timePassed(now: now)
    case .idle:
        return state.requestSearchIndex()
    case .searchIndexBuilt(let index, let generation):
        state.take(index, generation: generation)
    case .resized(let size):
        state.size = size
        state.clampSelection()
    case .dayChanged(let day):
        state.changeDay(to: day)
    case .saved(let document, let changes, let outcomes, let othersChanged):
        state.saved(document: document, changes: changes, outcomes: outcomes, othersChanged: othersChanged)
    case .saveFailed(_, let reason):
        state.lastSaveFailure = reason
        let count = state.unsaved.count
        state.status = StatusMessage(
            text: "\(count) change\(count == 1 ? "" : "s") not saved: \(reason). Retrying; r to retry now", kind: .error)
    case .reloaded(let document):
        state.showStoreDocument(document)
        // News of someone else's change never hides what became of one's own.
        if state.status.map({ $0.kind == .info }) ?? true {
            state.status = StatusMessage(text: "Reloaded: the store was changed elsewhere", kind: .info)
        }
    case .mergedCopies(let document, let report):
        state.showStoreDocument(document)
        let summary = report.summary
        state.status = StatusMessage(text: summary.prefix(1).uppercased() + summary.dropFirst(),
                                     kind: report.leftAlone.isEmpty ? .info : .error)
    case .reloadFailed(let reason):
        state.status = StatusMessage(text: reason, kind: .error)
    }
    return []
}
