import ArgumentParser
import Model

/// The step of an order, named as `fours show` lists it.
struct StepReference: ParsableArguments {
    @OptionGroup var order: OrderReference
    @Argument(help: ArgumentHelp("The step: its number in fours show, a unique part of its text, or SECTION:N "
                                 + "(shift:1, strategic:2, surprise:3, sure:1).", valueName: "step"))
    var step: String
}

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick", _superCommandName: "fours", abstract: "Tick a 4S step of an order, as you (FOURS_USER), now.",
        discussion: "Examples: fours tick 12 3    fours tick 12 \"success looks like\"    fours tick 12 sure:1")

    /// Why no command sets a step's own fields (by their names in its table).
    static let stepFieldsElsewhere: [String: String] = [
        "title": "the dashboard rewords a step (e on the checklist); a command names a step by its words",
        "note": "the dashboard writes a step's note (e on the checklist)",
        "hidden": "the dashboard hides a template step and shows it again (- on the checklist, H to see it)",
    ]

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: StepReference
    @Flag(help: "Print the order as JSON.") var json = false

    func run() throws { try setStep(reference, ticked: true, storeOptions: storeOptions, json: json) }
}

struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untick", _superCommandName: "fours", abstract: "Untick a 4S step of an order.",
        discussion: "Example: fours untick 12 3")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var reference: StepReference
    @Flag(help: "Print the order as JSON.") var json = false

    func run() throws { try setStep(reference, ticked: false, storeOptions: storeOptions, json: json) }
}

private func setStep(_ reference: StepReference, ticked: Bool, storeOptions: StoreOptions, json: Bool) throws {
    let opened = try ScriptStore(storeOptions, forChanges: true, only: reference.order.wanted)
    let order = try opened.find { try $0.order(reference.order.order) }
    let step = try opened.find { try $0.step(reference.step, of: order) }
    let verb = ticked ? "Ticked" : "Unticked"
    guard step.isDone != ticked else {
        ChangeReport(json: json).say("“\(step.details.title)” on \(order.shortID) was \(verb.lowercased()) already",
                                    order: order.id, in: opened)
        return
    }
    try opened.apply(.setStep(order: order.id, step: step.id, tick: ticked ? Tick(at: ProcessSetup.clock.now(), by: opened.user) : nil))
    let progress = opened.document.order(id: order.id)?.checklist.progress ?? order.checklist.progress
    ChangeReport(json: json).say("\(verb) “\(step.details.title)” on \(order.shortID) (\(progress) done)", order: order.id,
                                 in: opened)
}

struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage", _superCommandName: "fours", abstract: "Move a stakeholder along the spectrum; the move goes into their history.",
        discussion: "Examples: fours stage dana up    fours stage \"Marco\" 3 --note \"asked us in early\"")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("A unique part of the stakeholder's name.", valueName: "stakeholder"),
              completion: .custom(Completions.stakeholders))
    var stakeholder: String
    @Argument(help: ArgumentHelp("up, down, 1 to 5, or a stage's name.", valueName: "stage")) var stage: String
    @Option(help: "Why they moved.") var note = ""
    @Flag(help: "Print the stakeholder as JSON.") var json = false

    func run() throws {
        // The stakeholder as JSON counts their orders; the words need none.
        let opened = try ScriptStore(storeOptions, forChanges: true, only: json ? nil : [])
        let person = try opened.find { try $0.stakeholder(stakeholder) }
        let target = try opened.find { _ in try StoreLookup.stage(stage, from: person.stage) }
        let text: String
        if target == person.stage {
            text = "\(person.name) is at \(target.rawValue) \(target.title) already"
        } else {
            try opened.apply(.moveStakeholder(id: person.id, to: target, at: ProcessSetup.clock.now(), by: opened.user, note: note))
            text = "\(person.name): \(person.stage.title) → \(target.title)"
        }
        if json, let moved = opened.document.stakeholder(id: person.id) {
            ScriptOutput.json(OrderExchange.json(moved, counts: StakeholderOrderCounts(opened.document)))
        } else {
            print(TerminalSafety.visible(text))
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", _superCommandName: "fours", abstract: "Add a dated note to an order, or to a stakeholder with --stakeholder.",
        discussion: """
            Examples: fours note 12 "They track errors weekly"
                      fours note --stakeholder dana "Her goal: fewer escalations"
            """)

    /// How each field of a note is set from here: the text is the argument, fours sets the rest.
    static let fieldSources: [String: String] = [
        "text": "the note's text, the last argument", "id": "made by fours, unique in the store",
        "at": "the moment of the command", "by": "$FOURS_USER, else the login name",
    ]

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Note the stakeholder (a unique part of the name) instead of an order.", valueName: "name"),
            completion: .custom(Completions.stakeholders))
    var stakeholder: String?
    @Argument(help: ArgumentHelp("The order (12 or #12), then the note; with --stakeholder, only the note.", valueName: "text"))
    var words: [String] = []
    @Flag(help: "Print the order as JSON.") var json = false

    func validate() throws {
        if words.count < (stakeholder == nil ? 2 : 1) {
            throw ValidationError(stakeholder == nil ? "give the order and the note: fours note 12 \"text\""
                                      : "give the note: fours note --stakeholder NAME \"text\"")
        }
    }

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true,
                                     only: stakeholder == nil ? StoreLookup.numbers(Array(words.prefix(1))) : [])
        let target: NoteTarget
        let subject: String
        var text = words
        if let stakeholder {
            let person = try opened.find { try $0.stakeholder(stakeholder) }
            (target, subject) = (.stakeholder(person.id), person.name)
        } else {
            let order = try opened.find { try $0.order(text.removeFirst()) }
            (target, subject) = (.order(order.id), order.shortID)
        }
        let now = ProcessSetup.clock.now()
        let existing = opened.document.notes(of: target) ?? []
        let note = Note(id: Note.newID(at: now, by: opened.user, existing: existing), at: now, by: opened.user,
                        text: text.joined(separator: " "))
        try opened.apply(.addNote(target, note))
        ChangeReport(json: json).say("Noted on \(subject)", order: target.orderID, in: opened)
    }
}
