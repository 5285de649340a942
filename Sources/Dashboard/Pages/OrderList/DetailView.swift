import Model

/// The selected order in full: the request, the stakeholder on the spectrum, the 4S
/// checklist with a checkbox per step, measurement, value and notes.
struct DetailView {
    let state: AppState
    let rect: Rect

    /// The columns of a step's checkbox, counted from the pane's left edge.
    static let checkboxColumns = 3..<6

    private struct Row {
        var line: StyledLine
        /// What a click on it acts on.
        var target: HitTarget?
    }

    func draw(into screen: inout Screen, hits: inout HitTargets) {
        guard rect.height > 0, rect.width > 0 else { return }
        guard state.selectedOrder != nil else {
            screen.put("Select an order to see its 4S checklist.", x: rect.x + 1, y: rect.y, style: Theme.muted)
            return
        }
        for (index, row) in visibleRows().enumerated() {
            let y = rect.y + index
            row.line.draw(into: &screen, x: rect.x + 1, y: y, width: rect.width - 1)
            if case .step(let step, _) = row.target {
                let box = Self.checkboxColumns
                hits.add(.step(step, checkbox: true), Rect(x: rect.x + box.lowerBound, y: y, width: box.count, height: 1))
            }
            if let target = row.target { hits.add(target, Rect(x: rect.x, y: y, width: rect.width, height: 1)) }
        }
    }

    /// How far the pane can be scrolled from where the part in focus puts it: up to its
    /// first row and down to its last.
    func scrollRange() -> ClosedRange<Int> {
        guard let order = state.selectedOrder else { return 0...0 }
        let (rows, selectedRow) = content(for: order)
        guard rows.count > rect.height, rect.height >= 3 else { return 0...0 }
        let focusTop = Self.focusTop(selectedRow: selectedRow, rows: rows.count, height: rect.height)
        return -focusTop...(rows.count - rect.height - focusTop)
    }

    /// The first row shown so that the row in focus is in view, with one row for the
    /// "more above" marker and one for context below.
    private static func focusTop(selectedRow: Int?, rows: Int, height: Int) -> Int {
        guard let selectedRow else { return 0 }
        return max(0, min(selectedRow + 3 - height, rows - height))
    }

    /// The rows that fit the pane, scrolled to keep the selected step in view with a
    /// little context (and as far again as the user scrolled it), and marked where rows
    /// are hidden above or below.
    private func visibleRows() -> [Row] {
        guard let order = state.selectedOrder else { return [] }
        let (rows, selectedRow) = content(for: order)
        let height = rect.height
        guard rows.count > height, height >= 3 else { return Array(rows.prefix(height)) }
        let focusTop = Self.focusTop(selectedRow: selectedRow, rows: rows.count, height: height)
        var top = max(0, min(focusTop + state.detailScroll, rows.count - height))
        var visible: [Row] = []
        if top > 0 {
            visible.append(Row(line: StyledLine("  ↑ \(top + 1) more lines", Theme.muted)))
            top += 1
        }
        let room = height - visible.count
        let remaining = rows.count - top
        if remaining > room {
            visible.append(contentsOf: rows[top..<top + room - 1])
            visible.append(Row(line: StyledLine("  ↓ \(remaining - room + 1) more lines", Theme.muted)))
        } else {
            visible.append(contentsOf: rows[top...])
        }
        return visible
    }

    /// The pane's rows and which of them is the selected step (or stakeholder).
    private func content(for order: TrainingOrder) -> (rows: [Row], selectedRow: Int?) {
        let width = rect.width - 1
        var rows: [Row] = []
        func add(_ line: StyledLine, _ target: HitTarget? = nil) { rows.append(Row(line: line, target: target)) }

        for line in orderLines(order, width: width) { add(line) }
        var selectedRow: Int?

        // The checklist comes first: ticking is what the pane is used for most.
        add(StyledLine())
        let total = order.checklist.progress
        add(StyledLine("4S checklist ", Theme.title)
            .appending("\(total) ", ProgressBar.style(total))
            .appending(ProgressBar.cells(total, limit: max(0, width - 20)) ?? "", ProgressBar.style(total)))
        let shown = order.checklist.steps(includingHidden: state.showsHiddenSteps)
        for section in ChecklistSection.allCases {
            let progress = order.checklist.progress(of: section)
            add(StyledLine(section.title + " ", Theme.sectionTitle)
                .appending("\(progress) ", ProgressBar.style(progress))
                .appending(ProgressBar.cells(progress, limit: 12) ?? "", ProgressBar.style(progress))
                .appending("  " + section.purpose, Theme.muted))
            var any = false
            for (index, entry) in shown.enumerated() where entry.section == section {
                any = true
                let isSelected = state.focus == .checklist && index == state.selectedStep
                if isSelected { selectedRow = rows.count }
                add(stepLine(entry.step, isSelected: isSelected), .step(index, checkbox: false))
            }
            if !any { add(StyledLine("  (no steps; + adds one)", Theme.muted)) }
        }

        add(StyledLine())
        if state.focus == .stakeholder { selectedRow = rows.count }
        for line in stakeholderLines(for: order, width: width) { add(line, .orderStakeholder) }
        for line in measurementLines(order) { add(line) }
        for line in noteLines(order.notes, title: "Notes", width: width) { add(line) }
        return (rows, selectedRow)
    }

