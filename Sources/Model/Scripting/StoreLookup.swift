/// Why a name or number given on the command line finds nothing, or more than one thing.
public struct LookupError: Error, Sendable, Equatable {
    public var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Finds what a person names on the command line: an order by `#12` or `12`, a
/// stakeholder by a unique part of the name (ignoring case and accents), a step by its
/// number as `fours show` lists it, a unique part of its text, or `SECTION:N`.
public struct StoreLookup {
    public let document: StoreDocument

    public init(_ document: StoreDocument) {
        self.document = document
    }

    /// The number `12` or `#12` gives.
    private static func number(_ reference: String) -> Int? {
        Int(reference.hasPrefix("#") ? reference.dropFirst() : reference[...])
    }

    /// The numbers of a range `3-8` (or `#3-#8`).
    private static func range(_ reference: String) -> (first: Int, last: Int)? {
        let parts = reference.split(separator: "-", omittingEmptySubsequences: false).map { $0.hasPrefix("#") ? $0.dropFirst() : $0 }
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]) else { return nil }
        return (first, last)
    }

    /// The order `reference` names with those it links to, for a store that reads only those.
    public static func linked(to reference: String) -> WantedOrders? {
        number(reference).map { .linked(to: $0) }
    }

    /// The numbers of the orders that `references` can name (see `orders`), for a store
    /// that reads only those; nil when a range is too wide to list them.
    public static func numbers(_ references: [String]) -> WantedOrders? {
        var numbers = Set<Int>()
        for reference in references {
            if let (first, last) = range(reference) {
                guard first <= last else { continue }
                guard last - first < 10_000 else { return nil }
                numbers.formUnion(first...last)
            } else if let number = number(reference) {
                numbers.insert(number)
            }
        }
        return .numbers(numbers)
    }

    public func order(_ reference: String) throws(LookupError) -> TrainingOrder {
        guard let id = Self.number(reference) else { throw LookupError("\(reference) is not an order number; write 12 or #12") }
        guard let order = document.order(id: id) else {
            throw LookupError("there is no order #\(id); fours list shows the orders")
        }
        return order
    }

    /// Orders named one by one (`3`, `#5`) or by a range (`3-8`, the orders the store has
    /// between them), each once, in the order given.
    public func orders(_ references: [String]) throws(LookupError) -> [TrainingOrder] {
        var found: [TrainingOrder] = []
        var seen = Set<Int>()
        for reference in references {
            if let (first, last) = Self.range(reference) {
                guard first <= last else { throw LookupError("\(reference) runs backwards; write the smaller number first") }
                let inRange = document.orders.filter { (first...last).contains($0.id) }.sorted { $0.id < $1.id }
                guard !inRange.isEmpty else { throw LookupError("there is no order from #\(first) to #\(last); fours list shows the orders") }
                for order in inRange where seen.insert(order.id).inserted { found.append(order) }
                continue
            }
            let order = try order(reference)
            if seen.insert(order.id).inserted { found.append(order) }
        }
        return found
    }

    public func stakeholder(_ name: String) throws(LookupError) -> Stakeholder {
        let wanted = name.folded
        if let exact = document.stakeholders.first(where: { $0.name.folded == wanted || $0.id == name }) { return exact }
        let matches = document.stakeholders.filter { $0.name.folded.containsBytes(of: wanted) }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            throw LookupError("no stakeholder's name contains “\(name)”; the stakeholders are: "
                                + document.stakeholders.map(\.name).joined(separator: ", "))
        default:
            throw LookupError("“\(name)” could be " + matches.map(\.name).joined(separator: ", ") + "; write more of the name")
        }
    }

    /// The steps of an order as `fours show` numbers them: every step, section by section.
    public static func numberedSteps(of order: TrainingOrder) -> [(number: Int, section: ChecklistSection, step: ChecklistStep)] {
        order.checklist.allSteps.enumerated().map { ($0 + 1, $1.section, $1.step) }
    }

    public func step(_ reference: String, of order: TrainingOrder) throws(LookupError) -> ChecklistStep {
        try Self.step(reference, in: order.checklist, of: "order \(order.shortID)", listedBy: "fours show \(order.id)")
    }

    /// A step of `checklist` (an order's, or a template), by its number as listed (every
    /// step, section by section), `SECTION:N`, a unique part of its text, or its id; `owner`
    /// names the checklist in what goes wrong, `listing` the command that lists its steps.
    public static func step(_ reference: String, in checklist: Checklist, of owner: String,
                            listedBy listing: String) throws(LookupError) -> ChecklistStep {
        let steps = checklist.allSteps.enumerated().map { (number: $0 + 1, section: $1.section, step: $1.step) }
        if let number = Int(reference) {
            guard let found = steps.first(where: { $0.number == number }) else {
                throw LookupError("\(owner) has steps 1 to \(steps.count); \(listing) lists them")
            }
            return found.step
        }
        if let colon = reference.firstIndex(of: ":"), let number = Int(reference[reference.index(after: colon)...]) {
            let section = try Self.section(String(reference[..<colon]))
            let inSection = checklist[section]
            guard inSection.indices.contains(number - 1) else {
                throw LookupError("\(section.title) has steps 1 to \(inSection.count) in \(owner)")
            }
            return inSection[number - 1]
        }
        let wanted = reference.folded
        let matches = steps.filter { $0.step.details.title.folded.containsBytes(of: wanted) || $0.step.id == reference }
        switch matches.count {
        case 1: return matches[0].step
        case 0: throw LookupError("no step of \(owner) says “\(reference)”; \(listing) lists them")
        default:
            throw LookupError("“\(reference)” could be " + matches.map { "\($0.number) \($0.step.details.title)" }
                .joined(separator: "; ") + "; use the step's number")
        }
    }

    /// A 4S section by the start of its name: shift, strategic, surprise, sure (or 1 to 4).
    public static func section(_ name: String) throws(LookupError) -> ChecklistSection {
        if let number = Int(name), ChecklistSection.allCases.indices.contains(number - 1) { return ChecklistSection.allCases[number - 1] }
        let wanted = name.folded.filter { $0.isLetter }
        guard !wanted.isEmpty, let section = ChecklistSection.allCases.first(where: { section in
            section.title.folded.filter(\.isLetter).hasPrefix(wanted) || section.rawValue.folded.hasPrefix(wanted)
        }) else {
            throw LookupError("\(name) is not a section; write shift, strategic, surprise or sure")
        }
        return section
    }

    /// The id of the order type a name, or a unique part of one, gives (empty for the store's
    /// own template); the types there are when none is called that.
    public func orderType(_ name: String) throws(LookupError) -> String {
        if let id = document.orderTypeID(named: name) { return id }
        let wanted = name.folded
        let matches = document.orderTypes.filter { $0.name.folded.containsBytes(of: wanted) }
        switch matches.count {
        case 1: return matches[0].id
        case 0: throw LookupError("no order type is called “\(name)”; the types are: " + document.orderTypeNames.joined(separator: ", "))
        default: throw LookupError("“\(name)” could be " + matches.map(\.name).joined(separator: ", ") + "; write more of the name")
        }
    }

    /// A stage given as 1 to 5, a name (`collaborator`), up or down from `current`.
    public static func stage(_ text: String, from current: EngagementStage) throws(LookupError) -> EngagementStage {
        let wanted = text.folded
        switch wanted {
        case "up":
            guard let next = EngagementStage(rawValue: current.rawValue + 1) else {
                throw LookupError("already a \(current.title): the top of the spectrum")
            }
            return next
        case "down":
            guard let previous = EngagementStage(rawValue: current.rawValue - 1) else {
                throw LookupError("already an \(current.title): the start of the spectrum")
            }
            return previous
        default:
            if let number = Int(wanted), let stage = EngagementStage(rawValue: number) { return stage }
            if let stage = EngagementStage.allCases.first(where: {
                $0.title.folded == wanted || $0.shortTitle.folded == wanted || $0.key.folded == wanted
            }) { return stage }
            // Any words of a name, as long as they name one stage: "strategic", "taker".
            let words = wanted.split(separator: " ")
            let named = EngagementStage.allCases.filter { stage in
                let titleWords = stage.title.folded.split(separator: " ")
                return !words.isEmpty && words.allSatisfy(titleWords.contains)
            }
            if named.count == 1 { return named[0] }
            if named.count > 1 {
                throw LookupError("“\(text)” could be " + named.map { "\($0.rawValue) \($0.title.lowercased())" }.joined(separator: " or ")
                                  + "; write more of the name, or its number")
            }
            throw LookupError("\(text) is not a stage; write up, down, 1 to 5, or a name such as collaborator or strategic")
        }
    }
}
