/// What one change did to the orders and stakeholders it touched, as they were before and
/// after it: enough to take it back later, from another process, if nobody changed them since.
public struct ChangeSnapshot: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var before: JSONValue?
        var after: JSONValue?
    }

    /// The change in words, as the activity log has it.
    public var what: String
    public var by: String
    public var at: Timestamp
    var orders: [Int: Entry] = [:]
    var stakeholders: [String: Entry] = [:]
    /// The store's template and its order types, when the change edited them.
    var templates: Entry?

    /// `operation` as applied, taking `before` to `after`.
    public init(_ operation: StoreOperation, before: StoreDocument, after: StoreDocument, by: String, at: Timestamp) {
        self.by = by
        self.at = at
        what = operation.parts.compactMap { $0.activity(in: after)?.what ?? $0.ownWords }.joined(separator: "; ")
        for id in operation.changedOrders {
            orders[id] = Entry(before: before.order(id: id)?.json, after: after.order(id: id)?.json)
        }
        for id in operation.changedStakeholders {
            stakeholders[id] = Entry(before: before.stakeholder(id: id)?.json, after: after.stakeholder(id: id)?.json)
        }
        if operation.editsTemplates { templates = Entry(before: before.templatesJSON, after: after.templatesJSON) }
    }

    /// Whether it changed anything that can be taken back.
    public var isEmpty: Bool { orders.isEmpty && stakeholders.isEmpty && templates == nil }

    /// Puts what the change touched back as it was; refuses when any of it changed since.
    func undo(in document: inout StoreDocument) throws(OperationConflict) {
        for (id, entry) in orders where document.order(id: id)?.json != entry.after {
            throw OperationConflict("order #\(id) has changed since (in the dashboard or by someone else); nothing was undone")
        }
        for (id, entry) in stakeholders where document.stakeholder(id: id)?.json != entry.after {
            let name = document.stakeholder(id: id)?.name ?? id
            throw OperationConflict("\(name) has changed since (in the dashboard or by someone else); nothing was undone")
        }
        if let templates {
            guard document.templatesJSON == templates.after else {
                throw OperationConflict("the template has changed since (in the dashboard or by someone else); nothing was undone")
            }
            let reading = StoreDocument.read(.object(JSONObject(["schemaVersion": .number(1)]).merging(templates.before)))
            if let problem = reading.problems.first { throw OperationConflict("the template as it was does not read: \(problem.detail)") }
            document.template = reading.document.template
            document.orderTypes = reading.document.orderTypes
        }
        // Stakeholders first: an order coming back may name one that comes back with it.
        for (id, entry) in stakeholders.sorted(by: { $0.key < $1.key }) {
            let restored = try Self.read(stakeholder: entry.before, from: document)
            if let restored {
                if document.stakeholder(id: id) == nil { document.add(restored) } else { document.updateStakeholder(id: id) { $0 = restored } }
            }
        }
        for (id, entry) in orders.sorted(by: { $0.key < $1.key }) {
            guard let restored = try Self.read(order: entry.before, from: document) else {
                _ = document.removeOrder(id: id)
                continue
            }
            if document.order(id: id) == nil { document.add(restored) } else { document.updateOrder(id: id) { $0 = restored } }
        }
        for (id, entry) in stakeholders where entry.before == nil {
            guard !document.orders.contains(where: { $0.stakeholderID == id }) else { continue }
            _ = document.removeStakeholder(id: id)
        }
    }

    private static func read(order: JSONValue?, from document: StoreDocument) throws(OperationConflict) -> TrainingOrder? {
        guard let order else { return nil }
        var sample = StoreDocument(name: document.name, template: document.template, stakeholders: document.stakeholders)
        sample.preserved = document.preserved
        guard case .object(var root) = sample.json else { return nil }
        root["orders"] = .array([order])
        let reading = StoreDocument.read(.object(root))
        if let problem = reading.problems.first { throw OperationConflict("the order as it was does not read: \(problem.detail)") }
        return reading.document.orders.first
    }

    private static func read(stakeholder: JSONValue?, from document: StoreDocument) throws(OperationConflict) -> Stakeholder? {
        guard let stakeholder else { return nil }
        let reading = StoreDocument.read(.object(JSONObject(["schemaVersion": .number(1), "stakeholders": .array([stakeholder])])))
        if let problem = reading.problems.first { throw OperationConflict("the stakeholder as they were does not read: \(problem.detail)") }
        return reading.document.stakeholders.first
    }

    // MARK: Kept between runs

    var json: JSONValue {
        func entries<Key>(_ entries: [Key: Entry], id: (Key) -> JSONValue) -> JSONValue {
            .array(entries.map { key, entry in
                var object = JSONObject(["id": id(key)])
                object.set("before", entry.before)
                object.set("after", entry.after)
                return .object(object)
            })
        }
        var object = JSONObject([
            "what": .string(what), "by": .string(by), "at": .string(at.description),
            "orders": entries(orders) { .number(Double($0)) }, "stakeholders": entries(stakeholders) { .string($0) },
        ])
        if let templates {
            object["templates"] = .object(JSONObject(["before": templates.before ?? .null, "after": templates.after ?? .null]))
        }
        return .object(object)
    }

    init?(json: JSONValue) {
        guard case .object(let object) = json, case .string(let what)? = object["what"], case .string(let by)? = object["by"],
              case .string(let at)? = object["at"], let moment = Timestamp(iso: at),
              case .array(let orders)? = object["orders"], case .array(let stakeholders)? = object["stakeholders"]
        else { return nil }
        self.what = what
        self.by = by
        self.at = moment
        for case .object(let entry) in orders {
            guard let id = entry["id"]?.numberValue.map(Int.init) else { return nil }
            self.orders[id] = Entry(before: entry["before"], after: entry["after"])
        }
        for case .object(let entry) in stakeholders {
            guard case .string(let id)? = entry["id"] else { return nil }
            self.stakeholders[id] = Entry(before: entry["before"], after: entry["after"])
        }
        if case .object(let entry)? = object["templates"] { templates = Entry(before: entry["before"], after: entry["after"]) }
    }
}

