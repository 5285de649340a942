import Model

/// The whole behaviour of the app: takes the state and an action, changes the state, and
/// returns the effects for the program to run. No I/O happens here.
func update(_ state: inout AppState, _ action: Action, now: Timestamp) -> [Effect] {
    switch action {
    case .quit:
        guard state.unsaved.isEmpty else {
            state.confirmation = .quitWithUnsavedChanges(count: state.unsaved.count)
            return []
        }
        return [.quit]
    case .confirm:
        return confirm(&state, now: now)
    case .cancel:
        if state.confirmation != nil {
            state.confirmation = nil
        } else if state.form != nil {
            state.form = nil
            state.status = StatusMessage(text: "Cancelled: nothing was saved", kind: .info)
        }
    case .retrySaves:
        return state.unsaved.map { .persist($0) }
    case .suspend:
        return [.suspend]
    case .toggleHelp:
        state.isHelpVisible.toggle()
        state.helpScroll = 0
    case .closeOverlay:
        state.isHelpVisible = false
    case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
        if state.isHelpVisible {
            scrollHelp(&state, action)
        } else if state.view == .stakeholders {
            moveInStakeholders(&state, action)
        } else if state.view == .standup {
            let blocks = StandupReport(state.document, today: state.today).blocks.count
            let step = action == .moveDown || action == .pageDown ? 1 : -1
            state.standupScroll = max(0, min(blocks - 2, state.standupScroll + step))
        } else if state.focus == .checklist { moveInChecklist(&state, action) } else { moveInQueue(&state, action) }
    case .switchFocus:
        switch state.focus {
        case .queue: state.focus = state.selectedOrder == nil ? .queue : .checklist
        case .checklist: state.focus = .stakeholder
        case .stakeholder: state.focus = .queue
        }
    case .focusQueue:
        state.focus = .queue
    case .focusChecklist:
        if state.selectedOrder != nil { state.focus = .checklist }
    case .toggleStep:
        return toggleSelectedStep(&state, now: now)
    case .stageUp, .stageDown:
        openStageForm(&state, up: action == .stageUp)
    case .addOrder:
        open(.order(editing: nil), in: &state)
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
        open(.filter, in: &state, allowedWhenReadOnly: true)
    case .clearFilters:
        state.setQuery(state.clearedQuery)
        state.status = StatusMessage(text: "Filters cleared", kind: .info)
        return state.view == .queue ? [.savePreferences(state.queueQuery)] : []
    case .cycleSort:
        let cycle = QueueSort.queueCycle
        var query = state.queueQuery
        query.sort = cycle[((cycle.firstIndex(of: query.sort) ?? -1) + 1) % cycle.count]
        state.setQuery(query)
        state.status = StatusMessage(text: "Sorted by \(query.sort.title)", kind: .info)
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
        edit(&state)
    case .closeOrReopenOrder:
        return closeOrReopen(&state)
    case .deleteOrder:
        if let order = state.selectedOrder, isWritable(&state) {
            state.confirmation = .deleteOrder(order.id, title: order.title)
        }
    case .editMeasurement:
        if let order = state.selectedOrder { open(.measurement(order.id), in: &state) }
    case .addStep:
        if let order = state.selectedOrder {
            open(.step(order: order.id, section: state.selectedStepEntry?.section ?? .shiftMindset, editing: nil), in: &state)
        }
    case .removeStep:
        return removeSelectedStep(&state)
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
        open(.stakeholder(editing: nil), in: &state)
    case .editStakeholder:
        if let stakeholder = state.selectedStakeholder { open(.stakeholder(editing: stakeholder.id), in: &state) }
    case .addNote:
        addNote(&state)
    case .undo:
        return undo(&state)
    case .redo:
        return redo(&state)
    case .form(let input):
        guard var form = state.form else { return [] }
        form.apply(input)
        form.notice = FormCatalog.notice(for: form, state: state)
        state.form = form
    case .submitForm:
        return submitForm(&state, now: now)
    case .click(let x, let y):
        return click(&state, x: x, y: y, now: now)
    case .scroll(let up, let x, let y):
        scroll(&state, up: up, x: x, y: y)
    case .resized(let size):
        state.size = size
        state.clampSelection()
    case .dayChanged(let day):
        state.changeDay(to: day)
    case .saved(let document, let operation, let applied):
        saved(&state, document: document, operation: operation, applied: applied)
    case .saveFailed(let operation, let reason):
        state.markUnsaved(operation)
        let count = state.unsaved.count
        state.status = StatusMessage(
            text: "\(count) change\(count == 1 ? "" : "s") not saved: \(reason). Retrying; r to retry now", kind: .error)
    case .saveConflict(let document, let operation, let reason):
        state.markSaved(operation)
        state.showStoreDocument(document)
        state.status = StatusMessage(text: reason, kind: .error)
    case .reloaded(let document):
        state.showStoreDocument(document)
        state.status = StatusMessage(text: "Reloaded: the store was changed elsewhere", kind: .info)
    case .reloadFailed(let reason):
        state.status = StatusMessage(text: reason, kind: .error)
    }
    return []
}

