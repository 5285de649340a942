extension StoreDocument {
    /// The problem the reader would find in this document once written, or nil when it
    /// reads back as it is. The reader's rules decide what may be written: a change that
    /// the reader would refuse must never reach the file, or no fours could open it.
    /// What `before` held was read from the file or checked before, so only what differs
    /// from it is written and read back: the orders named in `changed`, the stakeholders
    /// they name (all of them when they changed), the conflicts and activity when they
    /// changed. A save in a big store stays quick.
    func readBackProblem(changedOrders changed: Set<Int>, comparedWith before: StoreDocument) -> String? {
        let changedOrders = changed.sorted().compactMap { order(id: $0) }
        let named = Set(changedOrders.map(\.stakeholderID))
        var sample = StoreDocument(name: name, template: template, orders: changedOrders,
                                   stakeholders: stakeholders == before.stakeholders ? stakeholders.filter { named.contains($0.id) } : stakeholders)
        sample.preserved = preserved
        sample.settings = settings
        if conflicts != before.conflicts { sample.conflicts = conflicts }
        if activity != before.activity { sample.activity = activity }
        let reading: Reading
        do {
            reading = Self.read(try JSONReader.parse(JSONWriter.bytes(for: sample.json)))
        } catch {
            return "it would not be valid JSON (\(error.problem))"
        }
        if let problem = reading.problems.first {
            return Self.naming(changedOrders, in: problem.detail)
        }
        guard reading.document == sample else { return "it would not read back as it is shown" }
        return nil
    }

    /// "orders[0].audienceSize must be ..." reads "order #12: audienceSize must be ...".
    private static func naming(_ orders: [TrainingOrder], in detail: String) -> String {
        guard detail.hasPrefix("orders["), let close = detail.firstIndex(of: "]"),
              let index = Int(detail[detail.index(detail.startIndex, offsetBy: 7)..<close]), orders.indices.contains(index)
        else { return detail }
        let rest = detail[detail.index(after: close)...].drop { $0 == "." }
        return "order #\(orders[index].id): \(rest)"
    }
}
