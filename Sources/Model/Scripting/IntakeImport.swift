/// Turns the rows of an intake spreadsheet (a form's responses, a request list) into new
/// orders. Columns are found by their heading, in the words intake sheets use; a mapping
/// given by the user comes first. A row already imported (the same id in its sheet, or the
/// same title, stakeholder and day received) is not added again.
public struct IntakeImport {
    public enum Field: String, CaseIterable, Sendable {
        case id, title, request, stakeholder, audience, audienceSize, received, due, priority, tags, owners
        case businessProblem, status, arrival, decision, closedOn
        // The other columns of fours's own export, read back into the same values.
        case decisionReason, closingNote, metric, baseline, target, result, hoursSavedPerPerson, valuePeople, costPerHour
        case sourceID, followUpOf, type

        /// Headings this field is found under, compared without case, accents or punctuation.
        var headings: [String] {
            switch self {
            case .id: ["id", "request id", "ticket", "reference", "ref", "row id", "response id", "number"]
            case .title: ["title", "order", "training", "course", "subject", "request title", "training title", "course name",
                          "course title", "training name", "session", "session name", "session title", "program", "programme"]
            case .request: ["request", "description", "details", "what do you need", "need", "what is needed"]
            case .stakeholder: ["stakeholder", "requester", "requested by", "requestor", "sponsor", "contact", "name"]
            case .audience: ["audience", "team", "department", "target audience", "for whom", "who is it for"]
            case .audienceSize: ["audience size", "size", "participants", "headcount", "people", "number of people",
                                 "number of participants"]
            case .received: ["received", "submitted", "date", "created", "timestamp", "request date", "date submitted"]
            case .due: ["due", "due date", "deadline", "needed by", "date needed", "by when"]
            case .priority: ["priority", "urgency"]
            case .tags: ["tags", "tag", "topic", "category", "labels", "keywords"]
            case .owners: ["owners", "owner", "assigned to", "assignee"]
            case .businessProblem: ["business problem", "problem", "business need", "why", "goal", "business goal"]
            case .status: ["status"]
            case .arrival: ["arrival", "arrived as"]
            case .decision: ["decision"]
            case .closedOn: ["closed on", "delivered on"]
            case .decisionReason: ["decision reason", "reason"]
            case .closingNote: ["closing note"]
            case .metric: ["measurement metric", "metric"]
            case .baseline: ["measurement baseline", "baseline"]
            case .target: ["measurement target", "target"]
            case .result: ["measurement result", "result"]
            case .hoursSavedPerPerson: ["value hours saved per person", "hours saved per person"]
            case .valuePeople: ["value people"]
            case .costPerHour: ["value cost per hour", "cost per hour"]
            case .sourceID: ["source id"]
            case .followUpOf: ["followup of", "follow up of"]
            // Not "type" alone: intake forms use it for the format asked for (webinar, e-learning).
            case .type: ["order type", "type of order", "4s type"]
            }
        }
    }

    public enum DateOrder: String, CaseIterable, Sendable {
        case dayFirst = "dmy"
        case monthFirst = "mdy"
    }

    public struct Problem: Sendable, Equatable {
        /// The row's number as a spreadsheet shows it: the headings are row 1.
        public var row: Int
        public var reason: String
    }

    public struct Plan: Sendable {
        public var orders: [TrainingOrder] = []
        public var newStakeholders: [Stakeholder] = []
        /// The order types rows name that the store does not have: added, starting from the store's template.
        public var newTypes: [OrderType] = []
        /// Rows already in the store, by row number.
        public var alreadyThere: [Int] = []
        /// Rows that repeat an earlier row of the file (imported once), with the row they repeat.
        public var repeated: [(row: Int, of: Int)] = []
        public var problems: [Problem] = []

        /// One change: the new types and stakeholders, then the orders, saved together or not at all.
        public var operation: StoreOperation {
            .batch(newTypes.map(OrderType.addition) + newStakeholders.map { .addStakeholder($0) } + orders.map { .addOrder($0) })
        }
    }

    /// Which column holds each field.
    public let columns: [Field: Int]
    /// The fields read as the sheet writes them, spaces and all.
    private static let textFields: Set<Field> = [.title, .request, .audience, .businessProblem, .decisionReason, .closingNote,
                                                  .metric, .baseline, .target, .result]
    /// Which column holds how many steps of each section are done (fours's own export).
    let doneColumns: [ChecklistSection: Int]
    /// A cell longer than this is not an intake form's answer: the row is refused.
    public static let longestCell = 10_000

