extension StoreDocument {
    /// The conflicts about one order, for marking it.
    public func conflicts(of orderID: Int) -> [MergeConflict] {
        conflicts.filter { $0.subject == .order(orderID) }
    }

    /// The document with a conflict settled: the value kept stays, or `takeOther` puts
    /// the other copy's value in its place. The other value is read with the rules that
    /// open a file, so a value no fours could read never gets in.
    public func resolving(_ conflict: MergeConflict, takeOther: Bool) throws(OperationConflict) -> StoreDocument {
        guard let index = conflicts.firstIndex(where: { $0.id == conflict.id }) else {
            throw OperationConflict("that conflict was settled already")
        }
        var result = self
        result.conflicts.remove(at: index)
        guard takeOther else { return result }
        switch conflict.subject {
        case .order(let id):
            if conflict.path.segments.isEmpty && conflict.other == nil {
                guard result.removeOrder(id: id) else { throw OperationConflict("order #\(id) no longer exists") }
                return result
            }
            let read = try reading(orders: [id], with: conflict.other,
                                   at: [.member("orders"), .element(id: .number(Double(id)))] + conflict.path.segments)
            guard let order = read.order(id: id) else { throw OperationConflict("order #\(id) no longer exists") }
            try result.changeOrder(id) { $0 = order }
        case .stakeholder(let id):
            let read = try reading(orders: [], with: conflict.other,
                                   at: [.member("stakeholders"), .element(id: .string(id))] + conflict.path.segments)
            guard let stakeholder = read.stakeholder(id: id) else { throw OperationConflict("\(id) no longer exists") }
            try result.changeStakeholder(id) { $0 = stakeholder }
        case .store:
            let read = try reading(orders: [], with: conflict.other, at: conflict.path.segments)
            result.name = read.name
            result.template = read.template
            result.settings = read.settings
            result.preserved = read.preserved
        }
        return result
    }

    /// This document with only `orders` of its orders, a value set at `path`, read back.
    private func reading(orders ids: [Int], with value: JSONValue?, at segments: [MergePath.Segment])
        throws(OperationConflict) -> StoreDocument {
        var sample = StoreDocument(name: name, template: template, orders: ids.compactMap { order(id: $0) },
                                   stakeholders: stakeholders)
        sample.preserved = preserved
        sample.settings = settings
        var json = sample.json
        guard MergePath(segments).set(value, in: &json) else {
            throw OperationConflict("what the conflict was about is no longer there")
        }
        let reading = Self.read(json)
        if let problem = reading.problems.first {
            throw OperationConflict("the other value does not read: \(problem.detail)")
        }
        return reading.document
    }
}
