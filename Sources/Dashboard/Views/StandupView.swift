import Model

/// The stand-up on one screen: its blocks flowed into as many columns as the width allows.
/// When they do not all fit, the longest lists give up lines first (ending in "… N more"),
/// down to a few each, so that a long Monday list never pushes the 4S or the spectrum off
/// the screen; a block kept whole (`StandupBlock.isWhole`) is never cut.
struct StandupView {
    let blocks: [StandupBlock]
    let rect: Rect
    var scroll = 0

    /// The lines a list keeps, at the least, before blocks after it are left off the screen.
    static let fewestLines = 3

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
        guard rect.height > 0 else { return }
        let blocks = Array(allBlocks.dropFirst(min(scroll, max(0, allBlocks.count - 1))))
        // As few columns as hold every line, so that lines are as wide as they can be.
        let widest = rect.width >= 150 ? 3 : rect.width >= 76 ? 2 : 1
        let whole = blocks.map { $0.lines.count + $0.more }
        let fitsWhole = zip(blocks, whole).allSatisfy { ColumnLayout.rows(of: $0, showing: $1) - 1 <= rect.height }
        let columns = (1..<widest).first { columns in
            fitsWhole && ColumnLayout(columns: columns, height: rect.height).place(blocks, showing: whole).count == blocks.count
        } ?? widest
        let columnWidth = (rect.width - (columns - 1) * 2) / columns
        let layout = ColumnLayout(columns: columns, height: rect.height)
        let shown = layout.linesShown(of: blocks)
        for placed in layout.place(blocks, showing: shown) {
            let block = blocks[placed.block]
            let x = rect.x + placed.column * (columnWidth + 2)
            var y = rect.y + placed.row
            screen.put(block.title, x: x + 1, y: y, style: Theme.sectionTitle, width: columnWidth - 1)
            y += 1
            // A block taller than a whole column is cut to it.
            let room = rect.maxY - y
            let total = block.lines.count + block.more
            let count = shown[placed.block] < total ? min(shown[placed.block], room - 1) : min(total, room)
            for line in block.lines.prefix(max(0, count)) {
                StyledLine(line).draw(into: &screen, x: x + 2, y: y, width: columnWidth - 2)
                y += 1
            }
            if count < total && y < rect.maxY {
                screen.put("… \(total - max(0, count)) more", x: x + 2, y: y, style: Theme.muted)
            }
        }
    }
}

/// Blocks laid top to bottom in columns of a fixed height, a block never split between two.
struct ColumnLayout {
    let columns: Int
    let height: Int

    struct Placement: Equatable {
        var block: Int
        var column: Int
        var row: Int
    }

    /// Rows a block takes: its title, the lines shown, "… N more" when some are not, and
    /// a blank row after it.
    static func rows(of block: StandupBlock, showing shown: Int) -> Int {
        let total = block.lines.count + block.more
        return 1 + min(shown, total) + (shown < total ? 1 : 0) + 1
    }

    /// Where each block goes, in order, until the columns are full; a block too tall for a
    /// column of its own starts one and is cut there.
    func place(_ blocks: [StandupBlock], showing shown: [Int]) -> [Placement] {
        var placements: [Placement] = []
        var (column, row) = (0, 0)
        for (index, block) in blocks.enumerated() {
            // The blank row after the last block of a column may fall off its end.
            let rows = Self.rows(of: block, showing: shown[index]) - 1
            if row > 0 && row + rows > height {
                column += 1
                row = 0
            }
            guard column < columns, row < height else { break }
            placements.append(Placement(block: index, column: column, row: row))
            row += rows + 1
        }
        return placements
    }

    /// How many lines of each block to show: all of them when everything fits; otherwise the
    /// list showing the most lines gives one up, again and again, until every block fits or
    /// each list is down to `StandupView.fewestLines`. When even then not every block fits
    /// (the rest is scrolled to), the blocks that do take back the room left in their columns.
    func linesShown(of blocks: [StandupBlock]) -> [Int] {
        // No list shows more than a column holds.
        let most = blocks.map { min($0.lines.count + $0.more, $0.isWhole ? .max : max(0, height - 2)) }
        let fewest = blocks.map { $0.isWhole ? Int.max : StandupView.fewestLines }
        var shown = most
        while place(blocks, showing: shown).count < blocks.count {
            let candidates = shown.indices.filter { shown[$0] > fewest[$0] }
            guard let longest = candidates.max(by: { shown[$0] < shown[$1] }) else { break }
            shown[longest] -= 1
        }
        let placed = place(blocks, showing: shown).count
        guard placed < blocks.count else { return shown }
        for index in 0..<placed {
            while shown[index] < most[index] {
                shown[index] += 1
                if place(blocks, showing: shown).count < placed {
                    shown[index] -= 1
                    break
                }
            }
        }
        return shown
    }
}
