import Model

extension AppState {
    /// A click selects what is under it; a click on a step's checkbox ticks it.
    mutating func click(x: Int, y: Int, now: Timestamp) -> [Effect] {
        guard form == nil, confirmation == nil, !isHelpVisible else { return [] }
        let layout = layout
        if view == .stakeholders {
            selectStakeholder(at: y)
            return []
        }
        guard view.listsOrders else { return [] }
        if contains(layout.queue, x, y) {
            let position = queueScroll + y - layout.queue.y - 1
            guard y > layout.queue.y, position < queue.count else { return [] }
            if position != selectedPosition { selectedStep = 0 }
            selectedPosition = position
            focus = .queue
            clampSelection()
            return []
        }
        guard contains(layout.detail, x, y) else { return [] }
        let targets = DetailView(state: self, rect: layout.detail).visibleTargets()
        let row = y - layout.detail.y
        guard targets.indices.contains(row), let target = targets[row] else { return [] }
        switch target {
        case .stakeholder:
            focus = .stakeholder
        case .step(let index):
            focus = .checklist
            selectedStep = index
            if DetailView.checkboxColumns.contains(x - layout.detail.x) {
                return update(&self, .toggleStep, now: now)
            }
        }
        return []
    }

    /// A click on a row of the stakeholders list selects that stakeholder.
    private mutating func selectStakeholder(at y: Int) {
        let list = layout.queue
        guard y > list.y, y < list.maxY else { return }
        let rows = max(1, list.height - 1)
        let top = StakeholdersView.firstShownRow(selected: stakeholderPosition, rows: rows,
                                                 count: document.stakeholders.count)
        let index = top + y - list.y - 1
        if index < document.stakeholders.count { stakeholderPosition = index }
    }

    /// The wheel moves the selection in the pane under the pointer.
    mutating func scroll(up: Bool, x: Int, y: Int) {
        guard form == nil, confirmation == nil else { return }
        guard view.listsOrders else {
            for _ in 0..<3 { _ = update(&self, up ? .moveUp : .moveDown, now: Timestamp(secondsSince1970: 0)) }
            return
        }
        if contains(layout.detail, x, y) {
            // The wheel over the detail scrolls what it shows, wherever the focus is.
            for _ in 0..<3 { scrollDetail(up ? .moveUp : .moveDown) }
            return
        }
        let previousFocus = focus
        focus = .queue
        for _ in 0..<3 { _ = update(&self, up ? .moveUp : .moveDown, now: Timestamp(secondsSince1970: 0)) }
        if previousFocus == .stakeholder { focus = previousFocus }
    }

    private func contains(_ rect: Rect, _ x: Int, _ y: Int) -> Bool {
        x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
    }
}
