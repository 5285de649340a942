/// Maps the store document to and from the JSON tree. Each value starts from the object it
/// was read from, so members this version does not know are written back unchanged.
extension StoreDocument {
    /// What reading a document found: the document as far as it could be read, and every
    /// problem, in file order.
    public struct Reading: Sendable {
        public var document: StoreDocument
        public var problems: [StoreValidationError]
        /// The schema version the file declares, when it declares one.
        public var schemaVersion: Int?
        /// Where each order's text is in the file: a save copies an unchanged order's text
        /// from the file as it is, instead of encoding it anew. Digested when read a window
        /// at a time (but when a big store opens: later) or known from a file read before;
        /// empty ranges for a document read from a JSON value.
        var orderTexts: [Int: StoredText] = [:]
        /// The checklists left to read later, by order id: those orders' checklists are
        /// empty in `document` till then.
        var laterChecklists: [Int: JSONText] = [:]
        /// The orders left to read whole later, by id: `document` holds their sketches
        /// (`OrderSketch`) till then.
        var laterOrders: [Int: JSONText] = [:]
        /// The file's line ends and byte-order mark, which a save keeps.
        var style = FileStyle()
        /// The orders not read, when only some were wanted.
        var unreadOrders: UnreadOrders?
        /// Where the texts of those orders are in the file, by id.
        var unreadTexts: [Int: StoredText] = [:]

        /// Written by a newer fours: readable, but must never be written back.
        public var isNewerVersion: Bool { (schemaVersion ?? 0) > StoreDocument.currentSchemaVersion }
    }

    /// Reads a document, failing with the first problem.
    public init(json: JSONValue) throws(StoreValidationError) {
        let reading = Self.read(json)
        if let first = reading.problems.first { throw first }
        self = reading.document
    }

    public static func read(_ json: JSONValue) -> Reading {
        read(root: json, orders: nil, log: ProblemLog())
    }

    /// Parses and reads a store file. `known` holds the orders of a file read before, by
    /// their text: an order whose text has not changed is taken as it was, without being
    /// parsed again (another person's tick changes one order of ten thousand).
    ///
    /// The orders are found by their brackets first and then parsed on every core; a file
    /// that does not read that way (a syntax error, an order that is not an object) is read
    /// again in one pass, which reports its first problem in file order.
    static func read(bytes: [UInt8], known: KnownOrders? = nil) throws(JSONSyntaxError) -> Reading {
        var reading: Reading
        if let inParallel = readInParallel(bytes: bytes, known: known) { reading = inParallel } else {
            reading = try readInOnePass(bytes: bytes, known: known)
        }
        reading.style = FileStyle(of: bytes)
        return reading
    }

    /// Each order is read as soon as its text is parsed, and its parsed text let go: a big
    /// store never sits in memory twice.
    private static func readInOnePass(bytes: [UInt8], known: KnownOrders?) throws(JSONSyntaxError) -> Reading {
        let log = ProblemLog()
        let orders = OrderList(log: log)
        let reuse: ((Range<Int>, Int, SourcePosition) -> Bool)? = known.map { known in { range, index, position in
            let text = StoredText(bytes, range: range)
            guard let order = known.order(withText: text, at: index) else { return false }
            orders.take(order, text: text, index: index, position: position)
            return true
        } }
        let json = try JSONReader.parse(bytes, streaming: "orders", reuse: reuse) { element, index, position in
            orders.read(element, index: index, listPosition: position)
        }
        return read(root: json, orders: orders, log: log)
    }

    /// Nil when the file must be read in one pass instead.
    private static func readInParallel(bytes: [UInt8], known: KnownOrders?) -> Reading? {
        var pieces: [OrderPiece] = []
        var allSkimmed = true
        let json: JSONValue
        do {
            json = try JSONReader.parse(bytes, streaming: "orders", reuse: { range, index, position in
                // Digested here only to be looked up; the store digests the rest.
                let text = known.map { _ in StoredText(bytes, range: range) }
                let order = text.flatMap { known?.order(withText: $0, at: index) }
                pieces.append(OrderPiece(range: range, index: index, position: position, known: order, digest: text?.digest))
                return true
            }, element: { _, _, _ in allSkimmed = false })
        } catch {
            return nil
        }
        guard allSkimmed, var decoded = OrderPiece.decode(pieces, in: bytes) else { return nil }
        return read(root: json, pieces: &pieces, decoded: &decoded)
    }

