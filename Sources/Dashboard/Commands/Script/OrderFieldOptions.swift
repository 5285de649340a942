import ArgumentParser
import Model

/// Every field of an order as an option, for `add` and `edit`: what is given is set, what
/// is not stays as it was.
struct OrderFieldOptions: ParsableArguments {
    @Option(help: "What they asked for, in a few words.") var title: String?
    @Option(help: "What was asked, in the requester's words.") var request: String?
    @Option(help: ArgumentHelp("An existing stakeholder (a unique part of the name), or a new name.", valueName: "name"),
            completion: .custom(Completions.stakeholders))
    var stakeholder: String?
    @Option(help: "The team or group it is for.") var audience: String?
    @Option(help: "How many people.") var audienceSize: Int?
    @Option(help: ArgumentHelp("The day it came in: YYYY-MM-DD or today.", valueName: "date")) var received: String?
    @Option(help: ArgumentHelp("YYYY-MM-DD, +3d, +2w, or none.", valueName: "date")) var due: String?
    @Option(help: "high, medium or low.") var priority: Priority?
    @Option(help: ArgumentHelp("Comma-separated.", valueName: "tags")) var tags: String?
    @Option(help: ArgumentHelp("Who on the team carries it, comma-separated.", valueName: "names")) var owners: String?
    @Option(help: "transactionalRequest, collaborativeConversation or earlyInvolvement.") var arrival: OrderArrival?
    @Option(help: "The business problem behind the request.") var problem: String?
    @Option(help: "accepted, deferred, redirected or declined; none to clear.") var decision: String?
    @Option(help: "Why it was decided so.") var decisionReason: String?
    @Option(help: "What happened, for the archive.") var closingNote: String?
    @Option(help: "What is measured.") var metric: String?
    @Option(help: "The measure before.") var baseline: String?
    @Option(help: "The measure aimed at.") var target: String?
    @Option(help: "The measure after.") var result: String?
    @Option(help: "Value: hours each person saves; none to clear.") var hoursSaved: String?
    @Option(help: "Value: how many people save them; none to clear.") var people: String?
    @Option(help: "Value: what an hour of their time costs; none to clear.") var costPerHour: String?
    @Option(help: "The id of the intake sheet's row it came from.") var sourceId: String?
    @Option(help: ArgumentHelp("The order it follows up (12 or #12); none to clear.", valueName: "order")) var followUpOf: String?
    @Option(help: ArgumentHelp("Its kind of work (fours template types lists them): a new order starts from its 4S steps; "
                               + "Standard or none for the store's own.", valueName: "type"))
    var type: String?
    @OptionGroup var dates: DateFormatOption

    /// The fields of an order (by their names in the store's field table) that an option
    /// sets, and the option; `notSetHere` says why the others are not.
    static let fieldOptions: [String: String] = [
        "title": "--title", "request": "--request", "stakeholder": "--stakeholder", "audience": "--audience",
        "audienceSize": "--audience-size", "received": "--received", "due": "--due", "priority": "--priority",
        "tags": "--tags", "owners": "--owners", "arrival": "--arrival", "businessProblem": "--problem",
        "decision": "--decision", "decisionReason": "--decision-reason", "closingNote": "--closing-note",
        "measurement": "--metric", "value": "--hours-saved", "sourceId": "--source-id", "followUpOf": "--follow-up-of",
        "type": "--type",
    ]
    static let notSetHere: [String: String] = [
        "status": "fours close and fours reopen change it, with the day it was closed",
        "closedOn": "fours close sets it to the day the order is delivered or closed",
    ]

    var isEmpty: Bool {
        [title, request, stakeholder, audience, received, due, tags, owners, problem, decision, decisionReason, closingNote,
         metric, baseline, target, result, hoursSaved, people, costPerHour, sourceId, followUpOf, type].allSatisfy { $0 == nil }
            && audienceSize == nil && priority == nil && arrival == nil
    }

