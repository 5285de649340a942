import CNcurses

/// The sequences of the terminal curses was started on, from its terminfo entry, with their
/// parameters filled in and their padding applied by curses. What the terminal lacks is
/// left out: no colours without `setaf`, no dim text without `dim`.
struct TerminfoCodes: TerminalCodes {
    let clearScreen: [UInt8]
    let clearToEndOfLine: [UInt8]
    let showCursor: [UInt8]
    let hideCursor: [UInt8]
    let canWriteBottomRightCell: Bool
    let defaultColors: [UInt8]
    private let usesColor: Bool
    /// Every attribute off.
    private let plain: [UInt8]
    private let bold: [UInt8]
    private let dim: [UInt8]
    private let reverse: [UInt8]
    private let underline: [UInt8]

    /// After curses is started.
    init(usesColor: Bool) {
        self.usesColor = usesColor
        clearScreen = Self.capability("clear")
        clearToEndOfLine = Self.capability("el")
        showCursor = Self.capability("cnorm")
        hideCursor = Self.capability("civis")
        // A terminal that moves to the next line only when more text comes ("xenl") keeps
        // its screen when the last cell is written; one that wraps at once ("am") scrolls.
        canWriteBottomRightCell = fours_has_flag("am") == 0 || fours_has_flag("xenl") == 1
        plain = Self.capability("sgr0")
        defaultColors = usesColor ? Self.capability("op") : []
        bold = Self.capability("bold")
        dim = Self.capability("dim")
        reverse = Self.capability("rev")
        underline = Self.capability("smul")
    }

    func moveCursor(row: Int, column: Int) -> [UInt8] {
        Self.capability("cup", row, column)
    }

    func setStyle(_ style: Style) -> [UInt8] {
        var bytes = plain
        if style.isBold { bytes += bold }
        if style.isDim { bytes += dim }
        if style.isReversed { bytes += reverse }
        if style.isUnderlined { bytes += underline }
        if usesColor, let foreground = style.foreground { bytes += Self.capability("setaf", Int(foreground.rawValue)) }
        if usesColor, let background = style.background { bytes += Self.capability("setab", Int(background.rawValue)) }
        return bytes
    }

    /// The capability's bytes; none when the terminal does not have it.
    private static func capability(_ name: String, _ parameters: Int...) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { out in
                fours_capability(name, Int32(parameters.count), Int32(parameters.first ?? 0),
                                 Int32(parameters.dropFirst().first ?? 0), out.baseAddress, Int32(out.count))
            }
        }
        return Array(bytes.prefix(max(0, Int(count))))
    }
}
