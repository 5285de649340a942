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
        let log = ProblemLog()
        guard let root = FieldReader(json, path: "", parentPosition: SourcePosition(line: 1, column: 1), log: log) else {
            return Reading(document: StoreDocument(), problems: log.problems, schemaVersion: nil)
        }
        let version = root.required("schemaVersion", root.integer)
        if let version, version < 1 { root.report("schemaVersion", "must be 1 or more, found \(version)") }

        var template = Checklist.standardTemplate
        if root.object["template"] != nil {
            template = Checklist(root, key: "template").unticked
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
        var orders: [TrainingOrder] = []
        var orderIDs = Set<Int>()
        for (_, reader) in root.objects("orders") {
            guard let order = TrainingOrder(reader) else { continue }
            guard orderIDs.insert(order.id).inserted else {
                reader.report("id", "another order already has the id \(order.id)")
                continue
            }
            if !stakeholderIDs.contains(order.stakeholderID) {
                reader.report("stakeholder", "no stakeholder has the id \"\(order.stakeholderID)\"; "
                    + "add them under \"stakeholders\" or fix the id")
            }
            orders.append(order)
        }
        var document = StoreDocument(name: root.string("name") ?? "L&D orders", template: template,
                                     orders: orders, stakeholders: stakeholders)
        document.preserved.object = root.object
        let problems = log.problems.sorted { ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0) }
        var reading = Reading(document: document, problems: problems, schemaVersion: version)
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
        var object = preserved.object
        object["schemaVersion"] = .number(Double(Self.currentSchemaVersion))
        object["name"] = .string(name)
        object["template"] = template.json
        object["stakeholders"] = .array(stakeholders.map(\.json))
        object["orders"] = .array(orders.map(\.json))
        return .object(object)
    }
}

extension Checklist {
    /// Reads the checklist under `key`; problems go to the reader's log.
    init(_ parent: FieldReader, key: String) {
        self.init()
        guard let value = parent.object[key],
              let reader = FieldReader(value, path: parent.childPath(key), parentPosition: parent.position(of: key),
                                       log: parent.log) else { return }
        var seen = Set<String>()
        for sectionKey in reader.object.members.keys.sorted() {
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
            self[section] = steps
        }
    }

    var json: JSONValue {
        var object = JSONObject()
        for section in ChecklistSection.allCases {
            object[section.rawValue] = .array(self[section].map(\.json))
        }
        return .object(object)
    }
}

extension ChecklistStep {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.string)
        let title = reader.required("title", reader.string)
        let tickedAt = reader.timestamp("tickedAt")
        let tickedBy = reader.string("tickedBy")
        guard let id, let title else { return nil }
        self.init(id: id, title: title, tick: tickedAt.map { Tick(at: $0, by: tickedBy ?? "") })
        preserved.object = reader.object
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        object["title"] = .string(title)
        object["tickedAt"] = tick.map { .string($0.at.description) }
        object["tickedBy"] = tick.map { .string($0.by) }
        return .object(object)
    }
}

extension TrainingOrder {
    init?(_ reader: FieldReader) {
        let id = reader.required("id", reader.integer)
        let title = reader.required("title", reader.string)
        let stakeholderID = reader.required("stakeholder", reader.string)
        let received = reader.required("received", reader.day)
        var tags: [String] = []
        for tag in reader.array("tags") {
            guard case .string(let text) = tag else {
                reader.report("tags", "expected a list of strings, found \(tag.kindDescription)")
                continue
            }
            tags.append(text)
        }
        let request = reader.string("request")
        let audience = reader.string("audience")
        let due = reader.day("due")
        let priority = reader.oneOf("priority", Priority.init(rawValue:), expected: Priority.allCases.map(\.rawValue))
        let status = reader.oneOf("status", OrderStatus.init(rawValue:), expected: OrderStatus.allCases.map(\.rawValue))
        let checklist = Checklist(reader, key: "checklist")
        guard let id, let title, let stakeholderID, let received else { return nil }
        self.init(id: id, title: title, request: request ?? "", stakeholderID: stakeholderID,
                  audience: audience ?? "", received: received, due: due, priority: priority ?? .medium,
                  status: status ?? .new, tags: tags, checklist: checklist)
        preserved.object = reader.object
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .number(Double(id))
        object["title"] = .string(title)
        object["request"] = .string(request)
        object["stakeholder"] = .string(stakeholderID)
        object["audience"] = .string(audience)
        object["received"] = .string(received.description)
        object["due"] = due.map { .string($0.description) }
        object["priority"] = .string(priority.rawValue)
        object["status"] = .string(status.rawValue)
        object["tags"] = .array(tags.map { .string($0) })
        object["checklist"] = checklist.json
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
        preserved.object = reader.object
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
        let name = reader.required("name", reader.string)
        let stage = reader.oneOf("stage", EngagementStage.init(key:), expected: EngagementStage.allCases.map(\.key))
        let history = reader.objects("stageHistory").compactMap { StageChange($0.reader) }
        let role = reader.string("role")
        let team = reader.string("team")
        guard let id, let name else { return nil }
        self.init(id: id, name: name, role: role ?? "", team: team ?? "", stage: stage ?? .orderTaker,
                  stageHistory: history)
        preserved.object = reader.object
    }

    var json: JSONValue {
        var object = preserved.object
        object["id"] = .string(id)
        object["name"] = .string(name)
        object["role"] = .string(role)
        object["team"] = .string(team)
        object["stage"] = .string(stage.key)
        object["stageHistory"] = .array(stageHistory.map(\.json))
        return .object(object)
    }
}
