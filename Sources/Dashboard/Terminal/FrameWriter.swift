/// Turns each frame into the bytes that take the terminal from the last frame to it: for
/// every row that changed, the cursor moved to its first changed cell and the cells up to
/// its last changed one, with the style set wherever it changes. The terminal is left in
/// the plain style after every frame. Sequences are asked of the codes once and kept.
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
            current = Style()
            bytes += style(.plain)
            bytes += codes.clearScreen
        }
        for row in 0..<screen.size.height {
            if let columns = changedColumns(of: row, from: before, to: screen) {
                write(columns, of: row, in: screen)
            }
        }
        if current != .plain { bytes += style(.plain) }
        current = .plain
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

    /// The columns of `row` to write: from the first that changed to the last; all of them
    /// after a clear, and all of them in a row with a wide character before or after (a
    /// terminal that measures one differently then goes wrong for that row only).
    private func changedColumns(of row: Int, from before: Screen?, to screen: Screen) -> Range<Int>? {
        let width = screen.size.width
        let start = row * width
        var columns = 0..<width
        if let before {
            guard let first = columns.first(where: { before.cells[start + $0] != screen.cells[start + $0] }) else { return nil }
            let last = columns.last(where: { before.cells[start + $0] != screen.cells[start + $0] }) ?? first
            if !hasWideCharacter(before, row) && !hasWideCharacter(screen, row) { columns = first..<(last + 1) }
        }
        if row == screen.size.height - 1 && !codes.canWriteBottomRightCell {
            // Nor the wide character that ends there.
            let end = screen.cells[start + width - 1].isContinuation ? width - 2 : width - 1
            columns = columns.clamped(to: 0..<max(0, end))
        }
        return columns.isEmpty ? nil : columns
    }

    private func hasWideCharacter(_ screen: Screen, _ row: Int) -> Bool {
        let start = row * screen.size.width
        return screen.cells[start..<(start + screen.size.width)].contains { $0.isContinuation }
    }

    private mutating func write(_ columns: Range<Int>, of row: Int, in screen: Screen) {
        let start = row * screen.size.width
        var needsMove = true
        for column in columns {
            let cell = screen.cells[start + column]
            // The terminal moved past it with the wide character before it.
            if cell.isContinuation { continue }
            if needsMove { bytes += move(row: row, column: column) }
            if cell.style != current {
                bytes += style(cell.style)
                current = cell.style
            }
            cell.appendUTF8(to: &bytes)
            // After a character terminals may measure differently from fours, the next one
            // goes where fours measured, not where the terminal's cursor ended up.
            let isWide = column + 1 < screen.size.width && screen.cells[start + column + 1].isContinuation
            needsMove = isWide || cell.isSeveralScalars
        }
    }

    private mutating func style(_ style: Style) -> [UInt8] {
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
