struct Size: Sendable, Equatable {
    var width: Int
    var height: Int
}

struct Rect: Sendable, Equatable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxY: Int { y + height }
    var maxX: Int { x + width }

    func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }
}

/// One terminal cell: the character drawn there and its style. A wide character fills
/// its first cell; the cell after it holds an empty continuation. The character is kept
/// as its UTF-8 bytes in the cell itself (up to 15; combining marks past that are left
/// out), so a screen is copied and compared as plain memory, with no string per cell.
struct Cell: Sendable, Equatable {
    /// The bytes in memory order; the last of the sixteen is the count.
    private var utf8: (UInt64, UInt64) = (0, 0)
    var style: Style

    static let blank = Cell(ascii: UInt8(ascii: " "), style: .plain)
    private static let capacity = 15

    init(ascii byte: UInt8, style: Style) {
        self.style = style
        withUnsafeMutableBytes(of: &utf8) { bytes in
            bytes[0] = byte
            bytes[Self.capacity] = 1
        }
    }

    init(scalar: Unicode.Scalar, style: Style) {
        self.style = style
        withUnsafeMutableBytes(of: &utf8) { bytes in
            var count = 0
            for byte in UTF8.encode(scalar)! { bytes[count] = byte; count += 1 }
            bytes[Self.capacity] = UInt8(count)
        }
    }

    init(text: String, style: Style) {
        self.style = style
        var count = 0
        withUnsafeMutableBytes(of: &utf8) { bytes in
            for scalar in text.unicodeScalars {
                let encoded = UTF8.encode(scalar)!
                guard count + encoded.count <= Self.capacity else { break }
                for byte in encoded { bytes[count] = byte; count += 1 }
            }
            bytes[Self.capacity] = UInt8(count)
        }
    }

    private var count: Int { withUnsafeBytes(of: utf8) { Int($0[Self.capacity]) } }
    var isContinuation: Bool { count == 0 }

    /// Whether the character is several scalars (a letter with combining marks, a flag, an
    /// emoji sequence), whose width terminals do not agree on.
    var isSeveralScalars: Bool {
        withUnsafeBytes(of: utf8) { bytes in
            let count = Int(bytes[Self.capacity])
            let lead = bytes[0]
            let firstLength = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            return count > firstLength
        }
    }

    var text: String {
        withUnsafeBytes(of: utf8) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }

    /// Adds the character's bytes to `bytes`.
    func appendUTF8(to bytes: inout [UInt8]) {
        // A byte at a time: a cell holds at most fifteen, and appending a slice of raw bytes
        // goes through a generic iterator, a frame's slowest step.
        withUnsafeBytes(of: utf8) { cell in
            for index in 0..<Int(cell[Self.capacity]) { bytes.append(cell[index]) }
        }
    }

    static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.utf8 == rhs.utf8 && lhs.style == rhs.style
    }
}

/// A grid of cells that views draw into. Nothing here talks to a terminal, so tests can
/// render any view and read it back as lines of text.
struct Screen: Sendable, Equatable {
    let size: Size
    private(set) var cells: [Cell]
    /// Where the terminal's cursor shows, as in a text field being typed in; hidden when nil.
    var cursor: (x: Int, y: Int)?

    static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes text at (x, y), clipped to `width` columns (to the right edge when nil).
    /// Control characters are shown as spaces. Returns the columns used.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, width: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        let cutsWideCharacter = cells[y * size.width + x].isContinuation
        let columns = lay(text, x: x, y: y, style: style, limit: min(size.width, x + (width ?? size.width)))
        if columns > 0 { mendWideCharacters(y: y, from: x, to: x + columns, cutLeft: cutsWideCharacter) }
        return columns
    }

    /// A wide character drawn over in part shows as a space, as a terminal shows it: the one
    /// whose right half was among the cells x..<end of row y written just now (`cutLeft`),
    /// and the right half left after them.
    private mutating func mendWideCharacters(y: Int, from x: Int, to end: Int, cutLeft: Bool) {
        let row = y * size.width
        if cutLeft, x > 0 { cells[row + x - 1] = Cell(ascii: UInt8(ascii: " "), style: cells[row + x - 1].style) }
        if end < size.width, cells[row + end].isContinuation {
            cells[row + end] = Cell(ascii: UInt8(ascii: " "), style: cells[row + end].style)
        }
    }

    private mutating func lay(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a cell per byte, without breaking the text into characters.
            for byte in text.utf8 {
                guard column < limit else { break }
                let shown = byte < 0x20 || byte == 0x7F ? UInt8(ascii: " ") : byte
                cells[y * size.width + column] = Cell(ascii: shown, style: style)
                column += 1
            }
            return column - x
        }
        if let columns = putPlainScalars(of: text, x: x, y: y, style: style, limit: limit) { return columns }
        for character in text {
            let isControl = character.unicodeScalars.first.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } == true
            let shown = isControl ? " " : DisplayWidth.drawable(character)
            let characterWidth = DisplayWidth.of(shown)
            if characterWidth == 0 { continue }
            if column + characterWidth > limit { break }
            cells[y * size.width + column] = Cell(text: String(shown), style: style)
            if characterWidth == 2 {
                cells[y * size.width + column + 1] = Cell(text: "", style: style)
            }
            column += characterWidth
        }
        return column - x
    }

    /// Letters, punctuation, arrows, box drawing: a cell per scalar, no grapheme breaking,
    /// and only as far as the text fits (a stand-up line can list thousands of orders).
    /// Nil at the first scalar that may join another: the character by character way then
    /// draws the text, over the same cells.
    private mutating func putPlainScalars(of text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        var column = x
        for scalar in text.unicodeScalars {
            guard let scalarWidth = DisplayWidth.widthOfPlainScalar(scalar) else { return nil }
            if scalarWidth == 0 { continue }
            // A scalar of its own never joins the one before: what was drawn stays as drawn.
            if column + scalarWidth > limit { break }
            cells[y * size.width + column] = Cell(scalar: scalar, style: style)
            if scalarWidth == 2 {
                cells[y * size.width + column + 1] = Cell(text: "", style: style)
            }
            column += scalarWidth
        }
        return column - x
    }

    mutating func fill(_ rect: Rect, style: Style = .plain, with character: String = " ") {
        let cell = Cell(text: character, style: style)
        let columns = max(0, rect.x)..<min(size.width, rect.maxX)
        guard !columns.isEmpty else { return }
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            let cutsWideCharacter = cells[y * size.width + columns.lowerBound].isContinuation
            for x in columns { cells[y * size.width + x] = cell }
            mendWideCharacters(y: y, from: columns.lowerBound, to: columns.upperBound, cutLeft: cutsWideCharacter)
        }
    }

    func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width { text += self[x, y].text }
        return text
    }

    /// The screen as text, one string per row, with trailing spaces removed.
    var lines: [String] {
        (0..<size.height).map { y in
            var line = line(y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
