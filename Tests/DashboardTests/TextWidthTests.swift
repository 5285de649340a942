@testable import Dashboard
import Testing

/// Text as the terminal shows it: emoji sequences in one agreed width, long text handled
/// in linear time.
@Suite struct TextWidthTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    @Test func whetherTextIsWiderThanALimitIsWhatItsWidthSays() {
        let texts = ["", "plain", "Chloé", "e\u{301}e\u{301}e\u{301}", "大塚大塚", "ok 👍🏽 done", "a\u{200B}\u{200B}\u{200B}b", "a\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}bcd",
                     "▰▱▱ ▰▱▱", String(repeating: "#12, ", count: 400)]
        for text in texts {
            for limit in 0...24 {
                #expect(DisplayWidth.exceeds(text, limit) == (DisplayWidth.of(text) > limit), "\(text) \(limit)")
            }
        }
    }

    @Test func textOfPlainScalarsIsMeasuredAsCharacterByCharacter() {
        // Every scalar of the ranges measured a scalar at a time, each beside ASCII, an
        // accent that joins it, and a wide character: the sum of the characters' widths.
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x2010...0x20CF, 0x2100...0x25FF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(scalar)b", "\(scalar)\u{301}", "\(scalar)日", "\(scalar)"] {
                #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func textOfPlainScalarsIsDrawnCharacterByCharacter() {
        // Each scalar of the ranges between letters, in a row too short for all of it: the
        // cells are those of its characters laid out one after the other, as far as they fit.
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x2010...0x20CF, 0x2100...0x25FF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(scalar)b\(scalar)\(scalar)"
            var screen = Screen(size: Size(width: 7, height: 1))
            let used = screen.put(text, x: 1, y: 0, width: 5)
            var column = 1
            for character in text {
                let width = DisplayWidth.of(character)
                if width == 0 { continue }
                if column + width > 6 { break }
                #expect(screen[column, 0].text == String(character), "U+\(String(value, radix: 16)) at \(column)")
                if width == 2 { #expect(screen[column + 1, 0].isContinuation, "U+\(String(value, radix: 16))") }
                column += width
            }
            #expect(used == column - 1, "U+\(String(value, radix: 16))")
            #expect((column..<7).allSatisfy { screen[$0, 0] == .blank } && screen[0, 0] == .blank, "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        ("🇫🇷", "🇫🇷", 2),           // a flag: two regional indicators
        ("👨‍👩‍👧", "👨", 2),          // a zero-width-joiner sequence: its first part
        ("❤️", "❤", 1),              // a variation selector: dropped
        ("é", "é", 1),               // e and a combining accent
        ("กำ", "กำ", 2),              // a Thai letter and its vowel sign, a column each
        ("日", "日", 2),
    ])
    func eachCharacterIsDrawnInTheWidthItIsMeasured(text: String, drawn: String, width: Int) throws {
        let character = try #require(text.first)
        #expect(DisplayWidth.drawable(character) == drawn.first)
        #expect(DisplayWidth.of(character) == width)
        var screen = Screen(size: Size(width: 10, height: 1))
        screen.put(text + "x", x: 0, y: 0)
        #expect(screen[width, 0].text == "x", "what follows lands right after it")
    }

    @Test func aCellKeepsItsCharacterAndCutsOnlyAPileOfAccents() {
        var screen = Screen(size: Size(width: 6, height: 1))
        // Eight combining accents (two bytes each) on an e: the cell keeps the e and the seven that fit.
        let piled = "e" + String(repeating: "\u{301}", count: 8)
        screen.put("é日" + piled + "z", x: 0, y: 0)
        #expect(screen[0, 0].text == "é" && screen[1, 0].text == "日" && screen[2, 0].isContinuation)
        #expect(screen[3, 0].text == "e" + String(repeating: "\u{301}", count: 7))
        #expect(screen[4, 0].text == "z" && screen[4, 0] != screen[3, 0] && screen[5, 0] == .blank)
    }

    @Test func aHintIsCutAfterAWholeWord() {
        #expect(DisplayWidth.truncateAtWord("before; may start with a number", to: 20) == "before; may start…")
        #expect(DisplayWidth.truncateAtWord("short", to: 20) == "short")
        #expect(DisplayWidth.truncateAtWord("unbreakable-long-word", to: 8) == "unbreak…")
    }

    @Test func aHugeWordWrapsIntoFullLines() {
        let word = String(repeating: "a", count: 100_010)
        let lines = DisplayWidth.wrap("before " + word + " after", to: 80)
        #expect(lines.first == "before")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 80 })
        #expect(lines.joined().count == "before".count + 100_010 + " after".count)
        #expect(lines.last == String(repeating: "a", count: 10) + " after")
    }

    @Test func aPasteIsOneEditWhateverItsLength() {
        var field = TextField("")
        let text = String(repeating: "word ", count: 4_000) + "line\nbreak"
        field.apply(.insert(text))
        #expect(field.text.count == text.count)
        #expect(!field.text.contains("\n"), "a field is one line")
        let shown = field.visible(width: 20)
        #expect(shown.text.hasSuffix("line break"))
    }
}
