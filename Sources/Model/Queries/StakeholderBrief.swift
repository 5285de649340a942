/// What to read in the ten minutes before meeting a stakeholder, gathered in one place:
/// where they stand on the spectrum and how they moved, the three R's, when the next
/// touchpoint is, their open orders with 4S progress, what was delivered for them and its
/// value, and what the team learnt about their business. The dashboard shows it (b in the
/// stakeholders view) and `fours brief` prints it as text, Markdown or JSON.
public struct StakeholderBrief: Sendable {
    public let stakeholder: Stakeholder
    public let lastContact: CalendarDay?
    public let open: [TrainingOrder]
    /// Delivered and closed, the latest first.
    public let done: [TrainingOrder]
    /// Notes about them and on their orders, the newest first, with the order a note is on.
    public let insights: [(note: Note, order: Int?)]
    /// How a note is added where the brief is shown ("n adds one"), said when there is none.
    public let addingNotes: String?

    public init(_ stakeholder: Stakeholder, in document: StoreDocument, addingNotes: String? = nil) {
        self.stakeholder = stakeholder
        self.addingNotes = addingNotes
        lastContact = StakeholderContact(document).last(with: stakeholder.id)
        let theirs = document.orders.filter { $0.stakeholderID == stakeholder.id }
        open = theirs.filter(\.status.isOpen)
        done = theirs.filter { !$0.status.isOpen }.sorted { ($0.closedOn ?? $0.received) > ($1.closedOn ?? $1.received) }
        insights = (stakeholder.notes.map { ($0, nil) } + theirs.flatMap { order in order.notes.map { ($0, Optional(order.id)) } })
            .sorted { $0.0.at > $1.0.at }
    }

    public var blocks: [StandupBlock] {
        let person = stakeholder
        let moves = person.stageHistory.sorted { $0.at > $1.at }.map { move in
            "\(CalendarDay.local(at: move.at)) \(move.from.title) → \(move.to.title) by \(move.by)"
                + (move.note.isEmpty ? "" : ": \(move.note)")
        }
        let ratings = [("rapport", person.rapport), ("reputation", person.reputation), ("relationships", person.relationships)]
        let touchpoint = person.nextTouchpoint.map { "\($0.on)" + ($0.purpose.isEmpty ? "" : ": \($0.purpose)") } ?? "none planned"
        return [
            StandupBlock(title: "Stage", lines: ["\(person.stage.rawValue) \(person.stage.title)"] + moves, isWhole: true),
            StandupBlock(title: "Three R's", lines: [ratings.map { "\($0.0) \($0.1.map { "\($0)/3" } ?? "not rated")" }
                .joined(separator: " · ")], isWhole: true),
            StandupBlock(title: "Touchpoints", lines: ["next: \(touchpoint)",
                                                       "last contact: \(lastContact.map(\.description) ?? "none recorded")"],
                         isWhole: true),
            StandupBlock("Open orders", open, empty: "none open", limit: .max) { order in
                "#\(order.id) \(StandupReport.bar(order.checklist.progress.fraction, width: 6)) \(order.checklist.progress) "
                    + order.title + (order.due.map { " · due \($0)" } ?? "")
            },
            StandupBlock("Delivered", done, empty: "nothing delivered yet", limit: .max) { order in
                "#\(order.id) \(order.title), \(order.status.title) \(order.closedOn.map(\.description) ?? "")"
                    + (order.value.hoursSaved.map { " · \(GroupedNumber.text($0)) h" } ?? "")
                    + (order.value.saving.map { " and \(GroupedNumber.text($0))" } ?? "")
                    + (order.value.hoursSaved == nil ? "" : " saved")
            },
            StandupBlock("What we learnt", insights, empty: "no notes yet" + (addingNotes.map { ": \($0)" } ?? ""),
                         limit: .max) { entry in
                "\(CalendarDay.local(at: entry.note.at)) \(entry.note.by)" + (entry.order.map { " on #\($0)" } ?? "")
                    + ": \(entry.note.text)"
            },
        ]
    }

    private var heading: String {
        "Brief: \(stakeholder.name)" + ([stakeholder.role, stakeholder.team].filter { !$0.isEmpty }.map { ", \($0)" }.joined())
    }

    public var text: String { StandupBlock.text(blocks, heading: heading) }

    public var markdown: String { StandupBlock.markdown(blocks, heading: heading) }

    public var json: JSONValue {
        func order(_ order: TrainingOrder) -> JSONValue {
            .object(JSONObject([
                "id": .number(Double(order.id)), "title": .string(order.title), "status": .string(order.status.rawValue),
                "due": order.due.map { .string($0.description) } ?? .null,
                "closedOn": order.closedOn.map { .string($0.description) } ?? .null,
                "done": .number(Double(order.checklist.progress.done)), "total": .number(Double(order.checklist.progress.total)),
                "hoursSaved": order.value.hoursSaved.map(JSONValue.number) ?? .null,
                "saving": order.value.saving.map(JSONValue.number) ?? .null,
            ]))
        }
        let person = stakeholder
        func rating(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        return .object(JSONObject([
            "id": .string(person.id), "name": .string(person.name), "role": .string(person.role), "team": .string(person.team),
            "stage": .string(person.stage.key), "stageNumber": .number(Double(person.stage.rawValue)),
            "stageHistory": .array(person.stageHistory.map(\.json)),
            "rapport": rating(person.rapport), "reputation": rating(person.reputation), "relationships": rating(person.relationships),
            "nextTouchpoint": person.nextTouchpoint?.json ?? .null,
            "lastContact": lastContact.map { .string($0.description) } ?? .null,
            "openOrders": .array(open.map(order)), "delivered": .array(done.map(order)),
            "notes": .array(insights.map { entry in
                var note = JSONObject(["at": .string(entry.note.at.description), "by": .string(entry.note.by),
                                       "text": .string(entry.note.text)])
                note.set("order", entry.order.map { .number(Double($0)) })
                return .object(note)
            }),
        ]))
    }
}
