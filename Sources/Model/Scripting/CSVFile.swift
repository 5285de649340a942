import Glibc

/// A spreadsheet saved as CSV, read a piece at a time (`-` is the standard input): its
/// headings and rows, with the separator found from its first line and a byte-order mark
/// passed over. A file over the limits is refused where the reading meets it.
public enum CSVFile {
    public struct Contents: Sendable {
        public var headings: [String]
        public var rows: [[String]]
        public var separator: UInt8

        /// The separator as a person names it.
        public var separatorName: String {
            switch separator {
            case UInt8(ascii: ";"): "semicolons"
            case 0x09: "tabs"
            default: "commas"
            }
        }
    }

    public enum Failure: Error, Sendable, Equatable {
        case missing(path: String)
        case unreadable(path: String, reason: String)
        case noHeadings(path: String)
        case csv(path: String, CSVReader.Failure)
        case tooManyRows(path: String, limit: Int)

        public var message: String {
            switch self {
            case .missing(let path): "there is no file at \(path)"
            case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
            case .noHeadings(let path): "\(path) has no heading row: the first row must name the columns"
            case .tooManyRows(let path, let limit): "\(path) has more than \(limit) rows; import it in parts"
            case .csv(let path, let failure):
                switch failure {
                case .unclosedQuote(let row): "\(path): row \(row) opens a quote that never closes; check that row in a text editor"
                case .fieldTooLong(let row, let limit):
                    "\(path): row \(row) has a cell over \(limit / 1_000) KB, longer than any intake form's answer; nothing was imported"
                case .tooManyFields(let row, let limit): "\(path): row \(row) has more than \(limit) columns; nothing was imported"
                case .notUTF8: "\(path) is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”"
                }
            }
        }
    }

    /// The most bytes a cell may hold: four bytes for each character an intake cell may have.
    public static let longestField = IntakeImport.longestCell * 4
    public static let mostFields = 1_000
    public static let mostRows = 100_000
    /// Cells in all: many columns on many rows are as much as a long sheet.
    static let mostCells = 2_000_000

    public static func read(_ path: String) throws(Failure) -> Contents {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var reader: CSVReader?
        var records: [[String]] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var isFirst = true
        var (cells, counted) = (0, 0)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            var piece = chunk[0..<count]
            if isFirst {
                isFirst = false
                if piece.starts(with: [0xEF, 0xBB, 0xBF]) { piece = piece.dropFirst(3) }
                reader = CSVReader(separator: CSVReader.separator(of: piece), longestField: longestField, mostFields: mostFields)
            }
            do throws(CSVReader.Failure) {
                records += count == 0 ? try reader!.finish() : try reader!.read(piece)
            } catch {
                throw .csv(path: path, error)
            }
            guard records.count <= mostRows + 1 else { throw .tooManyRows(path: path, limit: mostRows) }
            cells += records.dropFirst(counted).reduce(0) { $0 + $1.count }
            counted = records.count
            guard cells <= mostCells else { throw .tooManyRows(path: path, limit: mostRows) }
            if count == 0 { break }
        }
        guard let headings = records.first else { throw .noHeadings(path: path) }
        return Contents(headings: headings, rows: Array(records.dropFirst()), separator: reader?.separator ?? UInt8(ascii: ","))
    }
}