    /// Reads a store file a window at a time, so that it is never in memory whole: its
    /// outline first (where the orders are, and the rest of the file), then the orders, a
    /// window of them at a time on every core. Known orders are found by the digests of
    /// their texts. With `checklistsLater`, the checklists of orders as fours writes them
    /// are only found, not read (a big store's first screen needs few of them), and the
    /// new orders are not digested.
    ///
    /// Nil when the file must be read whole instead: it cannot be outlined, it has a
    /// problem (read whole, each problem gets its exact place), or it changed meanwhile.
    static func read(file: OpenedFile, known: KnownOrders?, checklistsLater: Bool) -> Reading? {
        guard let (outline, json) = outlined(file) else { return nil }
        var pieces = outline.orders.enumerated().map { index, place in
            OrderPiece(range: place.range, index: index, position: place.position)
        }
        if let known {
            guard let digests = FileWindows.map(pieces.map(\.range), in: file, { bytes, range, _ in
                StoredText.digest(of: bytes[range])
            }) else { return nil }
            for index in pieces.indices {
                pieces[index].digest = digests[index]
                pieces[index].known = known.order(withText: StoredText(range: pieces[index].range, digest: digests[index]), at: index)
            }
        }
        let toParse = pieces.indices.filter { pieces[$0].known == nil }
        // All of them, when none is known: not copied into a list of their own.
        let parsing = toParse.count == pieces.count ? pieces : toParse.map { pieces[$0] }
        guard var decoded = decode(parsing, in: file, checklistsLater: checklistsLater, digesting: !checklistsLater) else { return nil }
        if toParse.count < pieces.count {
            let parsed = decoded
            decoded = [OrderPiece.Decoding](repeating: OrderPiece.Decoding(), count: pieces.count)
            for (index, decoding) in zip(toParse, parsed) { decoded[index] = decoding }
        }
        let style = outline.style
        var reading = read(root: json, pieces: &pieces, decoded: &decoded)
        guard reading.problems.isEmpty, file.holdsSameText else { return nil }
        reading.style = style
        return reading
    }

    /// Reads the document with each order as its sketch (`OrderSketch`), found by the
    /// outline alone; the orders are left to read whole later (`laterOrders`), so that a big
    /// store's queue is on screen before they are parsed. Only for a file known to read as
    /// a whole (`SyncVersions.isKnownSound`). Nil when the file must be read otherwise: it
    /// cannot be outlined, an order has no sketch, two orders have one id, or the file
    /// changed meanwhile.
    static func sketched(file: OpenedFile) -> Reading? {
        guard let (outline, json) = outlined(file, sketching: true) else { return nil }
        let places = outline.orders
        let sketches = outline.sketches.compactMap { $0 }
        guard sketches.count == places.count, Set(sketches.map(\.id)).count == sketches.count else { return nil }
        let log = ProblemLog()
        var reading = read(root: json, orders: OrderList(log: log), log: log)
        guard reading.problems.isEmpty, file.holdsSameText else { return nil }
        reading.document.replaceOrders(with: sketches)
        for (order, place) in zip(sketches, places) {
            reading.orderTexts[order.id] = StoredText(range: place.range, digest: nil)
            reading.laterOrders[order.id] = JSONText(range: place.range, position: place.position, depth: orderDepth)
        }
        reading.style = outline.style
        return reading
    }