// MARK: - Moving

private func scrollHelp(_ state: inout AppState, _ action: Action) {
    let page = max(1, state.size.height - 4)
    let step = switch action {
    case .moveUp: -1
    case .moveDown: 1
    case .pageUp: -page
    case .pageDown: page
    case .moveToFirst: -state.helpScroll
    default: 0
    }
    let furthest = HelpOverlay(keyMap: .standard, size: state.size).maximumScroll
    state.helpScroll = max(0, min(furthest, state.helpScroll + step))
}

private func moveInQueue(_ state: inout AppState, _ action: Action) {
    let page = max(1, state.layout.queueRows)
    let last = state.queue.count - 1
    let before = state.selectedPosition
    switch action {
    case .moveUp: state.selectedPosition -= 1
    case .moveDown: state.selectedPosition += 1
    case .moveToFirst: state.selectedPosition = 0
    case .moveToLast: state.selectedPosition = last
    case .pageUp:
        state.selectedPosition -= page
        state.queueScroll -= page
    case .pageDown:
        state.selectedPosition += page
        state.queueScroll += page
    default: break
    }
    state.selectedPosition = max(0, min(state.selectedPosition, last))
    if state.selectedPosition != before { state.selectedStep = 0 }
    state.clampSelection()
}

private func moveInStakeholders(_ state: inout AppState, _ action: Action) {
    let last = state.document.stakeholders.count - 1
    switch action {
    case .moveUp: state.stakeholderPosition -= 1
    case .moveDown: state.stakeholderPosition += 1
    case .moveToFirst, .pageUp: state.stakeholderPosition = 0
    case .moveToLast, .pageDown: state.stakeholderPosition = last
    default: break
    }
    state.stakeholderPosition = max(0, min(state.stakeholderPosition, last))
}

private func moveInChecklist(_ state: inout AppState, _ action: Action) {
    let steps = state.shownSteps
    guard !steps.isEmpty else { return }
    let current = steps[min(state.selectedStep, steps.count - 1)].section
    switch action {
    case .moveUp: state.selectedStep -= 1
    case .moveDown: state.selectedStep += 1
    case .moveToFirst: state.selectedStep = 0
    case .moveToLast: state.selectedStep = steps.count - 1
    case .pageUp:
        // To the first step of this section, or of the one before when already there.
        let sectionStart = steps.firstIndex { $0.section == current } ?? 0
        if state.selectedStep > sectionStart {
            state.selectedStep = sectionStart
        } else if let previous = steps[..<sectionStart].last?.section {
            state.selectedStep = steps.firstIndex { $0.section == previous } ?? 0
        }
    case .pageDown:
        state.selectedStep = steps.firstIndex { $0.section.index > current.index } ?? steps.count - 1
    default: break
    }
    state.selectedStep = max(0, min(state.selectedStep, steps.count - 1))
}

// MARK: - Changes

/// Whether changes are allowed; says why not on the status line.
func isWritable(_ state: inout AppState) -> Bool {
    guard let reason = state.readOnlyReason else { return true }
    state.status = StatusMessage(text: "Read-only (\(reason)): nothing can be changed", kind: .error)
    return false
}

