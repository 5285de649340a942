import Model

/// A click selects what is under it; a click on a step's checkbox ticks it.
func click(_ state: inout AppState, x: Int, y: Int, now: Timestamp) -> [Effect] {
    guard state.form == nil, state.confirmation == nil, !state.isHelpVisible else { return [] }
    let layout = state.layout
    if state.view == .stakeholders {
        selectStakeholder(&state, at: y)
        return []
    }
    guard state.view.listsOrders else { return [] }
    if contains(layout.queue, x, y) {
        let position = state.queueScroll + y - layout.queue.y - 1
        guard y > layout.queue.y, position < state.queue.count else { return [] }
        if position != state.selectedPosition { state.selectedStep = 0 }
        state.selectedPosition = position
        state.focus = .queue
        state.clampSelection()
        return []
    }
    guard contains(layout.detail, x, y) else { return [] }
    let targets = DetailView(state: state, rect: layout.detail).visibleTargets()
    let row = y - layout.detail.y
    guard targets.indices.contains(row), let target = targets[row] else { return [] }
    switch target {
    case .stakeholder:
        state.focus = .stakeholder
    case .step(let index):
        state.focus = .checklist
        state.selectedStep = index
        if DetailView.checkboxColumns.contains(x - layout.detail.x) {
            return update(&state, .toggleStep, now: now)
        }
    }
    return []
}

/// A click on a row of the stakeholders list selects that stakeholder.
private func selectStakeholder(_ state: inout AppState, at y: Int) {
    let list = state.layout.queue
    guard y > list.y, y < list.maxY else { return }
    let rows = max(1, list.height - 1)
    let top = StakeholdersView.firstShownRow(selected: state.stakeholderPosition, rows: rows,
                                             count: state.document.stakeholders.count)
    let index = top + y - list.y - 1
    if index < state.document.stakeholders.count { state.stakeholderPosition = index }
}

/// The wheel moves the selection in the pane under the pointer.
func scroll(_ state: inout AppState, up: Bool, x: Int, y: Int) {
    guard state.form == nil, state.confirmation == nil else { return }
    guard state.view.listsOrders else {
        for _ in 0..<3 { _ = update(&state, up ? .moveUp : .moveDown, now: Timestamp(secondsSince1970: 0)) }
        return
    }
    let previousFocus = state.focus
    state.focus = contains(state.layout.detail, x, y) && state.selectedOrder != nil ? .checklist : .queue
    for _ in 0..<3 { _ = update(&state, up ? .moveUp : .moveDown, now: Timestamp(secondsSince1970: 0)) }
    if state.focus == .queue && previousFocus == .stakeholder { state.focus = previousFocus }
}

private func contains(_ rect: Rect, _ x: Int, _ y: Int) -> Bool {
    x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
}
