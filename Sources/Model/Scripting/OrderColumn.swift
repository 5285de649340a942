/// One column of the orders a CSV export writes: its heading and the text of an order's
/// value. The import reads every one of them back into the same value (`IntakeImport`);
/// the fields of an order that no column carries are named, with why, in `notCarried`.
public struct OrderColumn: Sendable {
    public let heading: String
    /// The field of the order's table it carries (`OrderDetails.table`), when it carries one.
    public let field: String?
    let value: @Sendable (TrainingOrder, StoreDocument) -> String

    private init(_ heading: String, field: String?, _ value: @escaping @Sendable (TrainingOrder, StoreDocument) -> String) {
        self.heading = heading
        self.field = field
        self.value = value
    }

    private init(_ heading: String, field: String, _ value: @escaping @Sendable (OrderDetails) -> String) {
        self.init(heading, field: field) { order, _ in value(order.details) }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    public static let all: [OrderColumn] = [
        OrderColumn("id", field: nil) { order, _ in String(order.id) },
        OrderColumn("title", field: "title") { $0.title },
        OrderColumn("request", field: "request") { $0.request },
        OrderColumn("stakeholder", field: "stakeholder") { order, document in
            document.stakeholder(id: order.stakeholderID)?.name ?? order.stakeholderID
        },
        OrderColumn("audience", field: "audience") { $0.audience },
        OrderColumn("audience size", field: "audienceSize") { $0.audienceSize.map(String.init) ?? "" },
        OrderColumn("received", field: "received") { $0.received.description },
        OrderColumn("due", field: "due") { $0.due?.description ?? "" },
        OrderColumn("priority", field: "priority") { $0.priority.rawValue },
        OrderColumn("status", field: "status") { $0.status.rawValue },
        OrderColumn("tags", field: "tags") { $0.tags.joined(separator: ", ") },
        OrderColumn("owners", field: "owners") { $0.owners.joined(separator: ", ") },
        OrderColumn("arrival", field: "arrival") { $0.arrival.rawValue },
        OrderColumn("business problem", field: "businessProblem") { $0.businessProblem },
        OrderColumn("decision", field: "decision") { $0.decision?.rawValue ?? "" },
        OrderColumn("decision reason", field: "decisionReason") { $0.decisionReason },
        OrderColumn("closing note", field: "closingNote") { $0.closingNote },
        OrderColumn("closed on", field: "closedOn") { $0.closedOn?.description ?? "" },
        OrderColumn("measurement metric", field: "measurement") { $0.measurement.metric },
        OrderColumn("measurement baseline", field: "measurement") { $0.measurement.baseline },
        OrderColumn("measurement target", field: "measurement") { $0.measurement.target },
        OrderColumn("measurement result", field: "measurement") { $0.measurement.result },
        OrderColumn("value hours saved per person", field: "value") { $0.value.hoursSavedPerPerson.map(number) ?? "" },
        OrderColumn("value people", field: "value") { $0.value.people.map(String.init) ?? "" },
        OrderColumn("value cost per hour", field: "value") { $0.value.costPerHour.map(number) ?? "" },
        OrderColumn("source id", field: "sourceId") { $0.sourceID },
        OrderColumn("follow-up of", field: "followUpOf") { $0.followUpOf.map(String.init) ?? "" },
        // By name, as a person reads it; the import finds the type by its name again.
        OrderColumn("order type", field: "type") { order, document in
            order.details.type.isEmpty ? "" : document.orderType(id: order.details.type)?.name ?? order.details.type
        },
    ] + ChecklistSection.allCases.flatMap { section in
        [OrderColumn("\(section.title.lowercased()) done", field: nil) { order, _ in
            String(order.checklist.progress(of: section).done)
        },
         OrderColumn("\(section.title.lowercased()) steps", field: nil) { order, _ in
            String(order.checklist.progress(of: section).total)
        }]
    }

    /// The order's fields no column carries, and why.
    public static let notCarried: [String: String] = [:]
}
