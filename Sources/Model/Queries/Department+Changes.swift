/// Changes made to a department's combined document, told in each team's own store.
extension Department {
    /// A change to one team's part of `combined` (its orders, stakeholders and types), in
    /// that team's own numbers and ids; several changes saved together may go to several
    /// teams, one part each. Nil when the change is not an order's or a stakeholder's own,
    /// or one of its parts names another team's stakeholder or type (an order cannot move
    /// between stores).
    public func route(_ operation: StoreOperation) -> [(team: Int, operation: StoreOperation)]? {
        if case .batch(let operations) = operation, operations.count > 1 {
            var parts: [(team: Int, operations: [StoreOperation])] = []
            for operation in operations {
                guard let routed = route(operation) else { return nil }
                for (team, part) in routed {
                    if let place = parts.firstIndex(where: { $0.team == team }) {
                        parts[place].operations.append(part)
                    } else {
                        parts.append((team, [part]))
                    }
                }
            }
            return parts.map { ($0.team, $0.operations.count == 1 ? $0.operations[0] : .batch($0.operations)) }
        }
        for team in teams.indices {
            if let local = operation.withIDs(toTeam(team)) { return [(team, local)] }
        }
        return nil
    }

    /// A change as team `team`'s store applied it, in `combined`'s numbers and ids.
    public func combined(_ operation: StoreOperation, fromTeam team: Int) -> StoreOperation? {
        operation.withIDs(fromTeam(team))
    }

    /// Why a change cannot be made in a department's view.
    public static let changeElsewhere = "a department's view changes the orders and stakeholders of its stores; "
        + "add orders and stakeholders, and shape templates, in the team's own store (fours --store PATH)"

    private func toTeam(_ team: Int) -> OperationIDs {
        let prefix = "\(team)/"
        func local(_ id: String) -> String? { id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : nil }
        return OperationIDs(order: { id in Self.parts(of: id).flatMap { $0.team == team ? $0.order : nil } },
                            stakeholder: local, type: local)
    }

    private func fromTeam(_ team: Int) -> OperationIDs {
        OperationIDs(order: { Self.combinedID(team: team, order: $0) }, stakeholder: { "\(team)/\($0)" },
                     type: { "\(team)/\($0)" })
    }
}