private func toggleSelectedStep(_ state: inout AppState, now: Timestamp) -> [Effect] {
    guard state.focus == .checklist, let order = state.selectedOrder, let (_, step) = state.selectedStepEntry else {
        state.status = StatusMessage(text: "Go to the checklist first (→ or Tab), then tick a step", kind: .info)
        return []
    }
    let tick = step.isDone ? nil : Tick(at: now, by: state.user)
    let operation = StoreOperation.setStep(order: order.id, step: step.id, tick: tick)
    let label = "\(tick == nil ? "untick" : "tick") of “\(step.title)”"
    return change(&state, operation, label: label) { document in
        let progress = document.order(id: order.id)?.checklist.progress ?? order.checklist.progress
        return "\(tick == nil ? "Unticked" : "Ticked") “\(step.title)” on \(order.shortID) (\(progress) done)"
    }
}

private func openStageForm(_ state: inout AppState, up: Bool) {
    guard let stakeholder = state.selectedStakeholder else {
        state.status = StatusMessage(text: "No order selected", kind: .info)
        return
    }
    guard let stage = up ? stakeholder.stage.higher : stakeholder.stage.lower else {
        state.status = StatusMessage(text: "\(stakeholder.name) is already at \(stakeholder.stage.title)", kind: .info)
        return
    }
    open(.moveStage(stakeholder: stakeholder.id, to: stage), in: &state)
}

private func open(_ purpose: FormPurpose, in state: inout AppState, allowedWhenReadOnly: Bool = false) {
    guard allowedWhenReadOnly || isWritable(&state), var form = FormCatalog.form(for: purpose, state: state) else { return }
    form.notice = FormCatalog.notice(for: form, state: state)
    state.form = form
}

private func edit(_ state: inout AppState) {
    if state.view == .stakeholders {
        if let stakeholder = state.selectedStakeholder { open(.stakeholder(editing: stakeholder.id), in: &state) }
        return
    }
    guard let order = state.selectedOrder else { return }
    switch state.focus {
    case .queue:
        open(.order(editing: order.id), in: &state)
    case .checklist:
        if let (section, step) = state.selectedStepEntry {
            open(.step(order: order.id, section: section, editing: step.id), in: &state)
        }
    case .stakeholder:
        open(.stakeholder(editing: order.stakeholderID), in: &state)
    }
}

private func addNote(_ state: inout AppState) {
    if state.view == .stakeholders {
        if let stakeholder = state.selectedStakeholder { open(.note(.stakeholder(stakeholder.id)), in: &state) }
        return
    }
    guard let order = state.selectedOrder else { return }
    open(.note(state.focus == .stakeholder ? .stakeholder(order.stakeholderID) : .order(order.id)), in: &state)
}

private func closeOrReopen(_ state: inout AppState) -> [Effect] {
    guard let order = state.selectedOrder, isWritable(&state) else { return [] }
    guard order.status.isOpen else {
        var details = order.details
        details.status = .inProgress
        details.closedOn = nil
        return change(&state, .editOrder(order.id, from: order.details, to: details),
                      label: "reopening of \(order.shortID)") { _ in "Reopened \(order.shortID) \(order.title)" }
    }
    let progress = order.checklist.progress
    if progress.done < progress.total {
        state.confirmation = .closeWithOpenSteps(order: order.id, open: progress.total - progress.done, total: progress.total)
    } else {
        open(.closeOrder(order.id), in: &state)
    }
    return []
}

private func removeSelectedStep(_ state: inout AppState) -> [Effect] {
    guard state.focus == .checklist, let order = state.selectedOrder, let (_, step) = state.selectedStepEntry else {
        state.status = StatusMessage(text: "Go to the checklist first, then remove a step", kind: .info)
        return []
    }
    if step.isCustom {
        return change(&state, .removeStep(order: order.id, step: step.id), label: "removal of “\(step.title)”") { _ in
            "Removed “\(step.title)” from \(order.shortID) (u brings it back)"
        }
    }
    // A template step is hidden on this order, never lost: H shows hidden steps.
    var details = step.details
    details.isHidden.toggle()
    let verb = details.isHidden ? "Hid" : "Showed again"
    return change(&state, .editStep(order: order.id, step: step.id, from: step.details, to: details),
                  label: "\(details.isHidden ? "hiding" : "showing") of “\(step.title)”") { _ in
        "\(verb) “\(step.title)” on \(order.shortID)" + (details.isHidden ? " (H shows hidden steps)" : "")
    }
}

