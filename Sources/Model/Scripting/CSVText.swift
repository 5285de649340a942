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

    /// One field: a text a spreadsheet would run as a formula gets a leading apostrophe, so
    /// it shows as text; then quoted when it holds a comma, a quote or a line break.
    static func field(_ value: String) -> String {
        let text = isGuarded(value) ? "'" + value : value
        // By scalar: a CRLF inside the text is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The signs that start a formula in a spreadsheet, full-width ones included.
    private static let formulaSigns: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// Whether export writes `value` behind an apostrophe: it starts, after any spaces and
    /// line breaks, with a formula's sign (a plain negative number aside), or with a tab or a
    /// carriage return, or it is an apostrophe before such a text (so that import, which takes
    /// exactly one apostrophe off such a text, gives every text back as it was).
    static func isGuarded(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        if first == "'" { return isGuarded(String(String.UnicodeScalarView(scalars.dropFirst()))) }
        let start = scalars.drop { $0 == " " || $0 == "\n" || $0 == "\u{3000}" }
        guard let sign = start.first, formulaSigns.contains(sign) else { return false }
        return !(sign == "-" && start.count == scalars.count && Double(value) != nil)
    }

    /// A cell as export wrote it, back to the text it was: the apostrophe export adds is taken off.
    public static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        return isGuarded(rest) ? rest : cell
    }
}
