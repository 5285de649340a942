import Model

/// The stand-up on one screen: its blocks flowed into as many columns as the width allows,
/// each cut to fit with a count of what is left out.
struct StandupView {
    let blocks: [StandupBlock]
    let rect: Rect
    var scroll = 0

    func draw(into screen: inout Screen) {
        // The headline figures span the whole width; the other blocks flow in columns.
        guard let headline = blocks.first else { return }
        for (row, line) in headline.lines.prefix(rect.height).enumerated() {
            StyledLine(line, Theme.title).draw(into: &screen, x: rect.x + 1, y: rect.y + row, width: rect.width - 2)
        }
        let body = Rect(x: rect.x, y: rect.y + headline.lines.count + 1, width: rect.width,
                        height: rect.height - headline.lines.count - 1)
        drawColumns(Array(blocks.dropFirst()), in: body, into: &screen)
    }

    private func drawColumns(_ allBlocks: [StandupBlock], in rect: Rect, into screen: inout Screen) {
        let columns = rect.width >= 150 ? 3 : rect.width >= 76 ? 2 : 1
        let columnWidth = (rect.width - (columns - 1) * 2) / columns
        let height = rect.height
        // Fit each block to what is left of a column; start a new column when it is full.
        var column = 0
        var row = 0
        let blocks = Array(allBlocks.dropFirst(min(scroll, max(0, allBlocks.count - 1))))
        for block in blocks {
            let needed = 2 + min(block.lines.count, 1)
            if row > 0 && row + needed > height {
                column += 1
                row = 0
            }
            guard column < columns else { break }
            let x = rect.x + column * (columnWidth + 2)
            let room = height - row - 1
            screen.put(block.title, x: x + 1, y: rect.y + row, style: Theme.sectionTitle, width: columnWidth - 1)
            row += 1
            let total = block.lines.count + block.more
            let shown = total > room ? Array(block.lines.prefix(max(0, room - 1))) : block.lines
            for line in shown {
                StyledLine(line).draw(into: &screen, x: x + 2, y: rect.y + row, width: columnWidth - 2)
                row += 1
            }
            if shown.count < total {
                screen.put("… \(total - shown.count) more", x: x + 2, y: rect.y + row, style: Theme.muted)
                row += 1
            }
            if row < height - 1 { row += 1 }
        }
    }
}