private func confirm(_ state: inout AppState, now: Timestamp) -> [Effect] {
    let confirmed = state.confirmation
    state.confirmation = nil
    switch confirmed {
    case .quitWithUnsavedChanges:
        return [.quit]
    case .closeWithOpenSteps(let id, _, _):
        open(.closeOrder(id), in: &state)
    case .deleteOrder(let id, let title):
        return change(&state, .deleteOrder(id), label: "deletion of #\(id)") { _ in "Deleted #\(id) “\(title)” (u undoes it)" }
    case nil:
        break
    }
    return []
}

private func submitForm(_ state: inout AppState, now: Timestamp) -> [Effect] {
    guard var form = state.form else { return [] }
    form.completeSuggestion()
    switch FormCatalog.submit(form, state: state, now: now) {
    case .failure(let error):
        form.setError(error.message, on: error.field)
        form.focused = form.fields.firstIndex { $0.id == error.field } ?? form.focused
        state.form = form
        return []
    case .success(.filter(let query)):
        state.form = nil
        state.setQuery(query)
        state.status = StatusMessage(text: "Showing \(state.queue.count) order\(state.queue.count == 1 ? "" : "s")", kind: .info)
        return [.savePreferences(query)]
    case .success(.change(let result)):
        state.form = nil
        let effects = change(&state, result.operation, label: result.label) { _ in
            result.label.prefix(1).uppercased() + result.label.dropFirst()
        }
        if let id = result.selectOrder {
            if state.queue.position(of: id) == nil { state.showOrders(.all) }
            state.select(order: id)
        }
        return effects
    }
}

/// Shows a change at once, remembers how to undo it, and asks the program to save it.
func change(_ state: inout AppState, _ operation: StoreOperation, label: String,
            describe: (StoreDocument) -> String) -> [Effect] {
    guard isWritable(&state) else { return [] }
    let inverse = operation.inverse(before: state.document)
    do {
        try state.applyLocally(operation)
    } catch {
        state.status = StatusMessage(text: "Not changed: \(error.reason)", kind: .error)
        return []
    }
    if let inverse {
        state.remember(UndoEntry(forward: operation, inverse: inverse, label: label))
        state.redoStack.removeAll()
    }
    // Shown at once; marked as saved when the store confirms it.
    state.status = StatusMessage(text: describe(state.document), kind: .pending)
    return [.persist(operation)]
}

private func undo(_ state: inout AppState) -> [Effect] {
    guard isWritable(&state) else { return [] }
    guard let entry = state.undoStack.popLast() else {
        state.status = StatusMessage(text: "Nothing to undo", kind: .info)
        return []
    }
    return replay(&state, entry.inverse, thenPush: entry, onto: \.redoStack, saying: "Undid \(entry.label)")
}

private func redo(_ state: inout AppState) -> [Effect] {
    guard isWritable(&state) else { return [] }
    guard let entry = state.redoStack.popLast() else {
        state.status = StatusMessage(text: "Nothing to redo", kind: .info)
        return []
    }
    return replay(&state, entry.forward, thenPush: entry, onto: \.undoStack, saying: "Redid \(entry.label)")
}

private func replay(_ state: inout AppState, _ operation: StoreOperation, thenPush entry: UndoEntry,
                    onto stack: WritableKeyPath<AppState, [UndoEntry]>, saying message: String) -> [Effect] {
    do {
        try state.applyLocally(operation)
    } catch {
        state.status = StatusMessage(text: "Cannot take that back: \(error.reason)", kind: .error)
        return []
    }
    state[keyPath: stack].append(entry)
    state.status = StatusMessage(text: message, kind: .pending)
    return [.persist(operation)]
}

private func saved(_ state: inout AppState, document: StoreDocument, operation: StoreOperation, applied: StoreOperation) {
    let wasRetry = state.unsaved.contains(operation)
    state.markSaved(operation)
    state.showStoreDocument(document)
    if applied != operation {
        // Someone else took the new order's number meanwhile; its undo no longer applies.
        state.undoStack.removeAll { $0.forward == operation }
        state.status = StatusMessage(text: "Saved under a new number: someone else added an order at the same time",
                                     kind: .success)
        return
    }
    if let status = state.status, status.kind == .pending {
        state.status = StatusMessage(text: status.text + " · saved", kind: .success)
    } else if wasRetry && state.unsaved.isEmpty {
        state.status = StatusMessage(text: "All changes saved", kind: .success)
    }
}
