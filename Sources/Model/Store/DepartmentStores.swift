/// The stores of a department's teams opened together: one document with every team's
/// orders and stakeholders (`Department.combined`), and each change saved to the store of
/// the orders and stakeholders it touches, under that store's own lock. No file holds the
/// combined document; each store stays its team's own.
public final class DepartmentStores {
    public let stores: [Store]
    public private(set) var department: Department

    public init(_ stores: [Store]) {
        self.stores = stores
        department = Department(stores.map { ($0.path, $0.document) })
    }

    public var document: StoreDocument { department.combined }

    /// The stores' paths, for messages.
    public var path: String { stores.map(\.path).joined(separator: ", ") }

    /// Reads again each store another process changed. Returns whether any was.
    @discardableResult
    public func reloadIfChanged() throws(StoreError) -> Bool {
        var changed = false
        for store in stores where try store.reloadIfChanged() { changed = true }
        if changed { remake() }
        return changed
    }

    /// Saves each change in its team's store, the teams in turn; a change over several
    /// teams' orders is saved in each of them. What became of each change is told in
    /// `combined`'s numbers; one that is not an order's or a stakeholder's own is refused.
    public func save(_ operations: [StoreOperation], recreating: Bool = false) throws(StoreError) -> Store.Saved {
        var outcomes = [[Store.Outcome]](repeating: [], count: operations.count)
        var parts: [Int: [(change: Int, operation: StoreOperation)]] = [:]
        for (change, operation) in operations.enumerated() {
            guard let routed = department.route(operation) else {
                outcomes[change] = [.refused("not saved: \(Department.changeElsewhere)")]
                continue
            }
            for (team, part) in routed { parts[team, default: []].append((change, part)) }
        }
        var includesOthersChanges = false
        for team in parts.keys.sorted() {
            let teamParts = parts[team] ?? []
            let saved: Store.Saved
            do { saved = try stores[team].save(teamParts.map(\.operation), recreating: recreating) } catch {
                // The teams saved before this one have their changes: show them.
                remake()
                throw error
            }
            includesOthersChanges = includesOthersChanges || saved.includesOthersChanges
            for (part, outcome) in zip(teamParts, saved.outcomes) {
                if case .saved(let applied) = outcome, let combined = department.combined(applied, fromTeam: team) {
                    outcomes[part.change].append(.saved(combined))
                } else {
                    outcomes[part.change].append(outcome)
                }
            }
        }
        remake()
        return Store.Saved(document: document, outcomes: outcomes.map(Self.joined), includesOthersChanges: includesOthersChanges)
    }

    /// One outcome for a change saved in parts: refused when a part was, else saved whole.
    private static func joined(_ outcomes: [Store.Outcome]) -> Store.Outcome {
        var applied: [StoreOperation] = []
        for outcome in outcomes {
            switch outcome {
            case .refused: return outcome
            case .saved(let operation): applied.append(operation)
            }
        }
        return .saved(applied.count == 1 ? applied[0] : .batch(applied))
    }

    private func remake() {
        department = Department(stores.map { ($0.path, $0.document) })
    }
}