    private func orderLines(_ order: TrainingOrder, width: Int) -> [StyledLine] {
        let due = DueDate(due: order.due, today: state.today)
        var lines: [StyledLine] = []
        lines.append(StyledLine(state.document.shortID(of: order) + " ", Theme.muted).appending(order.title, Theme.title)
            .appending(order.owners.isEmpty ? "" : "  carried by " + order.owners.joined(separator: ", "), Theme.muted))
        // Two copies of the store changed these two ways: said first, with the keys that settle them.
        for (index, conflict) in state.conflictsInView.enumerated() {
            let subject = conflict.subject == .order(order.id) ? "" : conflict.subjectDescription(in: state.document) + " "
            lines.append(StyledLine("≠ \(subject)\(conflict.fieldDescription): ", Theme.error)
                .appending("kept \(MergeConflict.describe(conflict.kept)), the other copy had \(MergeConflict.describe(conflict.other))")
                .appending(index == 0 ? "  K keep · O take the other" : "", Theme.muted))
        }
        var facts: StyledLine
        if order.status.isOpen {
            facts = StyledLine("Due \(due.long)", due.style)
            facts.append(" · \(order.priority.rawValue) priority · \(order.status.title)", Theme.muted)
        } else {
            facts = StyledLine(order.status.title.capitalized + (order.closedOn.map { " \($0)" } ?? ""), Theme.done)
            facts.append(" · \(order.priority.rawValue) priority", Theme.muted)
        }
        facts.append(" · received \(order.received)", Theme.muted)
        lines.append(facts)
        var audience = StyledLine("Arrived as a \(order.arrival.title)", Theme.muted)
        if !order.audience.isEmpty {
            audience.append(" · for \(order.audience)" + (order.audienceSize.map { " (\($0) people)" } ?? ""), Theme.muted)
        }
        if !order.details.type.isEmpty { audience.append(" · " + state.document.typeName(of: order.details.type), Theme.muted) }
        if !order.tags.isEmpty { audience.append("  " + order.tags.map { "#\($0)" }.joined(separator: " "), Theme.muted) }
        lines.append(audience)
        if !order.request.isEmpty {
            for text in DisplayWidth.wrap("“\(order.request)”", to: width).prefix(4) { lines.append(StyledLine(text)) }
        }
        if !order.businessProblem.isEmpty {
            lines.append(StyledLine("Business problem: ", Theme.muted).appending(order.businessProblem))
        }
        if let decision = order.decision {
            lines.append(StyledLine("Decision: ", Theme.muted)
                .appending(decision.title + (order.decisionReason.isEmpty ? "" : " (\(order.decisionReason))")))
        }
        if !order.closingNote.isEmpty {
            lines.append(StyledLine("Closing note: ", Theme.muted).appending(order.closingNote))
        }
        if !order.sourceID.isEmpty {
            lines.append(StyledLine("From the intake sheet's row ", Theme.muted).appending(order.sourceID))
        }
        if let origin = order.followUpOf {
            lines.append(StyledLine("Follows up ", Theme.muted).appending(OrderLink.text(to: origin, in: state.document)))
        }
        let followUps = state.document.followUps(of: order.id)
        if !followUps.isEmpty {
            lines.append(StyledLine("Led to ", Theme.muted)
                .appending(followUps.map { OrderLink.text(to: $0.id, in: state.document) }.joined(separator: ", ")))
        }
        return lines
    }