    /// `details` with the options given applied; a new stakeholder's addition is added to `operations`.
    func apply(to details: inout OrderDetails, in opened: ScriptStore, today: CalendarDay,
               operations: inout [StoreOperation]) throws {
        if let title {
            guard !title.trimmingWhitespace.isEmpty else { throw CommandFailure.report("--title cannot be empty") }
            details.title = title
        }
        if let request { details.request = request }
        if let stakeholder {
            if let known = try? opened.lookup.stakeholder(stakeholder) {
                details.stakeholderID = known.id
            } else {
                let newcomer = Stakeholder(id: Stakeholder.newID(for: stakeholder, existing: opened.document.stakeholders),
                                           name: stakeholder)
                operations.append(.addStakeholder(newcomer))
                details.stakeholderID = newcomer.id
            }
        }
        if let audience { details.audience = audience }
        if let audienceSize {
            guard NumberLimits.people.contains(audienceSize) else {
                throw CommandFailure.report("--audience-size must be \(NumberLimits.describe(NumberLimits.people))")
            }
            details.audienceSize = audienceSize
        }
        if let received { details.received = try day(received, option: "--received", today: today) }
        if let due { details.due = due == "none" ? nil : try day(due, option: "--due", today: today) }
        if let priority { details.priority = priority }
        if let tags { details.tags = tags.listItems() }
        if let owners { details.owners = owners.listItems() }
        if let arrival { details.arrival = arrival }
        if let problem { details.businessProblem = problem }
        if let decision {
            guard decision == "none" || IntakeDecision(rawValue: decision) != nil else {
                throw CommandFailure.report("--decision \(decision) is not one of accepted, deferred, redirected, declined or none")
            }
            details.decision = IntakeDecision(rawValue: decision)
        }
        if let decisionReason { details.decisionReason = decisionReason }
        if let closingNote { details.closingNote = closingNote }
        if let metric { details.measurement.metric = metric }
        if let baseline { details.measurement.baseline = baseline }
        if let target { details.measurement.target = target }
        if let result { details.measurement.result = result }
        if let hoursSaved { details.value.hoursSavedPerPerson = try Self.number(hoursSaved, option: "--hours-saved",
                                                                                 in: NumberLimits.hoursSavedPerPerson) }
        if let people {
            let limits = Double(NumberLimits.people.lowerBound)...Double(NumberLimits.people.upperBound)
            details.value.people = try Self.number(people, option: "--people", in: limits, whole: true).map { Int($0) }
        }
        if let costPerHour { details.value.costPerHour = try Self.number(costPerHour, option: "--cost-per-hour",
                                                                         in: NumberLimits.costPerHour) }
        if let sourceId { details.sourceID = sourceId }
        if let type { details.type = try opened.find { try $0.orderType(type) } }
        if let followUpOf {
            if followUpOf == "none" {
                details.followUpOf = nil
            } else {
                let origin = try opened.find { try $0.order(followUpOf) }
                details.followUpOf = origin.id
            }
        }
    }

    /// A number given as an option, in its range; nil for `none`.
    private static func number(_ text: String, option: String, in range: ClosedRange<Double>,
                               whole: Bool = false) throws -> Double? {
        if text == "none" { return nil }
        guard let value = Double(text), range.contains(value), !whole || value == value.rounded() else {
            throw CommandFailure.report("\(option) \(text) is not a\(whole ? " whole" : "") number "
                                        + NumberLimits.describe(range) + ", or none")
        }
        return value
    }

    private func day(_ text: String, option: String, today: CalendarDay) throws -> CalendarDay {
        try DateOption.parse(text, option: option, today: today, order: dates.dateFormat)
    }
}

extension OrderArrival: ExpressibleByArgument {}

/// What a changing command prints: the change in words, or with `--json` the order as it now is.
struct ChangeReport {
    let json: Bool

    /// What a change to several orders says: the orders as they now are with `--json`.
    func say(orders ids: [Int], in opened: ScriptStore, text: String) {
        guard json else { return print(TerminalSafety.visible(text)) }
        ScriptOutput.json(.array(ids.compactMap { opened.document.order(id: $0) }.map { OrderExchange.json($0, in: opened.document) }))
    }

    func say(_ text: String, order id: Int?, in opened: ScriptStore) {
        if json, let id, let order = opened.document.order(id: id) {
            ScriptOutput.json(OrderExchange.json(order, in: opened.document))
        } else if json {
            ScriptOutput.json(.object(JSONObject(["done": .string(text)])))
        } else {
            print(TerminalSafety.visible(text))
        }
    }
}