    /// Reads the document with only the orders `wanted`, for a command that needs no
    /// others; the rest stay unread, as their places in the file (`unreadOrders`), and are
    /// trusted to read: only for a file known to read as a whole (`SyncVersions.isKnownSound`).
    /// The orders are found where `places` says, when this machine recorded them, else by
    /// reading the file's outline, with the order each follows up (to be recorded for the
    /// next command). Nil when the file must be read whole instead: it cannot be outlined,
    /// an order's id or status is not where fours writes it, two orders have one id, or
    /// the file changed meanwhile.
    static func read(file: OpenedFile, only wanted: WantedOrders, places: OrderPlaces? = nil) -> Reading? {
        guard let (outline, json) = outlined(file, findingFollowUps: true, places: places) else { return nil }
        let ids = outline.orders.compactMap(\.id)
        guard ids.count == outline.orders.count, Set(ids).count == ids.count,
              outline.orders.allSatisfy({ $0.isOpen != nil }) else { return nil }
        let isWanted = wanted.chosen(among: outline.orders)
        var pieces = outline.orders.enumerated().filter { isWanted[$0.offset] }.map { index, place in
            OrderPiece(range: place.range, index: index, position: place.position)
        }
        let unreadCount = ids.count - pieces.count
        guard var decoded = decode(pieces, in: file, checklistsLater: false, digesting: false) else { return nil }
        var reading = read(root: json, pieces: &pieces, decoded: &decoded)
        guard reading.problems.isEmpty, file.holdsSameText else { return nil }
        reading.style = outline.style
        var unread = [Int: StoredText](minimumCapacity: unreadCount)
        for (index, (id, place)) in zip(ids, outline.orders).enumerated() where !isWanted[index] {
            unread[id] = StoredText(range: place.range, digest: nil)
        }
        reading.unreadTexts = unread
        reading.unreadOrders = UnreadOrders(ids: ids, unreadOpen: zip(isWanted, outline.orders).map { $0 ? nil : $1.isOpen },
                                            followUps: outline.orders.map(\.followUpOf),
                                            followsPrevious: outline.orders.map(\.followsPrevious))
        return reading
    }

    /// The file's outline and its top-level object without the orders; nil when it has no
    /// outline, or the orders were not cut out of the top-level list alone.
    private static func outlined(_ file: OpenedFile, findingFollowUps: Bool = false, sketching: Bool = false,
                                 places: OrderPlaces? = nil) -> (FileOutline, JSONValue)? {
        let outline: FileOutline?
        if let places, let known = try? FileOutline(file, places: places) {
            outline = known
        } else {
            outline = try? FileOutline(file, findingFollowUps: findingFollowUps, sketching: sketching)
        }
        guard let outline else { return nil }
        // The orders were cut from the top-level list of orders: the one object left there
        // is the only one the reader finds in it.
        var found: [Int] = []
        guard let json = try? JSONReader.parse(outline.skeleton, streaming: "orders", reuse: { range, _, _ in
            found.append(range.lowerBound)
            return true
        }, element: { _, _, _ in found.append(-1) }), found == [outline.sentinel] else { return nil }
        return (outline, json)
    }

    /// The orders of these pieces, read from the file a window at a time on every core.
    private static func decode(_ pieces: [OrderPiece], in file: OpenedFile, checklistsLater: Bool,
                               digesting: Bool) -> [OrderPiece.Decoding]? {
        FileWindows.map(pieces.map(\.range), in: file) { bytes, range, index in
            pieces[index].decode(window: bytes, at: range, checklistLater: checklistsLater, digesting: digesting)
        }
    }

    /// Reads the document from its top-level object and its orders, each found as a piece
    /// of text and decoded (known pieces need no decoding). The pieces and decodings are
    /// let go once their orders are gathered: a big store's document is made without them.
    private static func read(root json: JSONValue, pieces: inout [OrderPiece], decoded: inout [OrderPiece.Decoding]) -> Reading {
        let log = ProblemLog()
        let orders = OrderList(log: log, count: pieces.count)
        for (piece, decoding) in zip(pieces, decoded) {
            if let order = piece.known {
                orders.take(order, text: StoredText(range: piece.range, digest: piece.digest), index: piece.index, position: piece.position)
                continue
            }
            decoding.problems.forEach(log.record)
            if let read = decoding.order { orders.add(read) }
        }
        pieces = []
        decoded = []
        var reading = read(root: json, orders: orders, log: log)
        reading.laterChecklists = orders.laterChecklists
        return reading
    }

