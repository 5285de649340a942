/// Reads CSV the spreadsheet way, a piece of the file at a time: fields split by the
/// separator, records by LF, CRLF or CR; a field that starts with a quote runs to the next
/// lone quote, with `""` for a quote inside and line breaks kept; a quote inside an unquoted
/// field is a plain character. What it holds at once is bounded: a field longer than
/// `longestField` bytes, or a record of more than `mostFields` fields, stops the reading
/// where it is found, so a huge or broken file is refused without being read whole.
public struct CSVReader {
    public enum Failure: Error, Equatable, Sendable {
        /// A quote opened in this record (1-based, as a spreadsheet counts rows) never closes.
        case unclosedQuote(row: Int)
        case fieldTooLong(row: Int, limit: Int)
        case tooManyFields(row: Int, limit: Int)
        case notUTF8(row: Int)
    }

    let separator: UInt8
    let longestField: Int
    let mostFields: Int
    private var record: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var quoted = false
    /// A quote seen inside quotes, not yet known as the end or the first of `""`.
    private var quoteInQuotes = false
    /// A carriage return ended the last record: a line feed right after it belongs to it.
    private var afterCarriageReturn = false
    /// Records ended so far, for the row numbers in messages.
    public private(set) var recordsRead = 0

    public init(separator: UInt8, longestField: Int = .max, mostFields: Int = .max) {
        self.separator = separator
        self.longestField = longestField
        self.mostFields = mostFields
    }

    /// The separator the first line of `start` uses: a comma, a semicolon (as Excel saves
    /// CSV in much of Europe) or a tab, whichever stands most often outside quotes.
    public static func separator(of start: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for byte in start {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x09 { counts[byte, default: 0] += 1 }
        }
        let comma = UInt8(ascii: ",")
        return counts.max { ($0.value, $0.key == comma ? 1 : 0) < ($1.value, $1.key == comma ? 1 : 0) }?.key ?? comma
    }

    /// The records that `bytes`, the next piece of the file, completes.
    public mutating func read(_ bytes: some Sequence<UInt8>) throws(Failure) -> [[String]] {
        var done: [[String]] = []
        for byte in bytes {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == 0x0A { continue }
            }
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == UInt8(ascii: "\"") {
                    try append(byte)
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") { quoteInQuotes = true } else { try append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                (inQuotes, quoted) = (true, true)
            case separator:
                try endField()
            case 0x0D, 0x0A:
                afterCarriageReturn = byte == 0x0D
                done.append(try endRecord())
            default:
                try append(byte)
            }
        }
        return done
    }

    /// The last record, when the file does not end with a line break.
    public mutating func finish() throws(Failure) -> [[String]] {
        if quoteInQuotes {
            quoteInQuotes = false
            inQuotes = false
        }
        if inQuotes { throw .unclosedQuote(row: recordsRead + 1) }
        guard quoted || !field.isEmpty || !record.isEmpty else { return [] }
        return [try endRecord()]
    }

    private mutating func append(_ byte: UInt8) throws(Failure) {
        guard field.count < longestField else { throw .fieldTooLong(row: recordsRead + 1, limit: longestField) }
        field.append(byte)
    }

    private mutating func endField() throws(Failure) {
        guard record.count < mostFields else { throw .tooManyFields(row: recordsRead + 1, limit: mostFields) }
        guard let text = String(validating: field, as: UTF8.self) else { throw .notUTF8(row: recordsRead + 1) }
        record.append(text)
        field.removeAll(keepingCapacity: true)
        quoted = false
    }

    private mutating func endRecord() throws(Failure) -> [String] {
        try endField()
        defer { record = [] }
        recordsRead += 1
        return record
    }
}
