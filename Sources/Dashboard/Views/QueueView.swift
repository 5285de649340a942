import Model

/// The queue of open orders: one row per order, the selected one highlighted.
struct QueueView {
    let state: AppState
    let rect: Rect

    private struct Columns {
        var id: Int
        var stakeholder: Int
        var due = 8
        var progress = 16
        var stage: Int
        var title: Int
    }

    private func columns() -> Columns {
        let idWidth = "#\(state.document.nextOrderID)".count + 1
        let stakeholder = rect.width >= 90 ? 16 : 12
        let stage = 10
        let fixed = 2 + idWidth + stakeholder + 8 + 16 + stage
        return Columns(id: idWidth, stakeholder: stakeholder, stage: stage, title: max(8, rect.width - fixed))
    }

    func draw(into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let columns = columns()
        var titles = StyledLine("  " + DisplayWidth.fit("ID", to: columns.id), Theme.columnTitles)
        titles.append(DisplayWidth.fit("Order", to: columns.title), Theme.columnTitles)
        titles.append(DisplayWidth.fit("Stakeholder", to: columns.stakeholder), Theme.columnTitles)
        titles.append(DisplayWidth.fit(state.view == .archive ? "Closed" : "Due", to: columns.due), Theme.columnTitles)
        titles.append(DisplayWidth.fit("4S progress", to: columns.progress), Theme.columnTitles)
        titles.append(DisplayWidth.fit("Stage", to: columns.stage), Theme.columnTitles)
        titles.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)

        guard !state.queue.isEmpty else {
            let message = state.document.orders.isEmpty
                ? "No orders yet: a adds one. For a sample store: fours demo --store demo.json"
                : state.query.isFiltered ? "No order matches. F clears the search and filters."
                : state.view == .archive ? "Nothing delivered or closed yet."
                : "No open orders: everything is delivered or closed. a adds one."
            screen.put(message, x: rect.x + 2, y: rect.y + 2, style: Theme.muted, width: rect.width - 2)
            return
        }
        let rows = state.layout.queueRows
        let end = min(state.queue.count, state.queueScroll + rows)
        for position in state.queueScroll..<end {
            guard let order = state.document.order(id: state.queue.orderIDs[position]) else { continue }
            let line = row(for: order, columns: columns, isSelected: position == state.selectedPosition)
            line.draw(into: &screen, x: rect.x, y: rect.y + 1 + position - state.queueScroll, width: rect.width)
        }
    }

    private func row(for order: TrainingOrder, columns: Columns, isSelected: Bool) -> StyledLine {
        let due = DueDate(due: order.due, today: state.today)
        let stakeholder = state.document.stakeholder(id: order.stakeholderID)
        var line = StyledLine(isSelected ? "▶ " : "  ", .plain)
        if isSelected {
            line.rowStyle = state.focus == .queue ? Theme.selected : Theme.selectedUnfocused
        }
        line.append(DisplayWidth.fit(order.shortID, to: columns.id), due.isOverdue ? Theme.overdue : Theme.muted)
        line.append(DisplayWidth.fit(order.title, to: columns.title - 1) + " ", due.isOverdue ? Theme.overdue : .plain)
        line.append(DisplayWidth.fit(stakeholder?.name ?? order.stakeholderID, to: columns.stakeholder - 1) + " ")
        if order.status.isOpen {
            line.append(DisplayWidth.fit(due.short, to: columns.due), due.style)
        } else {
            line.append(DisplayWidth.fit(order.closedOn?.shortDescription ?? "done", to: columns.due), Theme.done)
        }
        for section in ChecklistSection.allCases {
            let progress = order.checklist.progress(of: section)
            line.append(ProgressBar.text(progress, width: 3), ProgressBar.style(progress))
            line.append(" ")
        }
        if let stage = stakeholder?.stage {
            line.append(DisplayWidth.fit("\(stage.rawValue) \(stage.shortTitle)", to: columns.stage), Theme.stage(stage))
        }
        return line
    }
}
