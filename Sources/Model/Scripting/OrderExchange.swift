/// Orders, stakeholders and steps in the shapes scripts and spreadsheets take: JSON for
/// `--json` and `fours export --format json`, and rows of text for CSV and Markdown.
/// The JSON shapes are documented in the README and stay stable.
public enum OrderExchange {
    /// The order's columns in a CSV or Markdown export, each with how it is written; an
    /// import reads each back (`IntakeImport` finds them by these headings).
    public static let orderColumns = OrderColumn.all.map(\.heading)

    public static func orderRow(_ order: TrainingOrder, in document: StoreDocument) -> [String] {
        OrderColumn.all.map { $0.value(order, document) }
    }

    public static let stakeholderColumns = ["id", "name", "role", "team", "stage", "stage number", "rapport", "reputation",
                                            "relationships", "next touchpoint", "touchpoint purpose", "open orders"]

    /// A stakeholder's row, with its count of open orders (`counts` is made once for all rows).
    public static func stakeholderRow(_ stakeholder: Stakeholder, counts: StakeholderOrderCounts) -> [String] {
        func rating(_ value: Int?) -> String { value.map(String.init) ?? "" }
        return [stakeholder.id, stakeholder.name, stakeholder.role, stakeholder.team, stakeholder.stage.title,
                String(stakeholder.stage.rawValue), rating(stakeholder.rapport), rating(stakeholder.reputation),
                rating(stakeholder.relationships), stakeholder.nextTouchpoint?.on.description ?? "",
                stakeholder.nextTouchpoint?.purpose ?? "",
                String(counts[stakeholder.id].open)]
    }

    public static let stepColumns = ["order", "order title", "number", "section", "step", "done", "ticked by", "ticked at",
                                     "added by hand", "hidden", "note"]

    /// The column that carries each field a person edits of a stakeholder and of a step
    /// (by the names in their tables): what the exchange leaves out cannot pass a test.
    public static let stakeholderColumnOfField = [
        "name": "name", "role": "role", "team": "team", "rapport": "rapport", "reputation": "reputation",
        "relationships": "relationships", "nextTouchpoint": "next touchpoint",
    ]
    public static let stepColumnOfField = ["title": "step", "note": "note", "hidden": "hidden"]

    public static func stepRows(_ order: TrainingOrder) -> [[String]] {
        StoreLookup.numberedSteps(of: order).map { number, section, step in
            [String(order.id), order.title, String(number), section.title, step.details.title, step.isDone ? "yes" : "no",
             step.tick?.by ?? "", step.tick?.at.description ?? "", step.isCustom ? "yes" : "no",
             step.details.isHidden ? "yes" : "no", step.details.note]
        }
    }

    private static func name(of id: String, in document: StoreDocument) -> String {
        document.stakeholder(id: id)?.name ?? id
    }

    // MARK: JSON

    /// `withRecord` adds the order and its stakeholder as the store file holds them, every
    /// field: what `fours import` reads back from an export.
    public static func json(_ order: TrainingOrder, in document: StoreDocument, withRecord: Bool = false) -> JSONValue {
        func progress(_ value: Progress) -> JSONValue {
            .object(JSONObject(["done": .number(Double(value.done)), "total": .number(Double(value.total))]))
        }
        var object = JSONObject([
            "id": .number(Double(order.id)), "title": .string(order.title), "request": .string(order.request),
            "stakeholder": .object(JSONObject(["id": .string(order.stakeholderID),
                                               "name": .string(name(of: order.stakeholderID, in: document))])),
            "audience": .string(order.audience), "received": .string(order.received.description),
            "due": order.due.map { .string($0.description) } ?? .null, "priority": .string(order.priority.rawValue),
            "status": .string(order.status.rawValue), "tags": .array(order.tags.map { .string($0) }),
            "owners": .array(order.owners.map { .string($0) }), "arrival": .string(order.arrival.rawValue),
            "businessProblem": .string(order.businessProblem),
            "audienceSize": order.audienceSize.map { .number(Double($0)) } ?? .null,
            "decision": order.decision.map { .string($0.rawValue) } ?? .null,
            "closedOn": order.closedOn.map { .string($0.description) } ?? .null,
            "type": order.details.type.isEmpty ? .null : .object(JSONObject([
                "id": .string(order.details.type), "name": .string(document.typeName(of: order.details.type))])),
            "progress": progress(order.checklist.progress),
        ])
        object["sections"] = .object(JSONObject(Dictionary(uniqueKeysWithValues: ChecklistSection.allCases.map {
            ($0.rawValue, progress(order.checklist.progress(of: $0)))
        })))
        object["steps"] = .array(steps(of: order, withOrder: false))
        if withRecord {
            object["record"] = order.json
            if let person = document.stakeholder(id: order.stakeholderID) {
                object["stakeholder"] = .object(JSONObject(["id": .string(person.id), "name": .string(person.name),
                                                            "record": person.json]))
            }
            // The type whole, with its template, so that another store can take it in.
            if let type = document.orderType(id: order.details.type) {
                object["type"] = .object(JSONObject(["id": .string(type.id), "name": .string(type.name), "record": type.json]))
            }
        }
        object["notes"] = .array(order.notes.map { note in
            .object(JSONObject(["id": .string(note.id), "at": .string(note.at.description), "by": .string(note.by),
                                "text": .string(note.text)]))
        })
        return .object(object)
    }

    /// Each step as `fours show` numbers it; `withOrder` adds the order's id and title, for a
    /// list of every order's steps.
    public static func steps(of order: TrainingOrder, withOrder: Bool) -> [JSONValue] {
        StoreLookup.numberedSteps(of: order).map { number, section, step in
            var object = JSONObject([
                "number": .number(Double(number)), "section": .string(section.rawValue), "id": .string(step.id),
                "title": .string(step.details.title), "done": .bool(step.isDone),
                "tickedBy": step.tick.map { .string($0.by) } ?? .null,
                "tickedAt": step.tick.map { .string($0.at.description) } ?? .null,
                "custom": .bool(step.isCustom), "hidden": .bool(step.details.isHidden),
            ])
            if withOrder {
                object["order"] = .number(Double(order.id))
                object["orderTitle"] = .string(order.title)
            }
            return .object(object)
        }
    }

    public static func json(_ stakeholder: Stakeholder, counts: StakeholderOrderCounts, withRecord: Bool = false) -> JSONValue {
        func rating(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        var object = JSONObject([
            "id": .string(stakeholder.id), "name": .string(stakeholder.name), "role": .string(stakeholder.role),
            "team": .string(stakeholder.team), "stage": .string(stakeholder.stage.key),
            "stageNumber": .number(Double(stakeholder.stage.rawValue)),
            "rapport": rating(stakeholder.rapport), "reputation": rating(stakeholder.reputation),
            "relationships": rating(stakeholder.relationships),
            "nextTouchpoint": stakeholder.nextTouchpoint.map { touchpoint in
                .object(JSONObject(["on": .string(touchpoint.on.description), "purpose": .string(touchpoint.purpose)]))
            } ?? .null,
            "openOrders": .number(Double(counts[stakeholder.id].open)),
        ])
        if withRecord { object["record"] = stakeholder.json }
        return .object(object)
    }
}