    private func stepLine(_ step: ChecklistStep, isSelected: Bool) -> StyledLine {
        var line = StyledLine("  ")
        if let tick = step.tick {
            line.append("[✓] ", Theme.done)
            line.append(step.title, step.isHidden ? Theme.muted : .plain)
            let day = CalendarDay.local(at: tick.at)
            line.append("  \(tick.by.isEmpty ? "" : tick.by + ", ")\(day.shortDescription)", Theme.muted)
        } else {
            line.append("[ ] ", step.isHidden ? Theme.muted : .plain)
            line.append(step.title, step.isHidden ? Theme.muted : .plain)
        }
        if step.isCustom { line.append("  +own", Theme.muted) }
        if step.isHidden { line.append("  (hidden)", Theme.muted) }
        if !step.note.isEmpty { line.append("  — \(step.note)", Theme.muted) }
        if isSelected { line.rowStyle = Theme.selected }
        return line
    }

    private func stakeholderLines(for order: TrainingOrder, width: Int) -> [StyledLine] {
        guard let stakeholder = state.document.stakeholder(id: order.stakeholderID) else {
            return [StyledLine("Stakeholder: \(order.stakeholderID) (unknown)", Theme.error)]
        }
        var lines: [StyledLine] = []
        let details = [stakeholder.role, stakeholder.team].filter { !$0.isEmpty }.joined(separator: ", ")
        var header = StyledLine("Stakeholder ", Theme.muted)
            .appending(stakeholder.name, Theme.title)
            .appending(details.isEmpty ? "" : " · \(details)", Theme.muted)
        if state.focus == .stakeholder { header.rowStyle = Theme.selected }
        lines.append(header)
        lines.append(spectrumLine(current: stakeholder.stage, width: width))
        lines.append(StyledLine("\(stakeholder.stage.rawValue)/5 \(stakeholder.stage.title): ", Theme.stage(stakeholder.stage))
            .appending(stakeholder.stage.sign, Theme.muted))
        var extras: [String] = []
        if let ratings = ThreeRs.text(for: stakeholder) { extras.append(ratings) }
        if let touchpoint = stakeholder.nextTouchpoint {
            let due = DueDate(due: touchpoint.on, today: state.today)
            extras.append("next touchpoint \(due.short)" + (touchpoint.purpose.isEmpty ? "" : ": \(touchpoint.purpose)"))
        }
        if !extras.isEmpty { lines.append(StyledLine(extras.joined(separator: " · "), Theme.muted)) }
        if let last = stakeholder.stageHistory.last {
            lines.append(StyledLine("Moved \(last.from.shortTitle) → \(last.to.shortTitle) on "
                + "\(CalendarDay.local(at: last.at).shortDescription)" + (last.note.isEmpty ? "" : ": \(last.note)"), Theme.muted))
        }
        lines.append(contentsOf: noteLines(stakeholder.notes, title: "About \(stakeholder.name)", width: width, limit: 3))
        return lines
    }

    private func measurementLines(_ order: TrainingOrder) -> [StyledLine] {
        var lines: [StyledLine] = []
        let measurement = order.measurement
        if !measurement.isEmpty {
            lines.append(StyledLine())
            var line = StyledLine("Measurement ", Theme.title).appending(measurement.metric.isEmpty ? "—" : measurement.metric)
            let figures = [("baseline", measurement.baseline), ("target", measurement.target), ("result", measurement.result)]
                .filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }
            if !figures.isEmpty { line.append(" · " + figures.joined(separator: " · "), Theme.muted) }
            if let change = measurement.change {
                line.append("  (\(change >= 0 ? "+" : "")\(Int((change * 100).rounded()))%)", Theme.title)
            }
            lines.append(line)
        }
        if let summary = ValueText.summary(order.value) {
            if measurement.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine("Value ", Theme.title).appending(summary))
        }
        return lines
    }

    private func noteLines(_ notes: [Note], title: String, width: Int, limit: Int = 20) -> [StyledLine] {
        guard !notes.isEmpty else { return [] }
        var lines = [StyledLine(), StyledLine("\(title) (\(notes.count))", Theme.title)]
        for note in notes.reversed().prefix(limit) {
            let prefix = "\(CalendarDay.local(at: note.at).shortDescription) \(note.by): "
            let wrapped = DisplayWidth.wrap(note.text, to: max(10, width - DisplayWidth.of(prefix) - 2))
            for (index, text) in wrapped.prefix(3).enumerated() {
                lines.append(StyledLine(index == 0 ? "  " + prefix : "  " + String(repeating: " ", count: DisplayWidth.of(prefix)),
                                        Theme.muted).appending(text))
            }
        }
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
