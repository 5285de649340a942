import CNcurses

/// How many terminal columns text takes: 2 for wide characters such as 日本, 0 for
/// combining marks, 1 otherwise. Uses the C library's wcwidth (not a curses call), which
/// answers by the locale's character set: `ProcessSetup.useUTF8Locale` makes it UTF-8.
enum DisplayWidth {
    /// The columns a character takes as fours draws it (see `drawable`).
    static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        let scalars = drawable(character).unicodeScalars
        // A flag: two regional indicators, which curses and terminals both count as two columns.
        if scalars.count == 2, scalars.allSatisfy(isRegionalIndicator) { return 2 }
        // Terminals give each part its own columns (a Thai vowel sign that is a letter's
        // spacing mark takes one of its own); a cell is at most two wide.
        var width = 0
        for scalar in scalars {
            width += max(0, Int(fours_wcwidth(wchar_t(bitPattern: scalar.value))))
        }
        return min(2, width)
    }

    static func of(_ text: some StringProtocol) -> Int {
        // Most of what a frame draws is ASCII: a column per byte, no grapheme breaking.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return widthOfPlainScalars(text) ?? text.reduce(0) { $0 + of($1) }
    }

    /// Whether `text` needs more than `limit` columns, measured no further than it takes:
    /// a line of a thousand order numbers is not measured whole to draw its first sixty.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        // No character is wider than its bytes are many.
        if text.utf8.count <= limit { return false }
        let head = text.prefix(limit + 1)
        if of(head) > limit { return true }
        return head.endIndex < text.endIndex && of(text) > limit
    }

    /// The width of text made only of scalars that are each a character of their own and
    /// never join the next (Latin letters, punctuation, arrows, box drawing, the shapes
    /// of the progress bars), counted a scalar at a time; nil for any other text.
    private static func widthOfPlainScalars(_ text: some StringProtocol) -> Int? {
        var width = 0
        for scalar in text.unicodeScalars {
            guard let scalarWidth = widthOfPlainScalar(scalar) else { return nil }
            width += scalarWidth
        }
        return width
    }

    /// The columns of a printable scalar that is a character of its own and never joins
    /// the next; nil for any other scalar.
    static func widthOfPlainScalar(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20..<0x7F: 1
        // As a character of one scalar measures: no columns when the C library knows none.
        case 0xA0...0x2FF, 0x2010...0x20CF, 0x2100...0x25FF: max(0, Int(fours_wcwidth(wchar_t(bitPattern: scalar.value))))
        default: nil
        }
    }

    /// The character as fours draws it. Terminals disagree on how wide an emoji with a
    /// variation selector or a zero-width-joiner sequence is, and curses counts each of
    /// its parts, so the text after one would land in the wrong column. Such a character
    /// is drawn as its first part, without the selector: one width that every party agrees
    /// on. Plain characters, accents and flags are drawn as they are.
    static func drawable(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, !scalars.allSatisfy(isRegionalIndicator) else { return character }
        var kept = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D { break }
            if scalar.value == 0xFE0F || scalar.value == 0xFE0E { continue }
            kept.append(scalar)
        }
        return String(kept).first ?? " "
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// The text cut to fit `width` columns, ending in "…" when it had to be cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// The text cut to fit `width` columns after its last whole word that fits, ending in
    /// "…" when it had to be cut; mid-word only when not even the first word fits.
    static func truncateAtWord(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var kept = ""
        for word in text.split(separator: " ") {
            let candidate = kept.isEmpty ? String(word) : kept + " " + word
            if of(candidate) > width - 1 { break }
            kept = candidate
        }
        return kept.isEmpty ? truncate(text, to: width) : kept + "…"
    }

    /// The text padded with spaces or cut so that it takes exactly `width` columns.
    static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Splits text into lines of at most `width` columns, at spaces where it can. Each
    /// character is looked at a bounded number of times, so a huge word wraps in linear time.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                guard wordWidth <= width else {
                    // A word longer than the line is broken where it has to be.
                    for character in word {
                        let characterWidth = of(character)
                        if lineWidth > 0 && lineWidth + characterWidth > width {
                            lines.append(line)
                            line = ""
                            lineWidth = 0
                        }
                        line.append(character)
                        lineWidth += characterWidth
                    }
                    continue
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
