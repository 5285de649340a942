/// The eight colors every color terminal has.
enum Color: Int16, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. Colors are dropped by the terminal when it has none or NO_COLOR is
/// set; the attributes still carry the meaning (selection is reversed, warnings bold).
struct Style: Sendable, Hashable {
    var foreground: Color?
    var background: Color?
    var isBold = false
    var isDim = false
    var isReversed = false
    var isUnderlined = false

    static let plain = Style()

    func bold() -> Style { var copy = self; copy.isBold = true; return copy }
    func dim() -> Style { var copy = self; copy.isDim = true; return copy }
    func reversed() -> Style { var copy = self; copy.isReversed = true; return copy }
    func underlined() -> Style { var copy = self; copy.isUnderlined = true; return copy }
    func foreground(_ color: Color) -> Style { var copy = self; copy.foreground = color; return copy }
}
