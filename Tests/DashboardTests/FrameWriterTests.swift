@testable import Dashboard
import Testing
import TestSupport

/// The bytes of each frame, played on a small terminal that measures characters a scalar at
/// a time as terminals do, leave it showing exactly that frame.
@Suite struct FrameWriterTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    @Test(arguments: [true, false])
    func everyFrameLeavesTheTerminalShowingIt(canWriteBottomRightCell: Bool) throws {
        var random = SeededGenerator(seed: canWriteBottomRightCell ? 7 : 8)
        var writer = FrameWriter(codes: PlayedCodes(canWriteBottomRightCell: canWriteBottomRightCell))
        var screen = Screen(size: Size(width: 12, height: 4))
        var terminal = PlayedTerminal(size: screen.size, wrapsAtOnce: !canWriteBottomRightCell)
        for frame in 0..<3_000 {
            if frame % 200 == 199 {
                // A resize: curses has cleared the screen and the writer is told to forget.
                let size = Size(width: Int.random(in: 1...14, using: &random), height: Int.random(in: 1...5, using: &random))
                screen = Screen(size: size)
                terminal = PlayedTerminal(size: size, wrapsAtOnce: !canWriteBottomRightCell)
                writer.forget()
            }
            for _ in 0..<Int.random(in: 0...4, using: &random) { drawSomething(on: &screen, using: &random) }
            screen.cursor = Bool.random(using: &random) ? nil : (Int.random(in: 0..<screen.size.width, using: &random), Int.random(in: 0..<screen.size.height, using: &random))
            try terminal.play(writer.frame(screen))
            #expect(terminal.scrolled == false, "frame \(frame): the screen scrolled")
            for y in 0..<screen.size.height {
                for x in 0..<screen.size.width {
                    if !canWriteBottomRightCell && y == screen.size.height - 1 && x >= lastWritable(in: screen) { continue }
                    let expected = PlayedCell(screen[x, y])
                    if terminal.cells[y][x] != expected {
                        Issue.record("frame \(frame), cell \(x),\(y): \(terminal.cells[y][x]) instead of \(expected)")
                        return
                    }
                }
            }
            #expect(terminal.cursorShows == (screen.cursor != nil), "frame \(frame)")
            if let cursor = screen.cursor {
                #expect(terminal.row == cursor.y && terminal.column == cursor.x, "frame \(frame): cursor")
            }
            #expect(terminal.pen == PlayedCell(text: ""), "frame \(frame): the plain style after a frame")
            #expect(writer.frame(screen).isEmpty, "frame \(frame): shown again, it writes nothing")
        }
    }

    @Test func aWideCharacterDrawnOverInPartShowsAsASpace() {
        var screen = Screen(size: Size(width: 6, height: 2))
        screen.put("日本x", x: 0, y: 0)
        screen.put("|", x: 1, y: 0)
        #expect(screen.lines[0] == " |本x")
        screen.put("日本", x: 0, y: 1)
        screen.put("a", x: 2, y: 1, style: .plain.bold())
        #expect(screen.lines[1] == "日a" && !screen[3, 1].isContinuation)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: ".")
        #expect(screen.lines == [" .. x", " .."])
        #expect((0..<2).allSatisfy { !screen[0, $0].isContinuation && !screen[3, $0].isContinuation })
    }

    /// The first cell of the bottom row a terminal that scrolls there may be left without.
    private func lastWritable(in screen: Screen) -> Int {
        let bottom = screen.size.height - 1
        return screen[screen.size.width - 1, bottom].isContinuation ? screen.size.width - 2 : screen.size.width - 1
    }

    /// Text, widths and styles to draw at random, wide characters and clusters included.
    private func drawSomething(on screen: inout Screen, using random: inout SeededGenerator) {
        let pieces = ["a", "xyz", "é", "日本", "🇫🇷", "กำ", "─│", "  ", "e\u{301}q", "👨‍👩‍👧"]
        let style = PlayedCodes.palette.randomElement(using: &random)!
        let x = Int.random(in: 0..<screen.size.width, using: &random)
        let y = Int.random(in: 0..<screen.size.height, using: &random)
        if Int.random(in: 0..<8, using: &random) == 0 {
            screen.fill(Rect(x: x, y: y, width: Int.random(in: 1...4, using: &random), height: 2), style: style)
            return
        }
        let text = (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        screen.put(text, x: x, y: y, style: style, width: Bool.random(using: &random) ? nil : Int.random(in: 1...6, using: &random))
    }
}

/// Codes the played terminal reads: ESC [ row ; column H, ESC [ n s for the attributes
/// (bits: bold, dim, reversed, underlined), ESC [ n f and ESC [ n b for the colours, ESC [ d
/// for the terminal's own colours, ESC [ J and ESC [ K to clear the screen and the rest of
/// a line, ESC [ ? h and ESC [ ? l to show and
/// hide the cursor. Setting the attributes leaves the colours as they are, as some
/// terminals do.
private struct PlayedCodes: TerminalCodes {
    static let palette: [Style] = [.plain, .plain.bold(), .plain.foreground(.red), .plain.reversed().dim(),
                                   Style(foreground: .blue, background: .yellow, isUnderlined: true), Style(background: .green)]
    let canWriteBottomRightCell: Bool
    var clearScreen: [UInt8] { Array("\u{1b}[J".utf8) }
    var clearToEndOfLine: [UInt8] { Array("\u{1b}[K".utf8) }
    var showCursor: [UInt8] { Array("\u{1b}[?h".utf8) }
    var hideCursor: [UInt8] { Array("\u{1b}[?l".utf8) }
    var defaultColors: [UInt8] { Array("\u{1b}[d".utf8) }

