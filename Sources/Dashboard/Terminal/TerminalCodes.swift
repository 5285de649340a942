/// The bytes that make a terminal do what drawing a frame needs. `TerminfoCodes` reads
/// them from the terminal's terminfo entry; tests use codes of their own.
protocol TerminalCodes {
    /// Clears the whole screen (in the plain style set just before).
    var clearScreen: [UInt8] { get }
    /// Clears from the cursor to the end of its line, in the style of the moment; none
    /// when the terminal cannot.
    var clearToEndOfLine: [UInt8] { get }
    var showCursor: [UInt8] { get }
    var hideCursor: [UInt8] { get }
    /// Whether the bottom-right cell can be written without the screen scrolling up a line.
    var canWriteBottomRightCell: Bool { get }
    /// Moves the cursor to a cell, counted from 0.
    func moveCursor(row: Int, column: Int) -> [UInt8]
    /// Sets every attribute of the text that follows to `style`'s, and its colours where
    /// `style` has them.
    func setStyle(_ style: Style) -> [UInt8]
    /// Gives the text that follows the terminal's own colours.
    var defaultColors: [UInt8] { get }
}
