/// A form drawn as a dialog over the dashboard: a row per field, its hint or its error
/// beside it, and the cursor in the focused field.
struct FormView {
    let form: Form
    let size: Size
    /// The keys a form takes, written at its foot.
    let hints: String

    func draw(into screen: inout Screen) {
        let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2
        let width = min(size.width - 2, max(60, min(100, size.width * 4 / 5)))
        let valueWidth = max(10, min(48, width - labelWidth - 6))
        // Beside the fields when there is room for them, else one line under the fields.
        let hintsBeside = width - 4 - labelWidth - valueWidth - 2 >= 16
        var rows: [(line: StyledLine, field: Int?)] = []
        if let notice = form.notice {
            for text in DisplayWidth.wrap(notice, to: width - 4) { rows.append((StyledLine(text, Theme.dueSoon), nil)) }
            rows.append((StyledLine(), nil))
        }
        for (index, field) in form.fields.enumerated() {
            rows.append((StyledLine(), index))
            if let error = field.error {
                rows.append((StyledLine(String(repeating: " ", count: labelWidth) + "↳ " + error, Theme.error), nil))
            }
        }
        if !hintsBeside, form.fields.indices.contains(form.focused) {
            let hint = Self.hint(for: form.fields[form.focused], isFocused: true)
            rows.append((StyledLine(), nil))
            rows.append((StyledLine(hint, Theme.muted), nil))
        }
        let height = min(size.height - 2, rows.count + 4)
        let box = Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 2), width: width, height: height)
        screen.fill(box)
        Frame(rect: box, title: " \(form.title) ").draw(into: &screen)
        screen.put(" \(hints) ", x: box.x + 2, y: box.maxY - 1, style: Theme.muted,
                   width: box.width - 4)

        // Scroll so the focused field is in view when the terminal is short.
        let room = box.height - 3
        let focusedRow = rows.firstIndex { $0.field == form.focused } ?? 0
        let top = max(0, min(focusedRow - room + 2, rows.count - room))
        for (offset, row) in rows.dropFirst(top).prefix(room).enumerated() {
            let y = box.y + 2 + offset
            guard let index = row.field else {
                row.line.draw(into: &screen, x: box.x + 2, y: y, width: box.width - 4)
                continue
            }
            drawField(form.fields[index], isFocused: index == form.focused, x: box.x + 2, y: y,
                      labelWidth: labelWidth, valueWidth: valueWidth, into: &screen,
                      hintRoom: hintsBeside ? box.width - 4 : 0)
        }
    }

    private func drawField(_ field: FormField, isFocused: Bool, x: Int, y: Int, labelWidth: Int, valueWidth: Int,
                           into screen: inout Screen, hintRoom: Int) {
        screen.put(DisplayWidth.fit(field.label, to: labelWidth), x: x, y: y, style: isFocused ? Theme.title : .plain)
        let valueX = x + labelWidth
        switch field.kind {
        case .choice(let options):
            let shown = "‹ \(options[field.choice]) ›"
            screen.put(DisplayWidth.fit(shown, to: valueWidth), x: valueX, y: y,
                       style: isFocused ? Theme.selected : Style.plain.underlined())
        case .text, .suggest:
            if isFocused {
                let (text, cursorColumn) = field.input.visible(width: valueWidth)
                screen.put(DisplayWidth.fit(text, to: valueWidth), x: valueX, y: y, style: Style.plain.underlined())
                screen.cursor = (x: valueX + cursorColumn, y: y)
            } else {
                screen.put(DisplayWidth.fit(field.input.text, to: valueWidth), x: valueX, y: y, style: Style.plain.underlined())
            }
        }
        let hintX = valueX + valueWidth + 2
        let hint = Self.hint(for: field, isFocused: isFocused)
        if field.error == nil, !hint.isEmpty, hintX < x + hintRoom {
            let room = x + hintRoom - hintX
            screen.put(DisplayWidth.truncateAtWord(hint, to: room), x: hintX, y: y, style: Theme.muted, width: room)
        }
    }

    /// What is expected in a field, or the best match for what is typed.
    static func hint(for field: FormField, isFocused: Bool) -> String {
        switch field.kind {
        case .choice:
            return isFocused ? "← → to choose" + (field.hint.isEmpty ? "" : "; \(field.hint)") : field.hint
        case .suggest:
            let suggestions = isFocused ? field.suggestions : []
            if let best = suggestions.first, best.folded != field.value.folded {
                return "→ \(best)" + (suggestions.count > 1 ? " (+\(suggestions.count - 1))" : "")
            }
            return field.hint
        case .text:
            return field.hint
        }
    }
}