    /// `mapping` is `column heading: field name` from the user (`--map "Course name=title"`).
    public init(headings: [String], mapping: [String: String] = [:]) throws(IntakeError) {
        let normalized = headings.map(Self.normalize)
        for (index, heading) in normalized.enumerated() where !heading.isEmpty {
            if let earlier = normalized[..<index].firstIndex(of: heading) {
                throw .headings("columns \(earlier + 1) and \(index + 1) are both headed “\(headings[index])”; "
                                + "rename one so that each heading says what its column holds")
            }
        }
        var columns: [Field: Int] = [:]
        for (heading, fieldName) in mapping {
            guard let field = Field.allCases.first(where: { Self.normalize($0.rawValue) == Self.normalize(fieldName) }) else {
                throw .mapping("--map \(heading)=\(fieldName): \(fieldName) is not a field; the fields are "
                                + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let index = normalized.firstIndex(of: Self.normalize(heading)) else {
                throw .mapping("--map \(heading)=\(fieldName): the file has no column “\(heading)”; its columns are "
                                + headings.joined(separator: ", "))
            }
            columns[field] = index
        }
        for field in Field.allCases where columns[field] == nil {
            let taken = Set(columns.values)
            if let index = normalized.indices.first(where: { !taken.contains($0) && field.headings.contains(normalized[$0]) }) {
                columns[field] = index
            }
        }
        // One heading holding a separator: the file is separated by something else.
        let glued = headings.count == 1 && headings[0].contains { $0 == "," || $0 == ";" || $0 == "\t" }
            ? " (the file reads as one column headed “\(headings[0])”: are its columns separated by something "
                + "other than commas, semicolons or tabs?)" : ""
        guard columns[.title] != nil else {
            throw .headings("no column holds the title (headings such as Title, Course or Training); "
                            + "name it with --map \"HEADING=title\"" + glued)
        }
        guard columns[.stakeholder] != nil else {
            throw .headings("no column holds the stakeholder (headings such as Stakeholder or Requester); "
                            + "name it with --map \"HEADING=stakeholder\"" + glued)
        }
        self.columns = columns
        doneColumns = Dictionary(uniqueKeysWithValues: ChecklistSection.allCases.compactMap { section in
            normalized.firstIndex(of: Self.normalize("\(section.title) done")).map { (section, $0) }
        })
    }

    private static func normalize(_ heading: String) -> String {
        heading.folded.filter { $0.isLetter || $0.isNumber || $0 == " " }
            .split(separator: " ").joined(separator: " ")
    }

    /// `now` and `user` tick the steps a sheet counts as done.
    public func plan(rows: [[String]], into document: StoreDocument, now: Timestamp, user: String,
                     dateOrder: DateOrder?) -> Plan {
        let today = CalendarDay.local(at: now)
        var plan = Plan()
        var working = document
        let storedKeys = Set(document.orders.map(Self.key))
        var rowOfKey: [String: Int] = [:]
        for (offset, row) in rows.enumerated() {
            let number = offset + 2
            // A text as the sheet has it (what fours exported comes back as it was); a value
            // that is read (a date, a number, a name) without the spaces around it.
            func cell(_ field: Field) -> String {
                let text = columns[field].flatMap { row.indices.contains($0) ? CSVText.unguarded(row[$0]) : nil } ?? ""
                return Self.textFields.contains(field) ? text : text.trimmingWhitespace
            }
            guard !row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) else { continue }
            do throws(LookupError) {
                for (field, index) in columns where row.indices.contains(index) && row[index].count > Self.longestCell {
                    throw LookupError("the \(field.rawValue) is longer than \(Self.longestCell) characters")
                }
                var order = try makeOrder(cell: cell, in: &working, plan: &plan, today: today, user: user, dateOrder: dateOrder)
                try tickDone(in: &order, row: row, tick: Tick(at: now, by: user))
                let key = Self.key(order)
                if storedKeys.contains(key) {
                    plan.alreadyThere.append(number)
                    continue
                }
                if let first = rowOfKey[key] {
                    plan.repeated.append((number, first))
                    continue
                }
                rowOfKey[key] = number
                working.add(order)
                plan.orders.append(order)
            } catch {
                plan.problems.append(Problem(row: number, reason: error.message))
            }
        }
        return plan
    }

    /// The id of the type a row names; a type the store does not have yet is added, like a
    /// new stakeholder, starting from the store's template.
    private static func type(named name: String, in document: inout StoreDocument, plan: inout Plan) -> String {
        if let id = document.orderTypeID(named: name) { return id }
        let added = OrderType(id: OrderType.newID(for: name, among: document.orderTypes), name: name.trimmingWhitespace,
                              template: document.template)
        document.orderTypes.append(added)
        plan.newTypes.append(added)
        return added.id
    }

    private func makeOrder(cell: (Field) -> String, in document: inout StoreDocument, plan: inout Plan, today: CalendarDay,
                           user: String, dateOrder: DateOrder?) throws(LookupError) -> TrainingOrder {
        let title = cell(.title)
        guard !title.trimmingWhitespace.isEmpty else { throw LookupError("the title is empty") }
        guard title.unicodeScalars.contains(where: Self.isVisible) else {
            throw LookupError("the title has no character that shows (only spaces, control or invisible characters)")
        }
        let name = cell(.stakeholder)
        guard !name.isEmpty else { throw LookupError("the stakeholder is empty") }
        let stakeholder: Stakeholder
        if let known = document.stakeholders.first(where: { $0.name.folded == name.folded || $0.id == name }) {
            stakeholder = known
        } else {
            stakeholder = Stakeholder(id: Stakeholder.newID(for: name, existing: document.stakeholders), name: name)
            document.add(stakeholder)
            plan.newStakeholders.append(stakeholder)
        }
        let received = try Self.day(cell(.received), named: "received", order: dateOrder) ?? today
        var details = OrderDetails(title: title, request: cell(.request), stakeholderID: stakeholder.id,
                                   audience: cell(.audience), received: received,
                                   due: try Self.day(cell(.due), named: "due", order: dateOrder))
        details.priority = try Self.priority(cell(.priority))
        details.tags = cell(.tags).listItems(separatedBy: ",;")
        let owners = cell(.owners).listItems(separatedBy: ",;")
        details.owners = owners.isEmpty && columns[.owners] == nil ? [user] : owners
        details.businessProblem = cell(.businessProblem)
        // fours's own export has the order's number and its sheet's id apart; another sheet's id is its own.
        details.sourceID = columns[.sourceID] == nil ? cell(.id) : cell(.sourceID)
        if !cell(.followUpOf).isEmpty {
            guard let origin = Int(cell(.followUpOf).trimmingPrefix("#")), origin > 0 else {
                throw LookupError("follow-up of “\(cell(.followUpOf))” is not an order's number")
            }
            details.followUpOf = origin
        }
        details.type = Self.type(named: cell(.type), in: &document, plan: &plan)
        details.decisionReason = cell(.decisionReason)
        details.closingNote = cell(.closingNote)
        details.measurement = Measurement(metric: cell(.metric), baseline: cell(.baseline), target: cell(.target),
                                          result: cell(.result))
        details.value = ValueEstimate(hoursSavedPerPerson: try Self.number(cell(.hoursSavedPerPerson), named: "hours saved per person",
                                                                           in: NumberLimits.hoursSavedPerPerson),
                                      people: try Self.number(cell(.valuePeople), named: "people",
                                                              in: Double(NumberLimits.people.lowerBound)...Double(NumberLimits.people.upperBound))
                                          .map { Int($0) },
                                      costPerHour: try Self.number(cell(.costPerHour), named: "cost per hour", in: NumberLimits.costPerHour))
        if !cell(.audienceSize).isEmpty {
            guard let size = Int(cell(.audienceSize).filter { $0 != "," && $0 != " " }), NumberLimits.people.contains(size) else {
                throw LookupError("audience size “\(cell(.audienceSize))” is not a whole number \(NumberLimits.describe(NumberLimits.people))")
            }
            details.audienceSize = size
        }
        details.status = try Self.oneOf(cell(.status), named: "status", default: .new)
        details.arrival = try Self.oneOf(cell(.arrival), named: "arrival", default: .transactionalRequest)
        if !cell(.decision).isEmpty { details.decision = try Self.oneOf(cell(.decision), named: "decision", default: .accepted) }
        details.closedOn = try Self.day(cell(.closedOn), named: "closed on", order: dateOrder)
        // The number fours's own export gives it, while it is free; else the next one.
        let number = columns[.sourceID] == nil ? nil : Int(cell(.id)).flatMap { $0 > 0 && document.order(id: $0) == nil ? $0 : nil }
        return TrainingOrder(id: number ?? document.nextOrderID, details: details, checklist: document.newChecklist(ofType: details.type))
    }

    /// Ticks the first steps of each section, as many as the sheet counts done.
    private func tickDone(in order: inout TrainingOrder, row: [String], tick: Tick) throws(LookupError) {
        for (section, index) in doneColumns where row.indices.contains(index) {
            let text = row[index].trimmingWhitespace
            guard !text.isEmpty else { continue }
            guard let done = Int(text), done >= 0 else {
                throw LookupError("“\(text)” done in \(section.title) is not a whole number")
            }
            for step in order.checklist[section].indices.prefix(done) { order.checklist[section][step].tick = tick }
        }
    }

    private static func number(_ text: String, named name: String, in range: ClosedRange<Double>) throws(LookupError) -> Double? {
        guard !text.isEmpty else { return nil }
        guard let value = Double(text.filter { $0 != "," && $0 != " " }), range.contains(value) else {
            throw LookupError("\(name) “\(text)” is not a number \(NumberLimits.describe(range))")
        }
        return value
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
            false
        default:
            !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The same order imported twice has the same key: its sheet's id, else its title,
    /// stakeholder and day received.
    private static func key(_ order: TrainingOrder) -> String {
        order.sourceID.isEmpty ? "\(order.title.folded)\u{1F}\(order.stakeholderID)\u{1F}\(order.received)"
            : "id\u{1F}\(order.sourceID)"
    }

    private static func priority(_ text: String) throws(LookupError) -> Priority {
        let value = text.folded
        if value.isEmpty || value == "normal" || value == "medium" { return .medium }
        if value.contains("high") || value.contains("urgent") || value.contains("asap") { return .high }
        if value.contains("low") { return .low }
        throw LookupError("priority “\(text)” is not high, medium or low")
    }

    private static func oneOf<Value: RawRepresentable & CaseIterable>(_ text: String, named name: String,
                                                                      default fallback: Value) throws(LookupError) -> Value
        where Value.RawValue == String {
        guard !text.isEmpty else { return fallback }
        let wanted = normalize(text).filter { $0 != " " }
        guard let value = Value.allCases.first(where: { normalize($0.rawValue).filter { $0 != " " } == wanted }) else {
            throw LookupError("\(name) “\(text)” is not one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// 2026-11-25 (a time after it is left out), 25/11/2026, 25.11.26, 11/25/2026.
    public static func day(_ text: String, named name: String, order: DateOrder?) throws(LookupError) -> CalendarDay? {
        guard !text.isEmpty else { return nil }
        let datePart = String(text.prefix { $0 != " " && $0 != "T" })
        if datePart.count == 10, let day = CalendarDay(iso: datePart.replacing("/", with: "-")) { return day }
        let pieces = datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        let parts = pieces.map { Int($0) }
        guard parts.count == 3, let first = parts[0], let second = parts[1], var year = parts[2] else {
            throw LookupError("\(name) “\(text)” is not a date; write 2026-11-25, 25/11/2026 or 11/25/2026")
        }
        // Year first (2026-13-01): the month is second, whatever the order of the others.
        if pieces[0].count == 4 {
            guard let day = CalendarDay(year: first, month: second, day: year) else {
                throw LookupError("\(name) “\(text)” is not a day of the calendar (year, month, day)")
            }
            return day
        }
        if year < 100 { year += 2000 }
        let dayFirst: Bool
        switch (order, first > 12, second > 12) {
        case (_, true, false): dayFirst = true
        case (_, false, true): dayFirst = false
        case (.dayFirst?, _, _): dayFirst = true
        case (.monthFirst?, _, _): dayFirst = false
        case (nil, _, _):
            guard first != second else {
                dayFirst = true
                break
            }
            throw LookupError("\(name) “\(text)” could be day first or month first; say which with --date-format dmy or mdy")
        }
        guard let day = CalendarDay(year: year, month: dayFirst ? second : first, day: dayFirst ? first : second) else {
            throw LookupError("\(name) “\(text)” is not a day of the calendar")
        }
        return day
    }
}

/// Why an intake sheet cannot be imported as it is.
public enum IntakeError: Error, Sendable, Equatable {
    /// The headings do not say where a needed field is, or say it twice.
    case headings(String)
    /// A `--map` that names no field or no column: the command line is wrong.
    case mapping(String)

    public var message: String {
        switch self {
        case .headings(let text), .mapping(let text): text
        }
    }
}
