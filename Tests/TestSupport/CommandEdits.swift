import Model

/// One person's random edits to their own machine's copy of a store, made with the real
/// `fours` commands (ticks and unticks, stage moves, notes, edits, new orders, closing and
/// deleting), as a team scripts it or works on a fresh laptop. Each command runs at its own
/// minute of `clock`, so no two moves share a moment.
public struct CommandEdits {
    public let person: String
    let store: String
    let environment: [String: String]
    private var generator: SeededGenerator
    /// Commands that did not succeed, with what they said.
    public private(set) var failures: [String] = []

    public init(person: String, store: String, stateFolder: String, seed: UInt64) {
        self.person = person
        self.store = store
        environment = ["FOURS_USER": person, "XDG_STATE_HOME": stateFolder, "PATH": "/usr/bin:/bin"]
            .merging(ProcessEnvironment.current.filter { $0.key == "TZ" }) { $1 }
        generator = SeededGenerator(seed: seed)
    }

    /// Runs `fours ARGUMENTS --store STORE` on this machine at `moment`.
    @discardableResult
    public func run(_ arguments: [String], at moment: Timestamp) throws -> Command.Result {
        Command.run([try TmuxSession.binary()] + arguments + ["--store", store],
                    environment: environment.merging(Fixture.clockSetting(at: moment)) { $1 })
    }

    public mutating func apply(_ count: Int, clock: inout Int64) throws {
        for _ in 0..<count {
            clock += 60
            let document = try Store(path: store).document
            guard let arguments = next(in: document) else { continue }
            let result = try run(arguments, at: Timestamp(secondsSince1970: clock))
            if result.status != 0 { failures.append("\(arguments.joined(separator: " ")): \(result.output)") }
        }
    }

    private mutating func next(in document: StoreDocument) -> [String]? {
        guard let order = document.orders.randomElement(using: &generator),
              let stakeholder = document.stakeholders.randomElement(using: &generator) else { return nil }
        let id = String(order.id)
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<40:
            let steps = order.checklist.allSteps
            guard let number = steps.indices.randomElement(using: &generator) else { return nil }
            return [steps[number].step.isDone ? "untick" : "tick", id, String(number + 1)]
        case 40..<50:
            let stages = EngagementStage.allCases.filter { $0 != stakeholder.stage }
            return ["stage", stakeholder.name, String(stages.randomElement(using: &generator)!.rawValue)]
        case 50..<60:
            let text = "\(person) noted \(UInt32.random(in: 0...UInt32.max, using: &generator))"
            return Bool.random(using: &generator) ? ["note", id, text] : ["note", "--stakeholder", stakeholder.name, text]
        case 60..<70:
            return ["edit", id, "--title", RandomEdits.titles.randomElement(using: &generator)!]
        case 70..<78:
            return ["edit", id, "--priority", Priority.allCases.randomElement(using: &generator)!.rawValue]
        case 78..<86:
            return ["edit", id, "--due", "2027-01-\(10 + Int.random(in: 0..<3, using: &generator))"]
        case 86..<92:
            let title = "\(person) new order \(UInt32.random(in: 0...UInt32.max, using: &generator))"
            return ["add", "--title", title, "--stakeholder", stakeholder.name]
        case 92..<96:
            return order.status.isOpen ? ["close", id] : nil
        default:
            return document.orders.count > 3 ? ["delete", id, "--yes"] : nil
        }
    }
}
