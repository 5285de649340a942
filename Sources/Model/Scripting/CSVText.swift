/// Comma-separated values as spreadsheet programs read them (RFC 4180): every field that
/// needs it quoted, quotes doubled, lines ended with CRLF, UTF-8 with a byte-order mark
/// unless asked not to.
public enum CSVText {
    public static func encode(columns: [String], rows: [[String]], byteOrderMark: Bool = true) -> [UInt8] {
        var text = ""
        for row in [columns] + rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// One field: a text a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`,
    /// `@cmd`) gets a leading apostrophe, so it shows as text; then quoted when it holds a
    /// comma, a quote or a line break.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !(first == "-" && Double(text) != nil) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
