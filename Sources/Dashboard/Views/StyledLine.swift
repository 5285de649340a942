/// A line of text made of differently styled pieces, drawn into a screen row.
struct StyledLine: Sendable, Equatable {
    var segments: [(text: String, style: Style)] = []
    /// Applied to the whole row, including the space after the text.
    var rowStyle: Style?

    init(_ text: String = "", _ style: Style = .plain) {
        if !text.isEmpty { segments.append((text, style)) }
    }

    static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.rowStyle == rhs.rowStyle && lhs.segments.map(\.text) == rhs.segments.map(\.text)
            && lhs.segments.map(\.style) == rhs.segments.map(\.style)
    }

    mutating func append(_ text: String, _ style: Style = .plain) {
        segments.append((text, style))
    }

    func appending(_ text: String, _ style: Style = .plain) -> StyledLine {
        var copy = self
        copy.append(text, style)
        return copy
    }

    var width: Int { segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Draws the line at row `y` of `rect`, cut with "…" when it does not fit.
    func draw(into screen: inout Screen, x: Int, y: Int, width: Int) {
        if let rowStyle { screen.fill(Rect(x: x, y: y, width: width, height: 1), style: rowStyle) }
        var column = 0
        let cut = isWider(than: width)
        for (text, style) in segments {
            let room = width - column - (cut ? 1 : 0)
            guard room > 0 else { break }
            let shown = merged(style)
            column += screen.put(text, x: x + column, y: y, style: shown, width: room)
        }
        if cut { screen.put("…", x: x + min(column, width - 1), y: y, style: merged(segments.last?.style ?? .plain)) }
    }

    /// Whether the line needs more than `width` columns; a long line is measured only as
    /// far as that takes.
    private func isWider(than width: Int) -> Bool {
        var room = width
        for (text, _) in segments {
            if DisplayWidth.exceeds(text, room) { return true }
            room -= DisplayWidth.of(text)
        }
        return false
    }

    private func merged(_ style: Style) -> Style {
        guard let rowStyle else { return style }
        var combined = style
        combined.isReversed = combined.isReversed || rowStyle.isReversed
        combined.isBold = combined.isBold || rowStyle.isBold
        combined.isUnderlined = combined.isUnderlined || rowStyle.isUnderlined
        if combined.background == nil { combined.background = rowStyle.background }
        if combined.foreground == nil { combined.foreground = rowStyle.foreground }
        return combined
    }
}
