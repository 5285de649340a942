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

/// The only place that talks to curses, with `TerminfoCodes`. Curses starts and restores
/// the terminal, reads its keys and knows its codes; frames are written by `FrameWriter`,
/// which rewrites only the cells that changed since the last one (in a fraction of the time
/// curses took to compare and write a frame of its own).
final class CursesTerminal {
    private var frames: FrameWriter<TerminfoCodes>
    /// What has arrived of a paste that has not ended yet.
    private var paste: String?
    /// The key codes curses gives the start and end of a bracketed paste.
    private static let pasteStart = KEY_MAX + 1
    private static let pasteEnd = KEY_MAX + 2
    private static let bracketedPasteOn = "\u{1b}[?2004h"
    private static let bracketedPasteOff = "\u{1b}[?2004l"

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
        let usesColor = has_colors() && !noColor
        if usesColor {
            start_color()
            use_default_colors()
        }
        frames = FrameWriter(codes: TerminfoCodes(usesColor: usesColor))
        // Curses clears the screen and sends what it has kept back (keypad and mouse modes);
        // after this it draws nothing.
        refresh()
        fours_install_crash_restore()
    }

    var size: Size {
        Size(width: Int(fours_cols()), height: Int(fours_lines()))
    }

    func present(_ screen: Screen) {
        let bytes = frames.frame(screen)
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fours_write_frame($0.baseAddress, $0.count) }
        }
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
            // Curses clears the screen it resized at its next refresh: now, before the next
            // frame, not after it.
            refresh()
            frames.forget()
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
        frames.forget()
    }

    func close() {
        // Without an alternate screen (TERM=linux, vt100), the last frame would stay behind.
        if fours_has_alternate_screen() == 0 {
            frames.forget()
            present(Screen(size: size))
        }
        endwin()
        Self.writeToTerminal(Self.bracketedPasteOff)
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