extension StoreDocument {
    /// The template and the order types, as the file has them.
    var templatesJSON: JSONValue {
        var object = JSONObject(["template": template.json])
        object.set("orderTypes", orderTypes.isEmpty ? nil : .array(orderTypes.map(\.json)))
        return .object(object)
    }
}

extension JSONObject {
    /// This object with the members of `other`, when it is an object, put over its own.
    func merging(_ other: JSONValue?) -> JSONObject {
        var merged = self
        if case .object(let members)? = other { for key in members.memberNames { merged[key] = members[key] } }
        return merged
    }
}

extension StoreOperation {
    /// Whether the change edits the template or the order types.
    var editsTemplates: Bool {
        parts.contains { if case .editTemplate = $0 { true } else { false } }
    }

    /// The stakeholders the change alters.
    var changedStakeholders: Set<String> {
        Set(parts.flatMap { part -> [String] in
            switch part {
            case .moveStakeholder(let id, _, _, _, _), .revertStageMove(let id, _), .removeStakeholder(let id),
                 .editStakeholder(let id, _, _), .addNote(.stakeholder(let id), _), .removeNote(.stakeholder(let id), _):
                [id]
            case .addStakeholder(let stakeholder):
                [stakeholder.id]
            case .undoChange(let snapshot):
                Array(snapshot.stakeholders.keys)
            default:
                []
            }
        })
    }

    /// Words for the changes that carry their own who and when, for a snapshot.
    var ownWords: String? {
        switch self {
        case .setStep(let order, _, let tick): "\(tick == nil ? "unticked" : "ticked") a step of #\(order)"
        case .moveStakeholder(_, let stage, _, _, _): "moved a stakeholder to \(stage.title)"
        case .addNote(let target, _): target.orderID.map { "noted on #\($0)" } ?? "noted on a stakeholder"
        default: nil
        }
    }
}