    /// Reads the document; its orders from `orders` when they were read while parsing.
    private static func read(root json: JSONValue, orders streamed: OrderList?, log: ProblemLog) -> Reading {
        guard let root = FieldReader(json, path: "", parentPosition: SourcePosition(line: 1, column: 1), log: log) else {
            return Reading(document: StoreDocument(), problems: log.problems, schemaVersion: nil)
        }
        let version = root.required("schemaVersion", root.integer)
        if let version, version < 1 { root.report("schemaVersion", "must be 1 or more, found \(version)") }

        var template = Checklist.standardTemplate
        if root.value("template") != nil {
            template = Checklist(root, key: "template").unticked
        }
        var orderTypes: [OrderType] = []
        for (_, reader) in root.objects("orderTypes") {
            guard let type = OrderType(reader) else { continue }
            guard !orderTypes.contains(where: { $0.id == type.id }) else {
                reader.report("id", "another order type already has the id \"\(type.id)\"")
                continue
            }
            orderTypes.append(type)
        }
        var stakeholders: [Stakeholder] = []
        var stakeholderIDs = Set<String>()
        for (_, reader) in root.objects("stakeholders") {
            guard let stakeholder = Stakeholder(reader) else { continue }
            guard stakeholderIDs.insert(stakeholder.id).inserted else {
                reader.report("id", "another stakeholder already has the id \"\(stakeholder.id)\"")
                continue
            }
            stakeholders.append(stakeholder)
        }
        let orders = streamed ?? OrderList(log: log)
        for (index, reader) in root.objects("orders") { orders.read(reader, index: index) }
        orders.checkStakeholders(stakeholderIDs)
        var document = StoreDocument(name: root.string("name") ?? "L&D orders", template: template,
                                     orders: orders.orders, stakeholders: stakeholders)
        document.orderTypes = orderTypes
        document.settings = root.nested("settings", StoreSettings.init) ?? StoreSettings()
        document.conflicts = root.objects("conflicts").compactMap { MergeConflict($0.reader) }
        document.activity = root.objects("activity").compactMap { ActivityEntry($0.reader) }
        document.lineage = StoreLineage(storeID: root.string("storeID"), revisions: root.strings("revisions").compactMap { text in
            guard let revision = Revision(text: text) else {
                root.report("revisions", "\"\(text)\" is not a save: a moment and an id, such as \"2026-12-07T08:00:00Z 3f9a0c1d\"")
                return nil
            }
            return revision
        })
        document.preserved.object = root.unread
        let problems = log.problems.sorted { ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0) }
        var reading = Reading(document: document, problems: problems, schemaVersion: version, orderTexts: orders.texts)
        if reading.isNewerVersion, let version {
            // Report only this: the other "problems" are likely fields the newer version added.
            reading.problems = [StoreValidationError(
                path: "schemaVersion", position: root.position(of: "schemaVersion"),
                problem: "this file was written by a newer fours (schema \(version)); "
                    + "this version reads schema \(currentSchemaVersion). Update fours to change it")]
        }
        return reading
    }

    public var json: JSONValue {
        json(orders: orders.map(\.json), stakeholders: .array(stakeholders.map(\.json)), activity: .array(activity.map(\.json)))
    }

    /// The document's JSON, with the orders' and the lists' JSON as given: a save passes
    /// text it wrote before for the orders that did not change (and for those it did not
    /// read), and the text of the stakeholders and activity it made before.
    func json(orders: [JSONValue], stakeholders: JSONValue, activity: JSONValue) -> JSONValue {
        var object = preserved.object
        object["schemaVersion"] = .number(Double(Self.currentSchemaVersion))
        object["name"] = .string(name)
        object["template"] = template.json
        object.set("orderTypes", orderTypes.isEmpty ? nil : .array(orderTypes.map(\.json)))
        object.set("settings", settings.isEmpty ? nil : settings.json)
        object.set("conflicts", conflicts.isEmpty ? nil : .array(conflicts.map(\.json)))
        object.set("activity", self.activity.isEmpty ? nil : activity)
        object.set("storeID", lineage.storeID.map(JSONValue.string))
        object.set("revisions", lineage.revisions.isEmpty ? nil : .array(lineage.revisions.map { .string($0.description) }))
        object["stakeholders"] = stakeholders
        object["orders"] = .array(orders)
        return .object(object)
    }

    /// How deep a list sits in the file: under the top-level object.
    static let listDepth = 1
    /// How deep an order sits in the file: in the list under the top-level object.
    static let orderDepth = listDepth + 1
}

extension OrderType {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.string)
        let name = reader.required("name", reader.string)
        let template = Checklist(reader, key: "template").unticked
        guard let id, let name else { return nil }
        self.init(id: id, name: name, template: template)
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        object["name"] = .string(name)
        object["template"] = template.json
        return .object(object)
    }
}

/// One order as read from its text, with the places the checks across orders point at.
struct ReadOrder: Sendable {
    var order: TrainingOrder
    var range: Range<Int>
    /// The digest of the order's text, when it was taken (to know the order again, or as
    /// the order was read).
    var digest: Int?
    /// The checklist's text, when it is left to read later (the order's checklist is empty till then).
    var checklistText: JSONText?
    var idPlace: FieldPlace
    var stakeholderPlace: FieldPlace

