import Model

/// A random number generator that gives the same numbers for the same seed, so a failing
/// run can be repeated.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// One person's random day with a copy of the store: ticks and unticks, stage moves,
/// notes, new orders, edits and the odd deletion, applied as the dashboard applies them.
public struct RandomEdits {
    public let person: String
    public private(set) var document: StoreDocument
    /// How many operations were applied.
    public private(set) var count = 0
    private var generator: SeededGenerator
    private var clock: Int64

    /// Titles and priorities are drawn from short lists, so two people sometimes pick the
    /// same value (no conflict) and sometimes not (a conflict).
    static let titles = ["Coaching plan", "Workshop series", "E-learning refresh", "Job aid", "Pilot cohort"]

    public init(person: String, document: StoreDocument, seed: UInt64, start: Timestamp) {
        self.person = person
        self.document = document
        generator = SeededGenerator(seed: seed)
        clock = start.secondsSince1970
    }

    public mutating func apply(_ operations: Int, allowDeletions: Bool = true, allowAdditions: Bool = true) {
        for _ in 0..<operations {
            clock += Int64.random(in: 1...600, using: &generator)
            guard let operation = nextOperation(allowDeletions: allowDeletions, allowAdditions: allowAdditions) else { continue }
            if (try? operation.apply(to: &document)) != nil { count += 1 }
        }
    }

    private var now: Timestamp { Timestamp(secondsSince1970: clock) }

    private mutating func nextOperation(allowDeletions: Bool, allowAdditions: Bool) -> StoreOperation? {
        let orders = document.orders
        guard let order = orders.randomElement(using: &generator),
              let stakeholder = document.stakeholders.randomElement(using: &generator) else { return nil }
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<45:
            guard let entry = order.checklist.allSteps.randomElement(using: &generator) else { return nil }
            return .setStep(order: order.id, step: entry.step.id, tick: entry.step.isDone ? nil : Tick(at: now, by: person))
        case 45..<55:
            let stages = EngagementStage.allCases.filter { $0 != stakeholder.stage }
            return .moveStakeholder(id: stakeholder.id, to: stages.randomElement(using: &generator)!, at: now, by: person)
        case 55..<67:
            let target: NoteTarget = Bool.random(using: &generator) ? .order(order.id) : .stakeholder(stakeholder.id)
            let note = Note(id: "\(person)-\(count)-\(clock)", at: now, by: person, text: "\(person) noted \(count)")
            return .addNote(target, note)
        case 67..<77:
            var details = order.details
            details.title = Self.titles.randomElement(using: &generator)!
            return .editOrder(order.id, from: order.details, to: details)
        case 77..<85:
            var details = order.details
            details.priority = Priority.allCases.randomElement(using: &generator)!
            return .editOrder(order.id, from: order.details, to: details)
        case 85..<92:
            var details = order.details
            details.tags.append("\(person)-\(count % 7)")
            return .editOrder(order.id, from: order.details, to: details)
        case 92..<98:
            guard allowAdditions else { return nil }
            let added = TrainingOrder(id: document.nextOrderID, title: "\(person) new order \(count)", request: "",
                                      stakeholderID: stakeholder.id, audience: "", received: CalendarDay.local(at: now),
                                      due: nil, checklist: document.template)
            return .addOrder(added)
        default:
            guard allowDeletions, orders.count > 3 else { return nil }
            return .deleteOrder(order.id)
        }
    }
}
