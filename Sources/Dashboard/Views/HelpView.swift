/// Every key binding, grouped by where it applies, generated from the key map.
struct HelpView {
    let keyMap: KeyMap
    let size: Size
    /// Rows scrolled past at the top, when the help is taller than the terminal.
    var scroll = 0
    /// Which actions the state allows: the others are left out (in a read-only store, every change).
    var allows: (Action) -> Bool = { _ in true }

    var lines: [StyledLine] {
        var lines: [StyledLine] = []
        let keyWidth = keyMap.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 10
        for scope in KeyScope.allCases {
            let bindings = keyMap.bindings(in: scope).filter { allows($0.action) }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(scope.title, Theme.sectionTitle))
            for binding in bindings {
                lines.append(StyledLine("  " + DisplayWidth.fit(binding.keyLabel, to: keyWidth) + "  ", Theme.title)
                    .appending(binding.summary))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Marks in the queue", Theme.sectionTitle))
        for mark in QueueMark.allCases {
            lines.append(StyledLine("  " + DisplayWidth.fit(mark.example, to: keyWidth) + "  ", Theme.title)
                .appending(mark.meaning))
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Mouse", Theme.sectionTitle))
        for gesture in keyMap.mouse {
            lines.append(StyledLine("  " + DisplayWidth.fit(gesture.what, to: keyWidth) + "  ", Theme.title)
                .appending(gesture.summary))
        }
        return lines
    }

    /// Rows shown at once inside the box.
    private var visibleRows: Int { min(size.height - 2, lines.count + 2) - 2 }

    /// The furthest the help can scroll: its last line at the bottom of the box.
    var maximumScroll: Int { max(0, lines.count - visibleRows) }

    func draw(into screen: inout Screen) {
        let lines = lines
        let contentWidth = lines.map(\.width).max() ?? 0
        let width = min(size.width - 2, contentWidth + 4)
        let height = min(size.height - 2, lines.count + 2)
        let box = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        screen.fill(box)
        Frame(rect: box, title: " Keys (? or Esc to close) ").draw(into: &screen)
        let inner = visibleRows
        let top = max(0, min(scroll, maximumScroll))
        for (row, line) in lines.dropFirst(top).prefix(inner).enumerated() {
            line.draw(into: &screen, x: box.x + 2, y: box.y + 1 + row, width: box.width - 4)
        }
        if lines.count > inner {
            let more = top + inner < lines.count ? "↓ j/PgDn for more" : "↑ k/PgUp back"
            screen.put(" \(more) ", x: box.x + 2, y: box.maxY - 1, style: Theme.muted)
        }
    }
}

/// A box drawn with line characters, with an optional title in the top edge.
struct Frame {
    let rect: Rect
    var title = ""

    func draw(into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: Theme.border)
        screen.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: Theme.border)
        for y in rect.y + 1..<rect.maxY - 1 {
            screen.put("│", x: rect.x, y: y, style: Theme.border)
            screen.put("│", x: rect.maxX - 1, y: y, style: Theme.border)
        }
        if !title.isEmpty {
            screen.put(title, x: rect.x + 2, y: rect.y, style: Theme.title, width: rect.width - 4)
        }
    }
}
