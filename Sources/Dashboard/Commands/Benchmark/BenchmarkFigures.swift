import Model

/// The timings of one program in the benchmark, and how they are printed.
struct BenchmarkFigures {
    /// What a column times: the floor, fours, or a peer's commands on as many items.
    enum Program: Equatable {
        case floor, fours, peer
    }

    let name: String
    let program: Program
    /// How many orders (or a peer's tasks) it worked on.
    let items: Int?
    var fileMB: Double?
    var peakKB: Int?
    private(set) var samples: [String: [Double]] = [:]

    init(name: String, program: Program, items: Int? = nil) {
        self.name = name
        self.program = program
        self.items = items
    }

    /// What the table shows, in order: the figure's name and whether it has a p99.
    static let rows: [(name: String, withP99: Bool)] = [
        ("first frame", false), ("first frame, file new here", false), ("move", true), ("tick", true), ("first tick + save", false), ("tick + save", true),
        ("search letter", true), ("search backspace", true), ("view switch", true), ("open a form", true), ("reload", false), ("quit", false),
        // Commands, from exec to exit: what a script waits for.
        ("command: list", true), ("command: show", true), ("command: note", true), ("command: tick", true), ("completion", true),
    ]

    /// The rows a peer's commands fill too; fours's figures there read as a ratio to the peer's.
    static let commandRows: Set<String> = ["command: list", "command: show", "command: note", "command: tick", "completion"]

    mutating func record(_ name: String, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        samples[name, default: []].append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    func percentile(_ name: String, _ fraction: Double) -> Double? {
        guard let values = samples[name]?.sorted(), !values.isEmpty else { return nil }
        return values[min(values.count - 1, Int((Double(values.count - 1) * fraction).rounded()))]
    }

    static func table(_ columns: [BenchmarkFigures]) -> String {
        let floor = columns.first { $0.program == .floor }
        var lines = [pad("200x50, ms (median; p99)", 26) + columns.map { pad($0.name, 22, right: true) }.joined()]
        lines.append(pad("store file", 26) + columns.map { pad($0.fileMB.map { "\(format($0)) MB" } ?? "-", 22, right: true) }.joined())
        for row in rows {
            let cells = columns.map { column -> String in
                guard let median = column.percentile(row.name, 0.5) else { return pad("-", 22, right: true) }
                var text = format(median)
                if row.withP99, let p99 = column.percentile(row.name, 0.99) { text += "; \(format(p99))" }
                let peer = columns.first { $0.program == .peer && $0.items == column.items }
                if column.program == .fours, let base = (commandRows.contains(row.name) ? peer : floor)?.percentile(row.name, 0.5), base > 0 {
                    text += " (\(format(median / base))x)"
                }
                return pad(text, 22, right: true)
            }
            lines.append(pad(row.name, 26) + cells.joined())
        }
        lines.append(pad("peak memory", 26) + columns.map { pad($0.peakKB.map { "\($0 / 1024) MB" } ?? "-", 22, right: true) }.joined())
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ columns: [BenchmarkFigures]) -> String {
        let value = JSONValue.array(columns.map { column in
            var object = JSONObject(["name": .string(column.name)])
            object["fileMB"] = column.fileMB.map { .number(($0 * 10).rounded() / 10) }
            object["peakMB"] = column.peakKB.map { .number(Double($0 / 1024)) }
            for row in rows {
                guard let median = column.percentile(row.name, 0.5) else { continue }
                var figure = JSONObject(["p50": .number((median * 100).rounded() / 100)])
                if row.withP99 { figure["p99"] = column.percentile(row.name, 0.99).map { .number(($0 * 100).rounded() / 100) } }
                object[row.name] = .object(figure)
            }
            return .object(object)
        })
        return String(decoding: JSONWriter.bytes(for: value), as: UTF8.self)
    }

    private static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
