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
    @OptionGroup var dates: DateFormatOption

    var isEmpty: Bool {
        [title, request, stakeholder, audience, received, due, tags, owners, problem].allSatisfy { $0 == nil }
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
    }

    private func day(_ text: String, option: String, today: CalendarDay) throws -> CalendarDay {
        try DateOption.parse(text, option: option, today: today, order: dates.dateFormat)
    }
}

extension OrderArrival: ExpressibleByArgument {}

/// What a changing command prints: the change in words, or with `--json` the order as it now is.
struct ChangeReport {
    let json: Bool

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
