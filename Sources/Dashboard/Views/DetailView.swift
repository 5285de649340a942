import Model

/// The selected order in full: the request, the stakeholder on the spectrum, and the 4S
/// checklist with a checkbox per step.
struct DetailView {
    let state: AppState
    let rect: Rect

    func draw(into screen: inout Screen) {
        guard rect.height > 0, rect.width > 0 else { return }
        guard let order = state.selectedOrder else {
            screen.put("Select an order to see its 4S checklist.", x: rect.x + 1, y: rect.y, style: Theme.muted)
            return
        }
        let (lines, selectedLine) = content(for: order)
        for (row, line) in visibleLines(lines, selectedLine: selectedLine).enumerated() {
            line.draw(into: &screen, x: rect.x + 1, y: rect.y + row, width: rect.width - 1)
        }
    }

    /// The lines that fit the pane, scrolled to keep the selected step in view with a
    /// little context, and marked where lines are hidden above or below.
    private func visibleLines(_ lines: [StyledLine], selectedLine: Int?) -> [StyledLine] {
        let height = rect.height
        guard lines.count > height, height >= 3 else { return Array(lines.prefix(height)) }
        var top = 0
        if let selectedLine {
            // One row may go to the "more above" marker, and one for context below.
            top = max(0, min(selectedLine + 3 - height, lines.count - height))
        }
        var visible: [StyledLine] = []
        if top > 0 { visible.append(StyledLine("  ↑ \(top + 1) more lines", Theme.muted)); top += 1 }
        let room = height - visible.count
        let remaining = lines.count - top
        if remaining > room {
            visible.append(contentsOf: lines[top..<top + room - 1])
            visible.append(StyledLine("  ↓ \(remaining - room + 1) more lines", Theme.muted))
        } else {
            visible.append(contentsOf: lines[top...])
        }
        return visible
    }

    /// The pane's lines and which of them is the selected step.
    func content(for order: TrainingOrder) -> (lines: [StyledLine], selectedLine: Int?) {
        let width = rect.width - 1
        let due = DueDate(due: order.due, today: state.today)
        var lines: [StyledLine] = []

        lines.append(StyledLine(order.shortID + " ", Theme.muted).appending(order.title, Theme.title))
        var facts = StyledLine("Due \(due.long)", due.style)
        facts.append(" · \(order.priority.rawValue) priority · \(order.status.title) · received \(order.received)", Theme.muted)
        lines.append(facts)
        if !order.audience.isEmpty || !order.tags.isEmpty {
            var audience = StyledLine()
            if !order.audience.isEmpty { audience.append("For: \(order.audience)") }
            if !order.tags.isEmpty {
                audience.append((order.audience.isEmpty ? "" : "  ") + order.tags.map { "#\($0)" }.joined(separator: " "), Theme.muted)
            }
            lines.append(audience)
        }
        if !order.request.isEmpty {
            for text in DisplayWidth.wrap("“\(order.request)”", to: width).prefix(4) {
                lines.append(StyledLine(text))
            }
        }

        lines.append(StyledLine())
        lines.append(contentsOf: stakeholderLines(for: order, width: width))

        lines.append(StyledLine())
        let total = order.checklist.progress
        lines.append(StyledLine("4S checklist ", Theme.title)
            .appending("\(total) ", ProgressBar.style(total))
            .appending(ProgressBar.text(total, width: min(20, max(4, width - 20))), ProgressBar.style(total)))

        var selectedLine: Int?
        var stepNumber = 0
        for section in ChecklistSection.allCases {
            let progress = order.checklist.progress(of: section)
            lines.append(StyledLine(section.title + " ", Theme.sectionTitle)
                .appending("\(progress) ", ProgressBar.style(progress))
                .appending(ProgressBar.text(progress, width: 3), ProgressBar.style(progress))
                .appending("  " + section.purpose, Theme.muted))
            for step in order.checklist[section] {
                let isSelected = state.focus == .checklist && stepNumber == state.selectedStep
                if isSelected { selectedLine = lines.count }
                lines.append(stepLine(step, isSelected: isSelected))
                stepNumber += 1
            }
            if order.checklist[section].isEmpty {
                lines.append(StyledLine("  (no steps)", Theme.muted))
            }
        }
        return (lines, selectedLine)
    }

    private func stepLine(_ step: ChecklistStep, isSelected: Bool) -> StyledLine {
        var line = StyledLine("  ")
        if let tick = step.tick {
            line.append("[✓] ", Theme.done)
            line.append(step.title)
            let day = CalendarDay.local(at: tick.at)
            line.append("  \(tick.by.isEmpty ? "" : tick.by + ", ")\(day.shortDescription)", Theme.muted)
        } else {
            line.append("[ ] ")
            line.append(step.title)
        }
        if isSelected { line.rowStyle = Theme.selected }
        return line
    }

    private func stakeholderLines(for order: TrainingOrder, width: Int) -> [StyledLine] {
        guard let stakeholder = state.document.stakeholder(id: order.stakeholderID) else {
            return [StyledLine("Stakeholder: \(order.stakeholderID) (unknown)", Theme.error)]
        }
        var lines: [StyledLine] = []
        let details = [stakeholder.role, stakeholder.team].filter { !$0.isEmpty }.joined(separator: ", ")
        lines.append(StyledLine("Stakeholder ", Theme.muted)
            .appending(stakeholder.name, Theme.title)
            .appending(details.isEmpty ? "" : " · \(details)", Theme.muted))
        lines.append(spectrumLine(current: stakeholder.stage, width: width))
        lines.append(StyledLine("\(stakeholder.stage.rawValue)/5 \(stakeholder.stage.title): ", Theme.stage(stakeholder.stage))
            .appending(stakeholder.stage.sign, Theme.muted))
        return lines
    }

    /// The five stages from order taker to strategic partner, the current one marked.
    private func spectrumLine(current: EngagementStage, width: Int) -> StyledLine {
        let fullWidth = EngagementStage.allCases.reduce(0) { $0 + DisplayWidth.of($1.title) + 4 } + 3
        let useFullTitles = fullWidth <= width
        var line = StyledLine()
        for stage in EngagementStage.allCases {
            if stage != .orderTaker { line.append(" ─ ", Theme.muted) }
            let title = useFullTitles ? stage.title : stage.shortTitle
            if stage == current {
                line.append("[\(title)]", Theme.stage(stage).reversed().bold())
            } else {
                line.append(" \(title) ", Theme.muted)
            }
        }
        return line
    }
}
