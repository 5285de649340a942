/// Maps the store document to and from the JSON tree. Each value starts from the object it
/// was read from, so members this version does not know are written back unchanged.
extension StoreDocument {
    public init(json: JSONValue) throws(StoreValidationError) {
        let root = try FieldReader(json, path: "", parentPosition: SourcePosition(line: 1, column: 1))
        let version = try root.integer("schemaVersion")
        guard version <= Self.currentSchemaVersion else {
            throw root.error("schemaVersion", "this file was written by a newer fours (schema \(version)); "
                + "this version reads schema \(Self.currentSchemaVersion). Update fours to open it")
        }
        guard version >= 1 else { throw root.error("schemaVersion", "must be 1 or more, found \(version)") }

        var template = Checklist.standardTemplate
        if root.object["template"] != nil {
            template = try Checklist(json: root.value("template"), path: root.childPath("template"),
                                     position: root.object.position(of: "template")).unticked
        }
        var stakeholders: [Stakeholder] = []
        for (index, element) in try root.array("stakeholders").enumerated() {
            let reader = try FieldReader(element, path: "stakeholders[\(index)]",
                                         parentPosition: root.object.position(of: "stakeholders"))
            let stakeholder = try Stakeholder(reader)
            if stakeholders.contains(where: { $0.id == stakeholder.id }) {
                throw reader.error("id", "another stakeholder already has the id \"\(stakeholder.id)\"")
            }
            stakeholders.append(stakeholder)
        }
        let known = Set(stakeholders.map(\.id))
        var orders: [TrainingOrder] = []
        var orderIDs = Set<Int>()
        for (index, element) in try root.array("orders").enumerated() {
            let reader = try FieldReader(element, path: "orders[\(index)]",
                                         parentPosition: root.object.position(of: "orders"))
            let order = try TrainingOrder(reader)
            guard orderIDs.insert(order.id).inserted else {
                throw reader.error("id", "another order already has the id \(order.id)")
            }
            guard known.contains(order.stakeholderID) else {
                throw reader.error("stakeholder", "no stakeholder has the id \"\(order.stakeholderID)\"; "
                    + "add them under \"stakeholders\" or fix the id")
            }
            orders.append(order)
        }
        self.init(name: try root.optionalString("name") ?? "L&D orders", template: template,
                  orders: orders, stakeholders: stakeholders)
        preserved.object = root.object
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
    init(json: JSONValue, path: String, position: SourcePosition?) throws(StoreValidationError) {
        let reader = try FieldReader(json, path: path, parentPosition: position)
        self.init()
        for key in reader.object.members.keys.sorted() {
            guard let section = ChecklistSection(rawValue: key) else {
                throw reader.error(key, "unknown 4S section; expected one of: "
                    + ChecklistSection.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var steps: [ChecklistStep] = []
            for (index, element) in try reader.array(key).enumerated() {
                let stepReader = try FieldReader(element, path: "\(reader.childPath(key))[\(index)]",
                                                 parentPosition: reader.object.position(of: key))
                let step = try ChecklistStep(stepReader)
                if location(ofStep: step.id) != nil || steps.contains(where: { $0.id == step.id }) {
                    throw stepReader.error("id", "another step in this checklist already has the id \"\(step.id)\"")
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
    init(_ reader: FieldReader) throws(StoreValidationError) {
        self.init(id: try reader.string("id"), title: try reader.string("title"))
        if let at = try reader.timestamp("tickedAt") {
            tick = Tick(at: at, by: try reader.optionalString("tickedBy") ?? "")
        }
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
    init(_ reader: FieldReader) throws(StoreValidationError) {
        guard let received = try reader.day("received") else { throw reader.error("received", "is missing") }
        let checklist: Checklist
        if reader.object["checklist"] != nil {
            checklist = try Checklist(json: reader.value("checklist"), path: reader.childPath("checklist"),
                                      position: reader.object.position(of: "checklist"))
        } else {
            checklist = Checklist()
        }
        var tags: [String] = []
        for tag in try reader.array("tags") {
            guard case .string(let text) = tag else {
                throw reader.error("tags", "expected a list of strings, found \(tag.kindDescription)")
            }
            tags.append(text)
        }
        self.init(
            id: try reader.integer("id"),
            title: try reader.string("title"),
            request: try reader.optionalString("request") ?? "",
            stakeholderID: try reader.string("stakeholder"),
            audience: try reader.optionalString("audience") ?? "",
            received: received,
            due: try reader.day("due"),
            priority: try reader.oneOf("priority", Priority.init(rawValue:),
                                       expected: Priority.allCases.map(\.rawValue)) ?? .medium,
            status: try reader.oneOf("status", OrderStatus.init(rawValue:),
                                     expected: OrderStatus.allCases.map(\.rawValue)) ?? .new,
            tags: tags,
            checklist: checklist)
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

extension Stakeholder {
    init(_ reader: FieldReader) throws(StoreValidationError) {
        let stageNames = EngagementStage.allCases.map(\.key)
        var history: [StageChange] = []
        for (index, element) in try reader.array("stageHistory").enumerated() {
            let entry = try FieldReader(element, path: "\(reader.childPath("stageHistory"))[\(index)]",
                                        parentPosition: reader.object.position(of: "stageHistory"))
            guard let at = try entry.timestamp("at") else { throw entry.error("at", "is missing") }
            guard let from = try entry.oneOf("from", EngagementStage.init(key:), expected: stageNames),
                  let to = try entry.oneOf("to", EngagementStage.init(key:), expected: stageNames) else {
                throw entry.error("to", "a stage change needs both \"from\" and \"to\"")
            }
            history.append(StageChange(at: at, from: from, to: to, by: try entry.optionalString("by") ?? "",
                                       note: try entry.optionalString("note") ?? ""))
        }
        self.init(
            id: try reader.string("id"),
            name: try reader.string("name"),
            role: try reader.optionalString("role") ?? "",
            team: try reader.optionalString("team") ?? "",
            stage: try reader.oneOf("stage", EngagementStage.init(key:), expected: stageNames) ?? .orderTaker,
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
        object["stageHistory"] = .array(stageHistory.map { change in
            .object(JSONObject([
                "at": .string(change.at.description),
                "from": .string(change.from.key),
                "to": .string(change.to.key),
                "by": .string(change.by),
                "note": .string(change.note),
            ]))
        })
        return .object(object)
    }
}
