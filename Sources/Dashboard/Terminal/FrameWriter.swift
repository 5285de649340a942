/// Turns each frame into the bytes that take the terminal from the last frame to it: for
/// every row that changed, the cursor moved to its first changed cell and the cells up to
/// its last changed one (a long unchanged stretch stepped over, a blank end cleared), with
/// the style set wherever it changes. The terminal is left in the plain style after every
/// frame. Sequences are asked of the codes once and kept.
struct FrameWriter<Codes: TerminalCodes> {
    private let codes: Codes
    /// What the terminal shows; nil when that is not known, and the next frame starts
    /// from a cleared screen.
    private var shown: Screen?
    /// Whether the cursor shows; nil when that is not known.
    private var cursorShows: Bool?
    private var styles: [Style: [UInt8]] = [:]
    private var moves: [Int: [UInt8]] = [:]
    private var bytes: [UInt8] = []
    /// The style the bytes so far leave the terminal in.
    private var current = Style.plain

    init(codes: Codes) {
        self.codes = codes
    }

    /// The screen was changed behind the writer's back (a resize, a return from a suspend):
    /// the next frame is drawn whole.
    mutating func forget() {
        shown = nil
        cursorShows = nil
    }

    /// The bytes that show `screen`; none when the terminal shows it already.
    mutating func frame(_ screen: Screen) -> [UInt8] {
        bytes.removeAll(keepingCapacity: true)
        let before = shown?.size == screen.size ? shown : nil
        if before == nil {
            if shown?.size != screen.size { moves.removeAll() }
            // What the terminal is in is not known: plain, with its own colours.
            bytes += codes.defaultColors
            bytes += codes(for: .plain)
            current = .plain
            bytes += codes.clearScreen
        }
        for row in 0..<screen.size.height {
            if let change = change(of: row, from: before, to: screen) {
                write(change, of: row, in: screen, over: before)
            }
        }
        if current != .plain { setStyle(.plain) }
        shown = screen
        let cursorStays = cursorShows == (screen.cursor != nil)
            && before?.cursor?.x == screen.cursor?.x && before?.cursor?.y == screen.cursor?.y
        if bytes.isEmpty && cursorStays { return [] }
        // The cursor is hidden while the cells change, and shown where it goes after them.
        if cursorShows != false { bytes.insert(contentsOf: codes.hideCursor, at: 0) }
        cursorShows = false
        if let cursor = screen.cursor {
            bytes += move(row: cursor.y, column: cursor.x)
            bytes += codes.showCursor
            cursorShows = true
        }
        return bytes
    }

    /// What of a row to write.
    private struct RowChange {
        /// From the first cell that changed to the last.
        var columns: Range<Int>
        /// Whether a stretch of unchanged cells among them may be stepped over with a move.
        var skipsUnchanged: Bool
        /// Whether the row is cleared after them: the rest of it is blank.
        var clearsToEnd = false
    }

    /// A move costs about as many bytes as this many cells: a longer stretch of unchanged
    /// cells is stepped over, a shorter one written again.
    private static var cellsWorthAMove: Int { 8 }

    /// The cells of `row` to write: from the first that changed to the last; all of them
    /// in a row with a wide character before or after (a terminal that measures one
    /// differently then goes wrong for that row only); after a clear, all but the blank
    /// ones at the row's end, which are cleared rather than written in a changed row too.
    private func change(of row: Int, from before: Screen?, to screen: Screen) -> RowChange? {
        let width = screen.size.width
        let start = row * width
        let blankEnd = (0..<width).reversed().prefix { screen.cells[start + $0] == .blank }.last ?? width
        var change: RowChange
        if let before {
            let columns = 0..<width
            guard let first = columns.first(where: { before.cells[start + $0] != screen.cells[start + $0] }) else { return nil }
            let last = columns.last(where: { before.cells[start + $0] != screen.cells[start + $0] }) ?? first
            let isPlain = !hasWideCharacter(before, row) && !hasWideCharacter(screen, row)
            change = RowChange(columns: isPlain ? first..<(last + 1) : columns, skipsUnchanged: isPlain)
            if !codes.clearToEndOfLine.isEmpty && change.columns.upperBound > blankEnd && width - blankEnd >= Self.cellsWorthAMove / 2 {
                change.columns = change.columns.lowerBound..<max(change.columns.lowerBound, blankEnd)
                change.clearsToEnd = true
            }
        } else {
            // On a cleared screen, blank cells are there already.
            change = RowChange(columns: 0..<blankEnd, skipsUnchanged: false)
        }
        if row == screen.size.height - 1 && !codes.canWriteBottomRightCell && !change.clearsToEnd {
            // Nor the wide character that ends there.
            let end = screen.cells[start + width - 1].isContinuation ? width - 2 : width - 1
            change.columns = change.columns.clamped(to: 0..<max(0, end))
        }
        return change.columns.isEmpty && !change.clearsToEnd ? nil : change
    }

    private func hasWideCharacter(_ screen: Screen, _ row: Int) -> Bool {
        let start = row * screen.size.width
        return screen.cells[start..<(start + screen.size.width)].contains { $0.isContinuation }
    }

    private mutating func write(_ change: RowChange, of row: Int, in screen: Screen, over before: Screen?) {
        let start = row * screen.size.width
        var needsMove = true
        var column = change.columns.lowerBound
        while column < change.columns.upperBound {
            let cell = screen.cells[start + column]
            if change.skipsUnchanged, let before, cell == before.cells[start + column] {
                let unchanged = (column..<change.columns.upperBound).prefix { screen.cells[start + $0] == before.cells[start + $0] }
                if unchanged.count >= Self.cellsWorthAMove {
                    column = unchanged.upperBound
                    needsMove = true
                    continue
                }
            }
            column += 1
            // The terminal moved past it with the wide character before it.
            if cell.isContinuation { continue }
            if needsMove { bytes += move(row: row, column: column - 1) }
            if cell.style != current { setStyle(cell.style) }
            cell.appendUTF8(to: &bytes)
            // After a character terminals may measure differently from fours, the next one
            // goes where fours measured, not where the terminal's cursor ended up.
            let isWide = column < screen.size.width && screen.cells[start + column].isContinuation
            needsMove = isWide || cell.isSeveralScalars
        }
        guard change.clearsToEnd else { return }
        if needsMove { bytes += move(row: row, column: change.columns.upperBound) }
        // The terminal clears in the colours of the moment.
        if current != .plain { setStyle(.plain) }
        bytes += codes.clearToEndOfLine
    }

    private mutating func setStyle(_ style: Style) {
        // Not every terminal's reset of attributes gives its own colours back.
        if (current.foreground != nil && style.foreground == nil) || (current.background != nil && style.background == nil) {
            bytes += codes.defaultColors
        }
        bytes += codes(for: style)
        current = style
    }

    private mutating func codes(for style: Style) -> [UInt8] {
        if let known = styles[style] { return known }
        let made = codes.setStyle(style)
        styles[style] = made
        return made
    }

    private mutating func move(row: Int, column: Int) -> [UInt8] {
        let key = row << 32 | column
        if let known = moves[key] { return known }
        let made = codes.moveCursor(row: row, column: column)
        moves[key] = made
        return made
    }
}
