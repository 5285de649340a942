import Model

/// Moving through an order list: the queue, the checklist, the detail pane.
extension AppState {
    /// Scrolls the detail pane: a row, a page, or to either end.
    mutating func scrollDetail(_ action: Action) {
        let range = DetailView(state: self, rect: layout.detail).scrollRange()
        let page = max(1, layout.detail.height - 2)
        let scroll = switch action {
        case .moveUp: detailScroll - 1
        case .moveDown: detailScroll + 1
        case .pageUp: detailScroll - page
        case .pageDown: detailScroll + page
        case .moveToFirst: range.lowerBound
        case .moveToLast: range.upperBound
        default: detailScroll
        }
        detailScroll = min(max(scroll, range.lowerBound), range.upperBound)
    }

    mutating func moveInQueue(_ action: Action) {
        let page = max(1, layout.queueRows)
        let last = queue.count - 1
        switch action {
        case .moveUp: selectedPosition -= 1
        case .moveDown: selectedPosition += 1
        case .moveToFirst: selectedPosition = 0
        case .moveToLast: selectedPosition = last
        case .pageUp:
            selectedPosition -= page
            queueScroll -= page
        case .pageDown:
            selectedPosition += page
            queueScroll += page
        default: break
        }
        selectedPosition = max(0, min(selectedPosition, last))
        clampSelection()
    }

    mutating func moveInChecklist(_ action: Action) {
        let steps = shownSteps
        guard !steps.isEmpty else { return }
        let current = steps[min(selectedStep, steps.count - 1)].section
        switch action {
        case .moveUp: selectedStep -= 1
        case .moveDown: selectedStep += 1
        case .moveToFirst: selectedStep = 0
        case .moveToLast: selectedStep = steps.count - 1
        case .pageUp:
            // To the first step of this section, or of the one before when already there.
            let sectionStart = steps.firstIndex { $0.section == current } ?? 0
            if selectedStep > sectionStart {
                selectedStep = sectionStart
            } else if let previous = steps[..<sectionStart].last?.section {
                selectedStep = steps.firstIndex { $0.section == previous } ?? 0
            }
        case .pageDown:
            selectedStep = steps.firstIndex { $0.section.index > current.index } ?? steps.count - 1
        default: break
        }
        selectedStep = max(0, min(selectedStep, steps.count - 1))
    }

    /// Selects the next order in the list, after the selected one and round to the top,
    /// with a merge conflict waiting for a choice.
    mutating func selectNextConflict() {
        let conflicted = document.ordersWithConflicts
        guard !conflicted.isEmpty else {
            status = StatusMessage(text: "No merge conflicts wait for a choice", kind: .info)
            return
        }
        let ids = queue.orderIDs
        let order = ids.indices.map { (selectedPosition + 1 + $0) % ids.count }
        guard let position = order.first(where: { conflicted.contains(ids[$0]) }) else {
            status = StatusMessage(text: "\(Counted(conflicted.count, "order")) with a conflict, none in this list: "
                                   + "F clears the filters, A shows every order", kind: .info)
            return
        }
        selectedPosition = position
        focus = .queue
        clampSelection()
        let count = ids.filter(conflicted.contains).count
        status = StatusMessage(text: "≠ #\(ids[position]): K keeps the value shown, O takes the other"
                               + (count > 1 ? " · C for the next of \(count)" : ""), kind: .info)
    }
}
