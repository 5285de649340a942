/// The table of each value a person edits: how its fields are named in the store file,
/// read, written and merged.
extension OrderDetails {
    static let table = FieldTable<OrderDetails>([
        .text("title", \.title, required: true, keptWhenEmpty: true),
        .text("request", \.request, keptWhenEmpty: true),
        .text("stakeholder", \.stakeholderID, required: true, keptWhenEmpty: true),
        .text("audience", \.audience, keptWhenEmpty: true),
        .day("received", \.received),
        .day("due", \.due),
        .choice("priority", \.priority),
        .choice("status", \.status),
        .list("tags", \.tags, keptWhenEmpty: true),
        .list("owners", \.owners),
        .choice("arrival", \.arrival),
        .text("businessProblem", \.businessProblem),
        .count("audienceSize", \.audienceSize, in: NumberLimits.people),
        .choice("decision", \.decision),
        .text("decisionReason", \.decisionReason),
        .text("closingNote", \.closingNote),
        .day("closedOn", \.closedOn),
        .object("measurement", \.measurement, read: Measurement.init) { $0.isEmpty ? nil : $0.json },
        .object("value", \.value, read: ValueEstimate.init) { $0.isEmpty ? nil : $0.json },
        .text("sourceId", \.sourceID),
        .count("followUpOf", \.followUpOf, in: 1...Int(Int32.max)),
        .text("type", \.type),
    ])

    /// What reading starts from: every field is then read over it.
    static let unread = OrderDetails(title: "", stakeholderID: "", received: CalendarDay(ordinal: 0))
}

extension Measurement: FieldwiseMergeable, StoredByTable {
    public static var mergeFields: [MergeField<Measurement>] { table.mergeFields }
    static let unread = Measurement()

    static let table = FieldTable<Measurement>([
        .text("metric", \.metric), .text("baseline", \.baseline), .text("target", \.target), .text("result", \.result),
    ])
}

extension ValueEstimate: FieldwiseMergeable, StoredByTable {
    public static var mergeFields: [MergeField<ValueEstimate>] { table.mergeFields }
    static let unread = ValueEstimate()

    static let table = FieldTable<ValueEstimate>([
        .number("hoursSavedPerPerson", \.hoursSavedPerPerson, in: NumberLimits.hoursSavedPerPerson),
        .count("people", \.people, in: NumberLimits.people),
        .number("costPerHour", \.costPerHour, in: NumberLimits.costPerHour),
    ])
}

extension StakeholderDetails {
    static let table = FieldTable<StakeholderDetails>([
        .text("name", \.name, required: true, keptWhenEmpty: true),
        .text("role", \.role, keptWhenEmpty: true),
        .text("team", \.team, keptWhenEmpty: true),
        .count("rapport", \.rapport, in: NumberLimits.rating),
        .count("reputation", \.reputation, in: NumberLimits.rating),
        .count("relationships", \.relationships, in: NumberLimits.rating),
        .object("nextTouchpoint", \.nextTouchpoint, read: { Touchpoint.read($0).map(Optional.some) }) { $0.map(\.json) },
    ])
}

extension StepDetails {
    static let table = FieldTable<StepDetails>([
        .text("title", \.title, required: true, keptWhenEmpty: true), .text("note", \.note), .flag("hidden", \.isHidden),
    ])
}

extension Touchpoint: StoredByTable {
    static let unread = Touchpoint(on: CalendarDay(ordinal: 0), purpose: "")

    static let table = FieldTable<Touchpoint>([
        .day("on", \.on), .text("purpose", \.purpose, keptWhenEmpty: true),
    ])
}

extension Note: StoredByTable {
    static let unread = Note(id: "", at: Timestamp(secondsSince1970: 0), by: "", text: "")

    static let table = FieldTable<Note>([
        .text("id", \.id, required: true, keptWhenEmpty: true), .moment("at", \.at),
        .text("by", \.by, keptWhenEmpty: true), .text("text", \.text, required: true, keptWhenEmpty: true),
    ])
}