    init?(_ reader: FieldReader, index: Int) {
        guard let order = TrainingOrder(reader) else { return nil }
        self.order = order
        range = reader.byteRange ?? 0..<0
        idPlace = FieldPlace(order: index, member: .id, position: reader.position(of: "id"))
        stakeholderPlace = FieldPlace(order: index, member: .stakeholder, position: reader.position(of: "stakeholder"))
    }

    init(order: TrainingOrder, range: Range<Int>, idPlace: FieldPlace, stakeholderPlace: FieldPlace) {
        self.order = order
        self.range = range
        self.idPlace = idPlace
        self.stakeholderPlace = stakeholderPlace
    }

    /// An order known from a file read before, at the place its text starts.
    init(known order: TrainingOrder, text: StoredText, index: Int, position: SourcePosition) {
        self.order = order
        range = text.range
        digest = text.digest
        idPlace = FieldPlace(order: index, member: .id, position: position)
        stakeholderPlace = FieldPlace(order: index, member: .stakeholder, position: position)
    }
}

/// Where in a file an order's member is, for a problem found later. The path is spelled
/// out only then: a store holds two of these for each of its orders while it is read.
struct FieldPlace: Sendable {
    enum Member: String, Sendable {
        case id, stakeholder
    }

    /// The order's place in the file's list of orders.
    var order: Int
    var member: Member
    var position: SourcePosition?

    var path: String { "orders[\(order)].\(member.rawValue)" }
}

/// The orders of a document as they are read, one at a time, with what a save needs of
/// each and the checks that span all of them.
private final class OrderList {
    private let log: ProblemLog
    private(set) var orders: [TrainingOrder] = []
    /// Where each order's text is in the file (an empty range when read from a JSON value).
    private(set) var texts: [Int: StoredText] = [:]
    private(set) var laterChecklists: [Int: JSONText] = [:]
    /// Where each order names its stakeholder, checked once the stakeholders are read.
    private var stakeholderReferences: [(id: String, place: FieldPlace)] = []

    /// With room for `count` orders at once: a big store's lists would otherwise be held
    /// twice, old and new, each time they grow.
    init(log: ProblemLog, count: Int = 0) {
        self.log = log
        orders.reserveCapacity(count)
        texts.reserveCapacity(count)
        stakeholderReferences.reserveCapacity(count)
    }

    func read(_ element: JSONValue, index: Int, listPosition: SourcePosition) {
        guard let reader = FieldReader(element, path: "orders[\(index)]", parentPosition: listPosition, log: log) else {
            return
        }
        read(reader, index: index)
    }

    func read(_ reader: FieldReader, index: Int) {
        if let read = ReadOrder(reader, index: index) { add(read) }
    }

    /// An order whose text is the same as in the file read before: it read then, so it
    /// reads now; only what spans orders (ids, stakeholders) is checked again.
    func take(_ order: TrainingOrder, text: StoredText, index: Int, position: SourcePosition) {
        add(ReadOrder(known: order, text: text, index: index, position: position))
    }

    func add(_ read: ReadOrder) {
        guard texts.updateValue(StoredText(range: read.range, digest: read.digest), forKey: read.order.id) == nil else {
            log.record(StoreValidationError(path: read.idPlace.path, position: read.idPlace.position,
                                            problem: "another order already has the id \(read.order.id)"))
            return
        }
        stakeholderReferences.append((read.order.stakeholderID, read.stakeholderPlace))
        orders.append(read.order)
        if let text = read.checklistText { laterChecklists[read.order.id] = text }
    }

    func checkStakeholders(_ known: Set<String>) {
        for reference in stakeholderReferences where !known.contains(reference.id) {
            log.record(StoreValidationError(
                path: reference.place.path, position: reference.place.position,
                problem: "no stakeholder has the id \"\(TerminalSafety.excerpt(reference.id))\"; "
                    + "add them under \"stakeholders\" or fix the id"))
        }
    }
}