    func moveCursor(row: Int, column: Int) -> [UInt8] {
        Array("\u{1b}[\(row);\(column)H".utf8)
    }

    func setStyle(_ style: Style) -> [UInt8] {
        var text = "\u{1b}[\(Self.attributes(of: style))s"
        if let foreground = style.foreground { text += "\u{1b}[\(foreground.rawValue)f" }
        if let background = style.background { text += "\u{1b}[\(background.rawValue)b" }
        return Array(text.utf8)
    }

    static func attributes(of style: Style) -> Int {
        (style.isBold ? 1 : 0) | (style.isDim ? 2 : 0) | (style.isReversed ? 4 : 0) | (style.isUnderlined ? 8 : 0)
    }
}

private struct PlayedCell: Equatable {
    /// Empty for the right half of a wide character.
    var text: String
    var attributes = 0
    var foreground: Int16?
    var background: Int16?

    init(text: String, attributes: Int = 0, foreground: Int16? = nil, background: Int16? = nil) {
        self.text = text
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }

    init(_ cell: Cell) {
        self.init(text: cell.text, attributes: PlayedCodes.attributes(of: cell.style),
                  foreground: cell.style.foreground?.rawValue, background: cell.style.background?.rawValue)
    }
}

/// A terminal that plays the codes above: a character takes as many columns as the widths
/// of its scalars add up to, and a character written over half of a wide one leaves a space
/// in the other half. With `wrapsAtOnce`, writing the last column moves to the next line at
/// once, and from the last line the screen scrolls.
private struct PlayedTerminal {
    let size: Size
    let wrapsAtOnce: Bool
    var cells: [[PlayedCell]]
    var row = 0
    var column = 0
    /// The attributes and colours of what is written next (its text unused).
    var pen = PlayedCell(text: "", attributes: 9, foreground: 3, background: 4)
    var cursorShows = true
    var scrolled = false

    struct Unreadable: Error {}

    init(size: Size, wrapsAtOnce: Bool) {
        self.size = size
        self.wrapsAtOnce = wrapsAtOnce
        cells = Array(repeating: Array(repeating: PlayedCell(text: "?"), count: size.width), count: size.height)
    }

    mutating func play(_ bytes: [UInt8]) throws {
        var index = 0
        var text: [UInt8] = []
        while index < bytes.count {
            guard bytes[index] == 0x1B else {
                text.append(bytes[index])
                index += 1
                continue
            }
            write(String(decoding: text, as: UTF8.self))
            text = []
            guard let end = bytes[index...].firstIndex(where: { (0x41...0x7A).contains($0) && $0 != 0x5B }) else { throw Unreadable() }
            let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            switch bytes[end] {
            case UInt8(ascii: "H"):
                let numbers = parameters.split(separator: ";").compactMap { Int($0) }
                guard numbers.count == 2 else { throw Unreadable() }
                (row, column) = (numbers[0], numbers[1])
            case UInt8(ascii: "s"): pen.attributes = Int(parameters) ?? -1
            case UInt8(ascii: "f"): pen.foreground = Int16(parameters)
            case UInt8(ascii: "b"): pen.background = Int16(parameters)
            case UInt8(ascii: "d"): (pen.foreground, pen.background) = (nil, nil)
            case UInt8(ascii: "J"):
                // Cleared in the background colour of the moment, as many terminals do.
                cells = Array(repeating: Array(repeating: PlayedCell(text: " ", background: pen.background), count: size.width), count: size.height)
            case UInt8(ascii: "K"):
                guard column < size.width else { throw Unreadable() }
                if cells[row][column].text.isEmpty, column > 0 { cells[row][column - 1].text = " " }
                for cleared in column..<size.width { cells[row][cleared] = PlayedCell(text: " ", background: pen.background) }
            case UInt8(ascii: "h"): cursorShows = true
            case UInt8(ascii: "l"): cursorShows = false
            default: throw Unreadable()
            }
            index = end + 1
        }
        write(String(decoding: text, as: UTF8.self))
    }

    private mutating func write(_ text: String) {
        for character in text {
            let width = character.unicodeScalars.reduce(0) { $0 + DisplayWidth.of(Character($1)) }
            if column >= size.width {
                // A wrap held back until now.
                column = 0
                nextLine()
            }
            let end = min(size.width, column + max(1, width))
            if cells[row][column].text.isEmpty, column > 0 { cells[row][column - 1].text = " " }
            if end < size.width, cells[row][end].text.isEmpty { cells[row][end].text = " " }
            var written = pen
            written.text = String(character)
            cells[row][column] = written
            written.text = ""
            for covered in (column + 1)..<max(column + 1, end) { cells[row][covered] = written }
            column = end
            if wrapsAtOnce && column >= size.width {
                column = 0
                nextLine()
            }
        }
    }

    private mutating func nextLine() {
        if row == size.height - 1 { scrolled = true } else { row += 1 }
    }
}
