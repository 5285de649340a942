import Model
import Testing

@Suite struct CSVTests {
    @Test func whatIsWrittenReadsBackFieldForField() {
        let rows = [["plain", "with, comma", "with \"quotes\"", ""], ["two\nlines", "crlf\r\ninside", "café ✓", "x"]]
        let text = String(decoding: CSVText.encode(columns: ["a", "b", "c", "d"], rows: rows, byteOrderMark: false), as: UTF8.self)
        #expect(CSVText.decode(text) == .records([["a", "b", "c", "d"]] + rows))
    }

    @Test func lineEndsBlankLinesAndStrayQuotes() {
        #expect(CSVText.decode("a,b\r\n1,2\r3,4\n\n5,\"\"\n") == .records([["a", "b"], ["1", "2"], ["3", "4"], [""], ["5", ""]]))
        #expect(CSVText.decode("a,b") == .records([["a", "b"]]), "no line break at the end")
        #expect(CSVText.decode("") == .records([]))
        #expect(CSVText.decode("5\" screen,\"said \"\"hi\"\"\"\n") == .records([["5\" screen", "said \"hi\""]]))
    }

    @Test func aQuoteThatNeverClosesNamesItsRow() {
        #expect(CSVText.decode("title\nfine\n\"open,x\nmore\n") == .unclosedQuote(row: 3))
        #expect(CSVText.decode("\"a\nb\",c\n\"d") == .unclosedQuote(row: 2), "a quoted line break stays in its row")
    }
}