extension Checklist {
    /// Reads the checklist under `key`; problems go to the reader's log.
    init(_ parent: FieldReader, key: String) {
        guard let value = parent.value(key), let reader = parent.child(value, key: key) else {
            self.init()
            return
        }
        var stepsBySection: [[ChecklistStep]] = ChecklistSection.allCases.map { _ in [] }
        var seen = Set<String>()
        for sectionKey in reader.readAllNames().sorted() {
            guard let section = ChecklistSection(rawValue: sectionKey) else {
                reader.report(sectionKey, "unknown 4S section; expected one of: "
                    + ChecklistSection.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            var steps: [ChecklistStep] = []
            for (_, stepReader) in reader.objects(sectionKey) {
                guard let step = ChecklistStep(stepReader) else { continue }
                guard seen.insert(step.id).inserted else {
                    stepReader.report("id", "another step in this checklist already has the id \"\(step.id)\"")
                    continue
                }
                steps.append(step)
            }
            stepsBySection[section.index] = steps
        }
        self.init(sections: stepsBySection)
    }

    var json: JSONValue {
        var object = JSONObject()
        for section in ChecklistSection.allCases {
            object[section.rawValue] = .array(self[section].map(\.json))
        }
        return .object(object)
    }
}

extension JSONObject {
    /// Sets a member, or removes it when there is no value, so that empty optional fields
    /// stay out of the file.
    mutating func set(_ key: String, _ value: JSONValue?) {
        self[key] = value
    }

    mutating func set(_ key: String, text: String) {
        self[key] = text.isEmpty ? nil : .string(text)
    }

    mutating func set(_ key: String, number: Double?) {
        self[key] = number.map { .number($0) }
    }
}

extension FieldReader {
    /// A number that may have a fractional part, within `range`.
    func decimal(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let found = value(key), found != .null else { return nil }
        guard let number = found.numberValue else {
            report(key, "expected a number, found \(found.kindDescription)")
            return nil
        }
        guard range.contains(number) else {
            report(key, "must be \(NumberLimits.describe(range)), found \(number)")
            return nil
        }
        return number
    }

    /// A whole number within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = integer(key) else { return nil }
        guard range.contains(value) else {
            report(key, "must be \(NumberLimits.describe(range)), found \(value)")
            return nil
        }
        return value
    }

    /// A nested object, read by `read`; nil when absent.
    func nested<Value>(_ key: String, _ read: (FieldReader) -> Value?) -> Value? {
        guard let value = value(key), value != .null, let reader = child(value, key: key) else { return nil }
        return read(reader)
    }

    func notes(_ key: String) -> [Note] {
        objects(key).compactMap { Note.read($0.reader) }
    }
}

extension ChecklistStep {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.string)
        var details = StepDetails(title: "")
        let complete = StepDetails.table.read(from: reader, into: &details)
        let tickedAt = reader.timestamp("tickedAt")
        let tickedBy = reader.string("tickedBy")
        guard let id, complete else { return nil }
        self.init(id: Self.sharedTexts.shared(id), title: Self.sharedTexts.shared(details.title),
                  tick: tickedAt.map { Tick(at: $0, by: tickedBy ?? "") }, isCustom: reader.flag("custom"))
        self.details.note = details.note
        self.details.isHidden = details.isHidden
        preserved.object = reader.unread
    }

    /// The standard template's ids and titles, one copy of each: ten thousand orders hold
    /// the same twelve steps, and a shared string is one allocation instead of ten thousand.
    static let sharedTexts = SharedTexts(Checklist.standardTemplate.allSteps.flatMap { [$0.step.id, $0.step.details.title] })

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        StepDetails.table.write(details, into: &object)
        object.set("custom", isCustom ? .bool(true) : nil)
        object["tickedAt"] = tick.map { .string($0.at.description) }
        object["tickedBy"] = tick.map { .string($0.by) }
        return .object(object)
    }
}

extension FieldReader {
    /// A list of strings; an entry of another kind is reported and left out.
    func strings(_ key: String) -> [String] {
        array(key).compactMap { entry in
            guard case .string(let text) = entry else {
                report(key, "expected a list of strings, found \(entry.kindDescription)")
                return nil
            }
            return text
        }
    }

    func flag(_ key: String) -> Bool {
        guard let found = value(key), found != .null else { return false }
        guard case .bool(let flag) = found else {
            report(key, "expected true or false, found \(found.kindDescription)")
            return false
        }
        return flag
    }
}

