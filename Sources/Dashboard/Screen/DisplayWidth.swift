import CNcurses

/// How many terminal columns text takes: 2 for wide characters such as 日本, 0 for
/// combining marks, 1 otherwise. Uses the C library's wcwidth (not a curses call).
enum DisplayWidth {
    /// wcwidth answers by the locale's character set, so make sure it is UTF-8 first.
    private static let isUTF8Locale = fours_use_utf8_locale() == 1

    static func of(_ character: Character) -> Int {
        _ = isUTF8Locale
        if character.isASCII { return 1 }
        var width = 0
        for scalar in character.unicodeScalars {
            let scalarWidth = Int(fours_wcwidth(wchar_t(bitPattern: scalar.value)))
            width = max(width, scalarWidth)
        }
        if character.unicodeScalars.count > 1 && character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            width = 2
        }
        return width < 0 ? 1 : width
    }

    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
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

    /// The text padded with spaces or cut so that it takes exactly `width` columns.
    static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Splits text into lines of at most `width` columns, at spaces where it can.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    // A word longer than the line is broken where it has to be.
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        if headWidth + of(character) > width - lineWidth { break }
                        head.append(character)
                        headWidth += of(character)
                    }
                    if head.isEmpty { break }
                    lines.append(line + head)
                    line = ""
                    lineWidth = 0
                    word.removeFirst(head.count)
                    wordWidth = of(word)
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
