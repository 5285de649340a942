import Model

/// Draws the whole dashboard for a state. A pure function of the state: the same state
/// always gives the same screen.
struct DashboardView {
    let state: AppState
    let keyMap: KeyMap

    func render() -> Screen {
        var hits = HitTargets()
        return render(hits: &hits)
    }

    /// The screen, with where a click acts on it.
    func renderWithTargets() -> (screen: Screen, targets: HitTargets) {
        var hits = HitTargets()
        let screen = render(hits: &hits)
        return (screen, hits)
    }

    private func render(hits: inout HitTargets) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(into: &screen)
            return screen
        }
        drawHeader(into: &screen, rect: layout.header)
        let body = Rect(x: 0, y: layout.header.maxY, width: state.size.width, height: layout.footer.y - layout.header.maxY)
        state.page.render(state, into: &screen, area: body, hits: &hits)
        drawFooter(into: &screen, rect: layout.footer)
        for overlay in state.overlays.shown { overlay.render(state, keyMap: keyMap, into: &screen) }
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

    private func drawHeader(into screen: inout Screen, rect: Rect) {
        // The view's sort, filters and search matter more than the store's name: on a
        // narrow terminal the name goes first, then the figures get shorter.
        let facts = state.page.headerFacts(in: state)
        let conflicts = state.document.conflicts.count
        let marks = (state.readOnlyReason != nil ? " │ READ-ONLY" : "") + (state.unsaved.isEmpty ? "" : " │ \(state.unsaved.count) UNSAVED")
            + (conflicts == 0 ? "" : " │ \(conflicts) CONFLICT\(conflicts == 1 ? "" : "S")")
        let candidates = [
            " fours │ \(state.document.name) │ \(state.view.title) · " + facts.full.joined(separator: " · ") + marks,
            " fours │ \(state.view.title) · " + facts.full.joined(separator: " · ") + marks,
            " fours │ \(state.view.title) · " + facts.short.joined(separator: " · ") + marks,
            " fours │ \(state.view.title) · " + facts.choices.joined(separator: " · ") + marks,
        ]
        let text = candidates.first { DisplayWidth.of($0) <= rect.width } ?? candidates[candidates.count - 1]
        var line = StyledLine(text, Theme.header)
        line.rowStyle = Theme.header
        line.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)
        let position = facts.place.map { " \($0) │" } ?? ""
        let date = "\(position) \(state.today) "
        if line.width + DisplayWidth.of(date) < rect.width {
            screen.put(date, x: rect.maxX - DisplayWidth.of(date), y: rect.y, style: Theme.header)
        }
    }

    private func drawFooter(into screen: inout Screen, rect: Rect) {
        if let (line, cursor) = state.page.footer(in: state, width: rect.width) {
            line.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)
            screen.cursor = (x: rect.x + cursor, y: rect.y)
            return
        }
        let scopes = state.activeScopes
        var hints = StyledLine(" ")
        for (keys, hint) in keyMap.hints(in: scopes, offering: state.offers, naming: state.hintName) {
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
