import Model

/// A list of orders: one row per order, the selected one highlighted.
struct QueueView {
    let state: AppState
    let rect: Rect
    /// The title of the date column: when orders are due, or when they were closed.
    let dateTitle: String
    /// What it says when no order shows though the store has some.
    let emptyMessage: String

    private var columns: QueueColumns {
        QueueColumns(width: rect.width, idWidth: state.summary.widestID + 1,
                     hasOwners: state.summary.hasOwners, hasTypes: state.summary.hasTypes)
    }

    func draw(into screen: inout Screen, hits: inout HitTargets) {
        guard rect.height > 0 else { return }
        let columns = columns
        var titles = StyledLine("  ")
        // Each title leaves the space that separates its column from the next.
        for (title, width) in [("ID", columns.id + columns.priority), ("Order", columns.title), ("Type", columns.type),
                               ("Owner", columns.owner),
                               ("Stakeholder", columns.stakeholder), (dateTitle, columns.due),
                               (columns.showsSections ? "4S progress" : "4S", columns.progress),
                               (columns.showsStageTitle ? "Stage" : "Stg", columns.stage)] where width > 0 {
            titles.append(DisplayWidth.fit(title, to: width - 1) + " ", Theme.columnTitles)
        }
        titles.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)

        guard !state.queue.isEmpty else {
            let adding = state.keyHint(.addOrder, "adds one")
            let message = state.document.orders.isEmpty
                ? "No orders yet" + (adding.map { ": \($0)" } ?? "") + ". For a sample store: fours demo --store demo.json"
                : state.query.isFiltered
                ? "No order matches." + (state.keyHint(.clearFilters, "clears the search and filters").map { " \($0)." } ?? "")
                : emptyMessage + (adding.map { " \($0)." } ?? "")
            screen.put(message, x: rect.x + 2, y: rect.y + 2, style: Theme.muted, width: rect.width - 2)
            return
        }
        let rows = state.layout.queueRows
        let end = min(state.queue.count, state.queueScroll + rows)
        let marked = Set(state.markedOrders)
        for position in state.queueScroll..<end {
            guard let order = state.document.order(id: state.queue.orderIDs[position]) else { continue }
            let line = row(for: order, columns: columns, isSelected: position == state.selectedPosition, marked: marked)
            let y = rect.y + 1 + position - state.queueScroll
            line.draw(into: &screen, x: rect.x, y: y, width: rect.width)
            hits.add(.order(position: position), Rect(x: rect.x, y: y, width: rect.width, height: 1))
        }
    }

    private func row(for order: TrainingOrder, columns: QueueColumns, isSelected: Bool, marked: Set<Int>) -> StyledLine {
        let due = DueDate(due: order.due, today: state.today)
        let stakeholder = state.document.stakeholder(id: order.stakeholderID)
        // A marked order has a * beside the selection's arrow.
        var line = StyledLine(isSelected ? QueueMark.selected.symbol : " ", .plain)
        line.append(marked.contains(order.id) ? QueueMark.marked.symbol : " ", Theme.title)
        if isSelected {
            line.rowStyle = state.focus == .queue ? Theme.selected : Theme.selectedUnfocused
        }
        line.append(DisplayWidth.fit(state.document.shortID(of: order), to: columns.id), due.isOverdue ? Theme.overdue : Theme.muted)
        // A merge conflict waiting is marked ≠ in place of the priority.
        if !state.document.conflicts(of: order.id).isEmpty {
            line.append(QueueMark.conflict.symbol + " ", Theme.error)
        } else {
            line.append(Self.priorityMark(order.priority), order.priority == .high ? Theme.overdue : Theme.muted)
        }
        appendTitle(of: order, width: columns.title, style: due.isOverdue ? Theme.overdue : .plain, to: &line)
        if columns.type > 0 {
            // The standard template's orders leave it blank: the types stand out.
            let type = order.details.type.isEmpty ? "" : state.document.typeName(of: order.details.type)
            line.append(DisplayWidth.fit(type, to: columns.type - 1) + " ", Theme.muted)
        }
        line.append(DisplayWidth.fit(order.owners.joined(separator: ", "), to: columns.owner - 1) + (columns.owner > 0 ? " " : ""))
        line.append(DisplayWidth.fit(stakeholder?.name ?? order.stakeholderID, to: columns.stakeholder - 1)
            + (columns.stakeholder > 0 ? " " : ""))
        if order.status.isOpen {
            line.append(DisplayWidth.fit(due.short, to: columns.due), due.style)
        } else {
            line.append(DisplayWidth.fit(order.closedOn?.shortDescription ?? "done", to: columns.due), Theme.done)
        }
        if columns.showsSections {
            for section in ChecklistSection.allCases {
                let progress = order.checklist.progress(of: section)
                let cells = ProgressBar.cellsOrCount(progress, limit: QueueColumns.sectionCells)
                line.append(DisplayWidth.fit(cells, to: QueueColumns.sectionCells) + " ", ProgressBar.style(progress))
            }
        } else {
            let total = order.checklist.progress
            line.append(DisplayWidth.fit(total.description, to: columns.progress), ProgressBar.style(total))
        }
        if let stakeholder, columns.stage > 0 {
            let badge = StageBadge(stakeholder: stakeholder, today: state.today)
            line.append(DisplayWidth.fit(badge.text(showingTitle: columns.showsStageTitle), to: columns.stage), badge.style)
        }
        return line
    }

    /// `!` for a high priority, `↓` for a low one, nothing for the usual.
    static func priorityMark(_ priority: Priority) -> String {
        switch priority {
        case .high: QueueMark.highPriority.symbol + " "
        case .medium: "  "
        case .low: QueueMark.lowPriority.symbol + " "
        }
    }

    /// The title, then as many of its tags as fit whole after it.
    private func appendTitle(of order: TrainingOrder, width: Int, style: Style, to line: inout StyledLine) {
        let title = DisplayWidth.truncate(order.title, to: width - 1)
        line.append(title, style)
        var used = DisplayWidth.of(title)
        var tags = ""
        if title == order.title {
            for tag in order.tags {
                let next = " #" + tag
                guard used + DisplayWidth.of(tags + next) <= width - 1 else { break }
                tags += next
            }
        }
        line.append(tags, Theme.muted)
        used += DisplayWidth.of(tags)
        line.append(String(repeating: " ", count: max(0, width - used)))
    }
}
