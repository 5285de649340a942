import ArgumentParser
import Model

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: "fours",
        abstract: "Export orders, stakeholders or steps as CSV (for spreadsheets), Markdown or JSON.",
        discussion: """
            CSV follows RFC 4180 and starts with the byte-order mark spreadsheet programs need to read \
            accents (--no-bom leaves it out); a text that a spreadsheet would run as a formula starts \
            with an apostrophe. Examples:
              fours export --out orders.csv
              fours export --stakeholders --format markdown
              fours export --steps --format json | jq '.[] | select(.done)'
            """
    )

    enum What: String, EnumerableFlag {
        case orders, stakeholders, steps
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, markdown, json
    }

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "What to export: orders (the default), stakeholders, or every order's steps.") var what: What = .orders
    @Option(help: "csv (the default), markdown or json.") var format: Format = .csv
    @Flag(help: "Leave out the byte-order mark at the start of a CSV file.") var noBom = false
    @Option(help: ArgumentHelp("Write here instead of the standard output.", valueName: "file")) var out: String?

    func run() throws {
        let document = try ScriptStore(storeOptions, forChanges: false).document
        let (columns, rows, json): ([String], [[String]], JSONValue) = switch what {
        case .orders:
            (OrderExchange.orderColumns, document.orders.map { OrderExchange.orderRow($0, in: document) },
             .array(document.orders.map { OrderExchange.json($0, in: document, withRecord: true) }))
        case .stakeholders:
            Self.stakeholders(of: document)
        case .steps:
            (OrderExchange.stepColumns, document.orders.flatMap(OrderExchange.stepRows),
             .array(document.orders.flatMap { OrderExchange.steps(of: $0, withOrder: true) }))
        }
        let bytes: [UInt8] = switch format {
        case .csv: CSVText.encode(columns: columns, rows: rows, byteOrderMark: !noBom)
        case .markdown: Array(MarkdownTable.text(columns: columns, rows: rows).utf8)
        case .json: JSONWriter.bytes(for: json)
        }
        try ScriptOutput.deliver(bytes, to: out, notOver: storeOptions.path, what: "\(rows.count) \(what.rawValue)")
    }

    /// The stakeholders' columns, rows and JSON, their orders counted once for all rows.
    private static func stakeholders(of document: StoreDocument) -> ([String], [[String]], JSONValue) {
        let counts = StakeholderOrderCounts(document)
        return (OrderExchange.stakeholderColumns, document.stakeholders.map { OrderExchange.stakeholderRow($0, counts: counts) },
                .array(document.stakeholders.map { OrderExchange.json($0, counts: counts, withRecord: true) }))
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", _superCommandName: "fours",
        abstract: "Add the orders of an intake sheet saved as CSV, or of a JSON export or another store.",
        discussion: """
            CSV: the first row holds the headings, separated by commas, semicolons or tabs. Columns are \
            found by their heading: title (course name, training, session), request (description), \
            stakeholder (requester), audience (team, department), audience size (participants), received \
            (submitted, timestamp), due (deadline, needed by), priority (urgency), tags (topic), owners \
            (assigned to), business problem (goal), id (request id, reference: the row's own id, so that \
            importing the same file again adds nothing twice; without one, title, stakeholder and day \
            received tell), and every column fours export writes. --map names any other heading. Dates \
            may be 2026-11-25, 25/11/2026 or 11/25/2026 (--date-format says which when a date could be \
            either). Nothing is saved unless every row reads; the rows that do not are listed. \
            JSON: fours export --format json, or a whole store file: every order whole, with its \
            stakeholder; an order takes a new number where the store has that one. - reads the \
            standard input. Examples:
              fours import requests.csv --map "Course name=title" --date-format dmy --dry-run
              fours export --format json --store other-team.json | fours import - --format json
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The CSV or JSON file (UTF-8; a byte-order mark is fine); - for the standard input.",
                                 valueName: "file")) var file: String
    @Option(help: ArgumentHelp("A column's heading and the field it holds, as \"Course name=title\".", valueName: "heading=field"))
    var map: [String] = []
    @Option(help: "dmy (25/11/2026) or mdy (11/25/2026), for dates that could be either.")
    var dateFormat: IntakeImport.DateOrder?
    @Flag(help: "Print what would be added, and save nothing.") var dryRun = false
    @Option(help: "csv or json; by default json for a .json file or one that starts as JSON, csv otherwise.")
    var format: ExportCommand.Format?

    func run() throws {
        if format == .json || format == nil && Self.looksLikeJSON(file) { return try importJSON() }
        if format == .markdown { throw ValidationError("--format markdown cannot be imported; use csv or json") }
        var mapping: [String: String] = [:]
        for entry in map {
            guard let equals = entry.lastIndex(of: "=") else {
                throw ValidationError("--map \(entry): write the heading, =, and the field, as \"Course name=title\"")
            }
            mapping[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        let sheet: CSVFile.Contents
        do { sheet = try CSVFile.read(file) } catch { throw CommandFailure.report(error.message) }
        let intake: IntakeImport
        do { intake = try IntakeImport(headings: sheet.headings, mapping: mapping) } catch {
            if case .mapping(let message) = error { throw ValidationError(message) }
            throw CommandFailure.report("\(file): \(error.message)")
        }
        let opened = try ScriptStore(storeOptions, forChanges: true, readOnly: dryRun)
        let plan = intake.plan(rows: sheet.rows, into: opened.document, now: ProcessSetup.clock.now(), user: opened.user,
                               dateOrder: dateFormat)
        guard plan.problems.isEmpty else {
            for problem in plan.problems { FileHandleOutput.standardError(TerminalSafety.visible("\(file): row \(problem.row): \(problem.reason)") + "\n") }
            throw CommandFailure.report("\(Counted(plan.problems.count, "row")) of \(file) could not be read; nothing was imported")
        }
        for (row, first) in plan.repeated {
            FileHandleOutput.standardError("fours: \(file): row \(row) repeats row \(first); it is imported once\n")
        }
        if dryRun { for order in plan.orders { print(TerminalSafety.visible("would add #\(order.id) “\(order.title)”")) } }
        // A new stakeholder or type is saved with the orders that name them, never alone.
        try save(plan.orders.isEmpty ? nil : plan.operation, orders: plan.orders.count,
                 newStakeholders: plan.newStakeholders.count, newTypes: plan.newTypes.count, alreadyThere: Counted(plan.alreadyThere.count, "row"), in: opened)
    }

    /// Saves what an import adds (nil: nothing to save), unless it is a dry run, and says
    /// what it added (or would).
    private func save(_ operation: StoreOperation?, orders: Int, newStakeholders: Int, newTypes: Int, alreadyThere: Counted,
                      in opened: ScriptStore) throws {
        let again = alreadyThere.count == 0 ? "" : "; \(alreadyThere) \(alreadyThere.count == 1 ? "was" : "were") there already"
        let parts = ["\(Counted(orders, "order"))"] + (newStakeholders == 0 ? [] : ["\(Counted(newStakeholders, "new stakeholder"))"])
            + (newTypes == 0 ? [] : ["\(Counted(newTypes, "new order type"))"])
        let what = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        if dryRun {
            print("Would import \(what)\(again); nothing was saved.")
            return
        }
        if let operation { try opened.apply(operation) }
        print("Imported \(what) from \(file)\(again).")
    }

    /// A store file or fours's JSON export: every order whole, numbers kept where free.
    private func importJSON() throws {
        let json: JSONValue
        do {
            guard let bytes = try UserFile.read(file) else { throw CommandFailure.report("there is no file at \(file)") }
            json = try JSONReader.parse(Array(bytes.drop(while: Self.isLeading)))
        } catch let error as StoreError {
            throw CommandFailure.report(error.message)
        } catch let error as JSONSyntaxError {
            throw CommandFailure.report("\(file):\(error.position): \(error.problem)")
        }
        let incoming: StoreDocument
        do { incoming = try OrderTransfer.incoming(json) } catch {
            throw CommandFailure.report("\(file) cannot be imported: \(error.message)")
        }
        let opened = try ScriptStore(storeOptions, forChanges: true, readOnly: dryRun)
        let plan = OrderTransfer.plan(incoming, into: opened.document)
        for (from, to) in plan.renumbered { print("#\(from) is #\(to) here: the store had a #\(from) already") }
        for (from, to) in plan.stakeholdersRenamed { print(TerminalSafety.visible("\(from) is \(to) here: the store has another \(from)")) }
        // An export of stakeholders alone adds stakeholders alone.
        try save(plan.orders.isEmpty && plan.newStakeholders.isEmpty ? nil : plan.operation, orders: plan.orders.count,
                 newStakeholders: plan.newStakeholders.count, newTypes: plan.newTypes.count, alreadyThere: Counted(plan.alreadyThere.count, "order"), in: opened)
    }

    /// A `.json` file, or one whose first character opens a JSON list or object.
    private static func looksLikeJSON(_ path: String) -> Bool {
        if path.hasSuffix(".json") { return true }
        guard path != "-", let bytes = UserFile.start(of: path, count: 4_096) else { return false }
        return bytes.first { !isLeading($0) }.map { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") } ?? false
    }

    /// A byte before a JSON text's first character: a byte-order mark's, or white space.
    private static func isLeading(_ byte: UInt8) -> Bool {
        [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains(byte)
    }
}

