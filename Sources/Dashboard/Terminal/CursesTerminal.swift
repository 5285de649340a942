import CNcurses
import Glibc

/// Something the terminal reports: a key, or a change of size.
enum TerminalInput: Equatable {
    case key(Key)
    case resize(Size)
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste), line breaks included.
    case paste(String)
}

struct MouseEvent: Equatable {
    enum Kind: Equatable { case press, wheelUp, wheelDown }
    var kind: Kind
    var x: Int
    var y: Int
}

enum TerminalError: Error {
    case unknownTerminal(String)
    case cannotAddressCursor(String)

    var message: String {
        switch self {
        case .unknownTerminal(let name):
            "fours cannot drive this terminal (TERM=\(name.isEmpty ? "unset" : name)). "
                + "Set TERM to a known type, for example: TERM=xterm-256color fours"
        case .cannotAddressCursor(let name):
            "fours needs a terminal that can move its cursor, and TERM=\(name) cannot. "
                + "Use a full terminal, for example: TERM=xterm-256color fours"
        }
    }
}

/// The only place that talks to curses. It shows a `Screen`, rewriting only the rows that
/// changed since the last one, and turns curses key codes into `Key`s.
final class CursesTerminal {
    private var previous: Screen?
    /// What has arrived of a paste that has not ended yet.
    private var paste: String?
    /// The key codes curses gives the start and end of a bracketed paste.
    private static let pasteStart = KEY_MAX + 1
    private static let pasteEnd = KEY_MAX + 2
    private static let bracketedPasteOn = "\u{1b}[?2004h"
    private static let bracketedPasteOff = "\u{1b}[?2004l"
    private var colorPairs: [ColorPair: Int16] = [:]
    private let usesColor: Bool

    private struct ColorPair: Hashable {
        var foreground: Color?
        var background: Color?
    }

