import Model

/// The whole behaviour of the app: takes the state and an action, changes the state, and
/// returns the effects for the program to run. No I/O happens here.
func update(_ state: inout AppState, _ action: Action, now: Timestamp) -> [Effect] {
    if state.layout.isTooSmall && !action.worksWhenTooSmall { return [] }
    let status = state.status
    let effects = apply(action, to: &state, now: now)
    let page = state.page
    page.follow(&state)
    // A message stays its lifetime from when it was shown.
    if state.status != status { state.timers.statusShownAt = now }
    // An automatic retry waits its interval from the last time a save was asked for.
    if effects.contains(where: { if case .persist = $0 { true } else { false } }) { state.timers.lastRetry = now }
    return effects
}

private func apply(_ action: Action, to state: inout AppState, now: Timestamp) -> [Effect] {
    // The dialog on top has the first say, then the page.
    if let overlay = state.overlays.top, let effects = overlay.update(action, state: &state, now: now) {
        return effects
    }
    let page = state.page
    if let effects = page.update(action, state: &state, now: now) { return effects }
    switch action {
    case .quit:
        guard state.unsaved.isEmpty else {
            state.confirmation = .quitWithUnsavedChanges(count: state.unsaved.count)
            return []
        }
        return [.quit]
    case .confirm, .cancel, .form, .submitForm, .closeOverlay,
         .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown, .switchFocus, .switchFocusBack, .focusQueue,
         .focusChecklist, .startSearch, .searchEdit, .endSearch, .openFilters, .clearFilters, .cycleSort, .toggleMine,
         .showStakeholderOrders, .edit, .toggleHiddenSteps, .toggleClosedOrders, .addNote,
         .toggleStep, .settleConflict, .closeOrReopenOrder, .deleteOrder, .editMeasurement, .addStep, .removeStep,
         .toggleTemplateStep, .nextConflict, .showBrief, .addFollowUp, .mark, .editMarked, .saveView, .chooseView, .reverseSort:
        // Only the dialogs and the pages they belong to take these.
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
        state.toggleHelp()
    case .repaint:
        return [.repaint]
    case .stageUp, .stageDown:
        state.openStageForm(up: action == .stageUp)
    case .addOrder:
        if state.ensureOneStore() { state.openForm(.order(editing: nil)) }
    case .showView(let view):
        state.show(view)
    case .addStakeholder:
        if state.ensureOneStore() { state.openForm(.stakeholder(editing: nil)) }
    case .template(.open):
        if state.ensureOneStore() { state.overlays[TemplateOverlay.self] = TemplateOverlay() }
    case .template:
        // The editor's own keys: only it takes them.
        break
    case .editStakeholder:
        if let stakeholder = state.selectedStakeholder { state.openForm(.stakeholder(editing: stakeholder.id)) }
    case .undo:
        return state.undo()
    case .redo:
        return state.redo()
    case .click(let target):
        return state.click(target, now: now)
    case .scroll(let up, let x, let y):
        state.scroll(up: up, x: x, y: y, now: now)
    case .timePassed:
        return state.timePassed(now: now)
    case .idle(let quiet):
        return state.workAwayFromTheKeys(quiet: quiet)
    case .pageWorkDone(let result):
        state.take(result)
    case .opened(let store, let remembered):
        state.readOnlyReason = store.readOnlyReason
        state.restore(remembered)
        if let reason = store.readOnlyReason {
            state.status = StatusMessage(text: "Read-only: \(reason)", kind: .info)
        } else if let notice = store.notice {
            state.status = StatusMessage(text: notice, kind: .info)
        } else if !store.exists {
            state.status = StatusMessage(text: "New store: it will be created at \(store.path) on the first change", kind: .info)
        }
    case .readOnlyChanged(let reason):
        state.readOnlyReason = reason
    case .resumed:
        state.timers.lastSecond = Timestamp(secondsSince1970: 0)
    case .preferencesNotSaved(let reason):
        state.status = StatusMessage(text: "Your sort, filters and views will not be remembered: \(reason)", kind: .error)
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
    case .documentCompleted(let document, let replacingSketches):
        state.takeLaterReading(document, replacingSketches: replacingSketches)
    case .reloadFailed(let reason):
        state.status = StatusMessage(text: reason, kind: .error)
    }
    return []
}