extension TrainingOrder {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.integer)
        var details = OrderDetails.unread
        let complete = OrderDetails.table.read(from: reader, into: &details)
        let checklist = Checklist(reader, key: "checklist")
        let notes = reader.notes("notes")
        guard let id, complete else { return nil }
        self.init(id: id, details: details, checklist: checklist, notes: notes)
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .number(Double(id))
        OrderDetails.table.write(details, into: &object)
        object.set("notes", notes.isEmpty ? nil : .array(notes.map(\.json)))
        object["checklist"] = checklist.json
        return .object(object)
    }
}

extension ActivityEntry {
    init?(_ reader: FieldReader) {
        let at = reader.required("at", reader.timestamp)
        let what = reader.required("what", reader.string)
        guard let at, let what else { return nil }
        self.init(at: at, by: reader.string("by") ?? "", order: reader.integer("order"), what: what)
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["at"] = .string(at.description)
        object["by"] = .string(by)
        object.set("order", number: order.map(Double.init))
        object["what"] = .string(what)
        return .object(object)
    }
}

extension MergeConflict {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.string)
        let rule = reader.string("rule") ?? ""
        let at = reader.required("at", reader.timestamp)
        var subject = Subject.store
        if reader.value("order") != nil, let order = reader.required("order", reader.integer) {
            subject = .order(order)
        } else if reader.value("stakeholder") != nil, let stakeholder = reader.required("stakeholder", reader.string) {
            subject = .stakeholder(stakeholder)
        }
        let path = reader.value("path").flatMap(MergePath.init(json:))
        if path == nil { reader.report("path", "expected a list of member names and {\"id\": ...} elements") }
        guard let id, let at, let path else { return nil }
        self.init(id: id, subject: subject, path: path, kept: reader.value("kept"), other: reader.value("other"), rule: rule,
                  at: at, by: reader.string("by") ?? "")
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        switch subject {
        case .order(let id): object["order"] = .number(Double(id))
        case .stakeholder(let id): object["stakeholder"] = .string(id)
        case .store: break
        }
        object["path"] = path.json
        object.set("kept", kept)
        object.set("other", other)
        object["rule"] = .string(rule)
        object["at"] = .string(at.description)
        object["by"] = .string(by)
        return .object(object)
    }
}

extension StoreSettings {
    init(_ reader: FieldReader) {
        self.init(followUpDays: reader.integer("followUpDays", in: NumberLimits.followUpDays))
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object.set("followUpDays", number: followUpDays.map(Double.init))
        return .object(object)
    }
}

extension ValueEstimate {
    /// The saving is written too, for people and tools that read the file; fours
    /// recomputes it from the inputs.
    var json: JSONValue {
        var object = storedObject
        object.set("saving", number: saving)
        return .object(object)
    }
}

extension StageChange {
    init?(_ reader: FieldReader) {
        let stageNames = EngagementStage.allCases.map(\.key)
        let at = reader.required("at", reader.timestamp)
        let from = reader.required("from") { reader.oneOf($0, EngagementStage.init(key:), expected: stageNames) }
        let to = reader.required("to") { reader.oneOf($0, EngagementStage.init(key:), expected: stageNames) }
        guard let at, let from, let to else { return nil }
        self.init(at: at, from: from, to: to, by: reader.string("by") ?? "", note: reader.string("note") ?? "")
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["at"] = .string(at.description)
        object["from"] = .string(from.key)
        object["to"] = .string(to.key)
        object["by"] = .string(by)
        object["note"] = .string(note)
        return .object(object)
    }
}

extension Stakeholder {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.string)
        let stage = reader.oneOf("stage", EngagementStage.init(key:), expected: EngagementStage.allCases.map(\.key))
        let history = reader.objects("stageHistory").compactMap { StageChange($0.reader) }
        var details = StakeholderDetails(name: "")
        let complete = StakeholderDetails.table.read(from: reader, into: &details)
        let notes = reader.notes("notes")
        guard let id, complete else { return nil }
        self.init(id: id, details: details, stage: stage ?? .orderTaker, stageHistory: history, notes: notes)
        preserved.object = reader.unread
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        StakeholderDetails.table.write(details, into: &object)
        object["stage"] = .string(stage.key)
        object["stageHistory"] = .array(stageHistory.map(\.json))
        object.set("notes", notes.isEmpty ? nil : .array(notes.map(\.json)))
        return .object(object)
    }
}