    init(environment: [String: String]) throws(TerminalError) {
        fours_remember_terminal()
        guard fours_newterm() != nil else {
            throw .unknownTerminal(environment["TERM"] ?? "")
        }
        guard fours_can_address_cursor() == 1 else {
            endwin()
            throw .cannotAddressCursor(environment["TERM"] ?? "")
        }
        raw()
        noecho()
        nonl()
        keypad(fours_stdscr(), true)
        nodelay(fours_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        // Clicks and the wheel; a click is reported at once, not after a double-click delay.
        fours_enable_mouse()
        // A paste arrives marked, so that it is one edit and its line breaks are not Enter.
        define_key("\u{1b}[200~", Self.pasteStart)
        define_key("\u{1b}[201~", Self.pasteEnd)
        Self.writeToTerminal(Self.bracketedPasteOn)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColor = has_colors() && !noColor
        if usesColor {
            start_color()
            use_default_colors()
        }
        fours_gather_frames()
        fours_install_crash_restore()
    }

    var size: Size {
        Size(width: Int(fours_cols()), height: Int(fours_lines()))
    }

    func present(_ screen: Screen) {
        let window = fours_stdscr()
        let fullRedraw = previous?.size != screen.size
        for y in 0..<screen.size.height {
            if !fullRedraw, let previous, rowsMatch(previous, screen, y) { continue }
            drawRow(y, of: screen, in: window)
            // A terminal erases a whole wide character when one of its halves is drawn over
            // (a dialog's border), which curses does not know: such a row is sent whole.
            if let previous, !fullRedraw, hasWideCharacters(previous, y) || hasWideCharacters(screen, y) {
                wredrawln(window, Int32(y), 1)
            }
        }
        previous = screen
        if let cursor = screen.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        fours_update_screen()
    }

    /// Reads one pending input without waiting; nil when there is none (or when a paste
    /// has begun and not yet ended).
    func read() -> TerminalInput? {
        while true {
            var character: wint_t = 0
            let result = wget_wch(fours_stdscr(), &character)
            if result == ERR { return nil }
            let isCode = result == fours_key_code_yes()
            if isCode && Int32(character) == Self.pasteStart {
                paste = ""
                continue
            }
            if isCode && Int32(character) == Self.pasteEnd, let pasted = paste {
                paste = nil
                return .paste(pasted)
            }
            if paste != nil {
                if !isCode, let scalar = Unicode.Scalar(UInt32(character)) {
                    paste?.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                }
                continue
            }
            // A key curses does not know is skipped, and reading goes on.
            if let input = input(code: Int32(bitPattern: character), isCode: isCode) { return input }
        }
    }

    private func input(code: Int32, isCode: Bool) -> TerminalInput? {
        guard isCode else { return Self.key(forCharacter: UInt32(bitPattern: code)).map { .key($0) } }
        if code == fours_key_resize() {
            previous = nil
            return .resize(size)
        }
        if code == KEY_MOUSE { return readMouse() }
        return Self.key(forCode: code).map { .key($0) }
    }

    private static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    private func readMouse() -> TerminalInput? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        switch fours_mouse_kind(event.bstate) {
        case 1: kind = .press
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }

    /// Ctrl-Z: ncurses' own SIGTSTP handler leaves the screen, stops the process, and
    /// restores the terminal on `fg`; then everything is drawn again.
    func suspend() {
        Self.writeToTerminal(Self.bracketedPasteOff)
        raise(SIGTSTP)
        Self.writeToTerminal(Self.bracketedPasteOn)
        redrawEverything()
    }

    func redrawEverything() {
        previous = nil
        clearok(fours_stdscr(), true)
    }

    func close() {
        // Without an alternate screen (TERM=linux, vt100), the last frame would stay behind.
        if fours_has_alternate_screen() == 0 {
            werase(fours_stdscr())
            wrefresh(fours_stdscr())
        }
        endwin()
        Self.writeToTerminal(Self.bracketedPasteOff)
    }

    private func hasWideCharacters(_ screen: Screen, _ y: Int) -> Bool {
        (0..<screen.size.width).contains { screen[$0, y].isContinuation }
    }

    private func rowsMatch(_ old: Screen, _ new: Screen, _ y: Int) -> Bool {
        (0..<new.size.width).allSatisfy { old[$0, y] == new[$0, y] }
    }

    private func drawRow(_ y: Int, of screen: Screen, in window: UnsafeMutablePointer<WINDOW>?) {
        var run = RowRun(width: screen.size.width)
        var runStart = 0
        var runStyle = screen.size.width > 0 ? screen[0, y].style : .plain
        func flush() {
            guard !run.isEmpty else { return }
            wmove(window, Int32(y), Int32(runStart))
            let colorPair = usesColor ? pair(for: runStyle) : 0
            let attributes = attributes(of: runStyle)
            if colorPair < 256, run.isPrintableASCII {
                // Printable ASCII goes into the window as characters with their attributes:
                // nothing to decode from UTF-8, no width to look up.
                run.cells.removeAll(keepingCapacity: true)
                let attributed = chtype(attributes) | fours_color_pair(colorPair)
                for byte in run.text { run.cells.append(chtype(byte) | attributed) }
                run.cells.append(0)
                _ = waddchnstr(window, run.cells, Int32(run.text.count))
            } else if let scalars = run.plainScalars {
                // Characters of one scalar each (accents, box drawing, the progress bars'
                // shapes): handed over as wide characters, not as UTF-8 to decode.
                let wide = scalars.map { scalar in
                    cchar_t(attr: attributes, chars: (wchar_t(bitPattern: scalar.value), 0, 0, 0, 0), ext_color: Int32(colorPair))
                }
                _ = wide.withUnsafeBufferPointer { wadd_wchnstr(window, $0.baseAddress, Int32(wide.count)) }
            } else {
                apply(runStyle, to: window)
                run.text.append(0)
                // Writing the bottom-right cell returns ERR although it is drawn.
                _ = run.text.withUnsafeBytes { waddstr(window, $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                // Characters handed over whole take on the window's attributes too.
                wattr_set(window, fours_attr_normal(), 0, nil)
            }
            run.clear()
        }
        for x in 0..<screen.size.width {
            let cell = screen[x, y]
            if cell.isContinuation { continue }
            if cell.style != runStyle {
                flush()
                runStart = x
                runStyle = cell.style
            }
            run.append(cell)
        }
        flush()
    }

    private func apply(_ style: Style, to window: UnsafeMutablePointer<WINDOW>?) {
        wattr_set(window, attributes(of: style), usesColor ? pair(for: style) : 0, nil)
    }

    private func attributes(of style: Style) -> attr_t {
        var attributes = fours_attr_normal()
        if style.isBold { attributes |= fours_attr_bold() }
        if style.isDim { attributes |= fours_attr_dim() }
        if style.isReversed { attributes |= fours_attr_reverse() }
        if style.isUnderlined { attributes |= fours_attr_underline() }
        return attributes
    }

    private func pair(for style: Style) -> Int16 {
        let key = ColorPair(foreground: style.foreground, background: style.background)
        if key.foreground == nil && key.background == nil { return 0 }
        if let existing = colorPairs[key] { return existing }
        let number = Int16(colorPairs.count + 1)
        guard Int32(number) < fours_color_pairs() else { return 0 }
        init_pair(number, key.foreground?.rawValue ?? -1, key.background?.rawValue ?? -1)
        colorPairs[key] = number
        return number
    }

    private static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        default: nil
        }
    }

    private static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96) ?? "?"))
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}

/// The cells of a row that share a style, gathered to be handed to curses in one call.
private struct RowRun {
    /// The cells' characters as UTF-8.
    var text: [UInt8] = []
    /// The cells' characters while each is one scalar curses measures as wide as fours does.
    private var scalars: [Unicode.Scalar] = []
    private var scalarsArePlain = true
    /// Room for the run as curses characters.
    var cells: [chtype] = []

    init(width: Int) {
        text.reserveCapacity(width * 2 + 1)
        scalars.reserveCapacity(width)
        cells.reserveCapacity(width + 1)
    }

    var isEmpty: Bool { text.isEmpty }
    var isPrintableASCII: Bool { text.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    var plainScalars: [Unicode.Scalar]? { scalarsArePlain ? scalars : nil }

    mutating func append(_ cell: Cell) {
        cell.appendUTF8(to: &text)
        guard scalarsArePlain else { return }
        if let scalar = cell.scalar, (DisplayWidth.widthOfPlainScalar(scalar) ?? 0) > 0 {
            scalars.append(scalar)
        } else {
            scalarsArePlain = false
        }
    }

    mutating func clear() {
        text.removeAll(keepingCapacity: true)
        scalars.removeAll(keepingCapacity: true)
        scalarsArePlain = true
    }
}
