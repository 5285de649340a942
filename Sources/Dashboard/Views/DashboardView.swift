import Model

/// Draws the whole dashboard for a state. A pure function of the state: the same state
/// always gives the same screen.
struct DashboardView {
    let state: AppState
    let keyMap: KeyMap

    func render() -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(into: &screen)
            return screen
        }
        drawHeader(into: &screen, rect: layout.header)
        QueueView(state: state, rect: layout.queue).draw(into: &screen)
        drawDivider(into: &screen, layout: layout)
        DetailView(state: state, rect: layout.detail).draw(into: &screen)
        drawFooter(into: &screen, rect: layout.footer)
        if state.isHelpVisible {
            HelpOverlay(keyMap: keyMap, size: state.size, scroll: state.helpScroll).draw(into: &screen)
        }
        if let form = state.form {
            FormView(form: form, size: state.size).draw(into: &screen)
        }
        if let confirmation = state.confirmation {
            drawQuestion(confirmation.question, into: &screen)
        }
        return screen
    }

    private func drawTooSmall(into screen: inout Screen) {
        let size = state.size
        let minimum = Layout.minimumSize
        let lines = [
            "Terminal too small: \(size.width)x\(size.height)",
            "fours needs at least \(minimum.width)x\(minimum.height).",
            "Enlarge the window, or press q to quit.",
        ]
        for (index, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            screen.put(line, x: max(0, (size.width - width) / 2), y: max(0, size.height / 2 - 1 + index),
                       style: index == 0 ? Theme.title : .plain)
        }
    }

    private func drawQuestion(_ question: String, into screen: inout Screen) {
        let size = state.size
        let width = min(size.width - 4, DisplayWidth.of(question) + 6)
        let lines = DisplayWidth.wrap(question, to: width - 4)
        let box = Rect(x: (size.width - width) / 2, y: size.height / 2 - 2, width: width, height: lines.count + 4)
        screen.fill(box)
        Frame(rect: box, title: " Are you sure? ").draw(into: &screen)
        for (row, line) in lines.enumerated() {
            screen.put(line, x: box.x + 2, y: box.y + 1 + row, style: Theme.title)
        }
        screen.put("y yes   n no", x: box.x + 2, y: box.maxY - 2, style: Theme.muted)
    }

    private func drawHeader(into screen: inout Screen, rect: Rect) {
        let summary = state.summary
        var line = StyledLine(" fours ", Theme.header)
        line.rowStyle = Theme.header
        line.append("│ \(state.document.name) │ ", Theme.header)
        line.append("\(summary.open) open", Theme.header)
        if summary.overdue > 0 { line.append(" · \(summary.overdue) overdue", Theme.header) }
        if summary.dueThisWeek > 0 { line.append(" · \(summary.dueThisWeek) due this week", Theme.header) }
        if state.readOnlyReason != nil { line.append(" │ READ-ONLY", Theme.header) }
        if !state.unsaved.isEmpty { line.append(" │ \(state.unsaved.count) UNSAVED", Theme.header) }
        line.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)
        let position = state.queue.isEmpty ? "" : " \(state.selectedPosition + 1)/\(state.queue.count) │"
        let date = "\(position) \(state.today) "
        if line.width + DisplayWidth.of(date) < rect.width {
            screen.put(date, x: rect.maxX - DisplayWidth.of(date), y: rect.y, style: Theme.header)
        }
    }

    private func drawDivider(into screen: inout Screen, layout: Layout) {
        if layout.isSideBySide {
            for y in layout.queue.y..<layout.queue.maxY {
                screen.put("│", x: layout.queue.maxX, y: y, style: Theme.border)
            }
        } else {
            let y = layout.queue.maxY
            screen.put(String(repeating: "─", count: layout.size.width), x: 0, y: y, style: Theme.border)
        }
    }

    private func drawFooter(into screen: inout Screen, rect: Rect) {
        let scopes = state.activeScopes
        var hints = StyledLine(" ")
        for (keys, hint) in keyMap.hints(in: scopes) {
            hints.append(keys, Theme.title)
            hints.append(" \(hint)  ", Theme.muted)
        }
        if let status = state.status {
            let style: Style = switch status.kind {
            case .info, .pending: .plain
            case .success: Theme.success
            case .error: Theme.error
            }
            let statusWidth = min(DisplayWidth.of(status.text) + 1, rect.width - 1)
            let hintsWidth = rect.width - statusWidth - 1
            if hintsWidth > 20 { hints.draw(into: &screen, x: rect.x, y: rect.y, width: hintsWidth) }
            let x = hintsWidth > 20 ? rect.maxX - statusWidth : rect.x
            StyledLine(status.text, style).draw(into: &screen, x: x, y: rect.y, width: rect.maxX - x)
        } else {
            hints.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)
        }
    }
}
