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
        let confirmed = state.confirmation
        state.confirmation = nil
        if case .quitWithUnsavedChanges = confirmed { return [.quit] }
    case .cancel:
        state.confirmation = nil
    case .retrySaves:
        return state.unsaved.map { .persist($0) }
    case .suspend:
        return [.suspend]
    case .toggleHelp:
        state.isHelpVisible.toggle()
    case .closeOverlay:
        state.isHelpVisible = false
    case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
        if state.focus == .queue { moveInQueue(&state, action) } else { moveInChecklist(&state, action) }
    case .switchFocus:
        state.focus = state.focus == .queue && state.selectedOrder != nil ? .checklist : .queue
    case .focusQueue:
        state.focus = .queue
    case .focusChecklist:
        if state.selectedOrder != nil { state.focus = .checklist }
    case .toggleStep:
        return toggleSelectedStep(&state, now: now)
    case .stageUp, .stageDown:
        return moveStage(&state, up: action == .stageUp, now: now)
    case .resized(let size):
        state.size = size
        state.clampSelection()
    case .dayChanged(let day):
        state.changeDay(to: day)
    case .saved(let document, let operation):
        let wasRetry = state.unsaved.contains(operation)
        state.markSaved(operation)
        state.showStoreDocument(document)
        if let status = state.status, status.kind == .pending {
            state.status = StatusMessage(text: status.text + " · saved", kind: .success)
        } else if wasRetry && state.unsaved.isEmpty {
            state.status = StatusMessage(text: "All changes saved", kind: .success)
        }
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

private func moveInChecklist(_ state: inout AppState, _ action: Action) {
    guard let order = state.selectedOrder else { return }
    let steps = order.checklist.allSteps
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

private func toggleSelectedStep(_ state: inout AppState, now: Timestamp) -> [Effect] {
    guard state.focus == .checklist, let order = state.selectedOrder else {
        state.status = StatusMessage(text: "Go to the checklist first (→ or Tab), then tick a step", kind: .info)
        return []
    }
    let steps = order.checklist.allSteps
    guard steps.indices.contains(state.selectedStep) else { return [] }
    let step = steps[state.selectedStep].step
    let tick = step.isDone ? nil : Tick(at: now, by: state.user)
    let operation = StoreOperation.setStep(order: order.id, step: step.id, tick: tick)
    return applyAndPersist(&state, operation) { document in
        let progress = document.order(id: order.id)?.checklist.progress ?? order.checklist.progress
        return "\(tick == nil ? "Unticked" : "Ticked") “\(step.title)” on \(order.shortID) (\(progress) done)"
    }
}

private func moveStage(_ state: inout AppState, up: Bool, now: Timestamp) -> [Effect] {
    guard let stakeholder = state.selectedStakeholder else {
        state.status = StatusMessage(text: "No order selected", kind: .info)
        return []
    }
    guard let stage = up ? stakeholder.stage.higher : stakeholder.stage.lower else {
        state.status = StatusMessage(text: "\(stakeholder.name) is already at \(stakeholder.stage.title)", kind: .info)
        return []
    }
    let operation = StoreOperation.moveStakeholder(id: stakeholder.id, to: stage, at: now, by: state.user)
    return applyAndPersist(&state, operation) { _ in
        "\(stakeholder.name): \(stakeholder.stage.title) → \(stage.title)"
    }
}

private func applyAndPersist(_ state: inout AppState, _ operation: StoreOperation,
                             describe: (StoreDocument) -> String) -> [Effect] {
    if let reason = state.readOnlyReason {
        state.status = StatusMessage(text: "Read-only (\(reason)): nothing can be changed", kind: .error)
        return []
    }
    do {
        try state.applyLocally(operation)
    } catch {
        state.status = StatusMessage(text: "Not changed: \(error.reason)", kind: .error)
        return []
    }
    // Shown at once; marked as saved when the store confirms it.
    state.status = StatusMessage(text: describe(state.document), kind: .pending)
    return [.persist(operation)]
}
