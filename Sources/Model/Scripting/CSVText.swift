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
        // By scalar: a CRLF inside the text is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension CSVText {
    /// What a CSV text reads as.
    public enum Reading: Equatable, Sendable {
        /// Its records in order, each a list of fields; a blank line is one empty field.
        case records([[String]])
        /// A quote opened in this record (1-based, as a spreadsheet counts rows) never
        /// closes, so the rest of the file would read as one field.
        case unclosedQuote(row: Int)
    }

    /// Reads text written the spreadsheet way: fields split by commas, records by LF, CRLF
    /// or CR; a field that starts with a quote runs to the next lone quote, with `""` for a
    /// quote inside and line breaks kept. A quote inside an unquoted field is a plain character.
    public static func decode(_ text: String) -> Reading {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var (inQuotes, quoted) = (false, false)
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        while let byte = pending {
            pending = bytes.next()
            if inQuotes {
                guard byte == UInt8(ascii: "\"") else { field.append(byte); continue }
                if pending == UInt8(ascii: "\"") {
                    field.append(byte)
                    pending = bytes.next()
                } else {
                    inQuotes = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                (inQuotes, quoted) = (true, true)
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"):
                if pending == UInt8(ascii: "\n") { pending = bytes.next() }
                endRecord()
            case UInt8(ascii: "\n"):
                endRecord()
            default:
                field.append(byte)
            }
        }
        if inQuotes { return .unclosedQuote(row: records.count + 1) }
        if quoted || !field.isEmpty || !record.isEmpty { endRecord() }
        return .records(records)
    }
}
