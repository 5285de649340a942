import Model

/// What a merge of two people's random edits must hold, worked out from the documents at
/// the level of meaning (orders, steps, stages), independently of how the merge works on
/// JSON: every change of either side present, and a conflict exactly where both changed
/// one field two ways.
public struct MergeExpectation {
    public let base: StoreDocument
    public let ours: StoreDocument
    public let theirs: StoreDocument

    public init(base: StoreDocument, ours: StoreDocument, theirs: StoreDocument) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// Each way `merged` falls short, in words; empty when it holds everything.
    public func failures(merged: StoreDocument, conflicts: [MergeConflict]) -> [String] {
        var failures: [String] = []
        var expectedConflicts: Set<String> = []
        func key(_ subject: MergeConflict.Subject, _ path: String) -> String { "\(subject) \(path)" }
        func expect<Value: Equatable>(_ what: String, _ original: Value, _ mine: Value, _ other: Value, _ merged: Value,
                                      conflict: String?) {
            let wanted: Value
            if mine == other || other == original {
                wanted = mine
            } else if mine == original {
                wanted = other
            } else {
                wanted = mine
                if let conflict { expectedConflicts.insert(conflict) }
            }
            if merged != wanted { failures.append("\(what): expected \(wanted), found \(merged)") }
        }

        for original in base.orders {
            let id = original.id
            let (mine, other, merged) = (ours.order(id: id), theirs.order(id: id), merged.order(id: id))
            guard let mine, let other else {
                let survivor = mine ?? other
                if let survivor, survivor != original {
                    expectedConflicts.insert(key(.order(id), ""))
                    if merged != survivor { failures.append("order #\(id): the edited copy should survive its deletion") }
                } else if merged != nil {
                    failures.append("order #\(id) was deleted and should be gone")
                }
                continue
            }
            guard let merged else {
                failures.append("order #\(id) is missing")
                continue
            }
            expect("order #\(id) title", original.title, mine.title, other.title, merged.title,
                   conflict: key(.order(id), "title"))
            expect("order #\(id) priority", original.priority, mine.priority, other.priority, merged.priority,
                   conflict: key(.order(id), "priority"))
            expect("order #\(id) status", original.status, mine.status, other.status, merged.status,
                   conflict: key(.order(id), "status"))
            expect("order #\(id) due", original.due, mine.due, other.due, merged.due, conflict: key(.order(id), "due"))
            let tags = Set(original.tags).union(mine.tags).union(other.tags)
            if Set(merged.tags) != tags { failures.append("order #\(id) tags: expected \(tags.sorted()), found \(merged.tags)") }
            let notes = Set(mine.notes.map(\.id)).union(other.notes.map(\.id))
            if Set(merged.notes.map(\.id)) != notes { failures.append("order #\(id): a note is missing") }
            for (section, step) in original.checklist.allSteps {
                let path = "checklist.\(section.rawValue)[\(step.id)].tickedAt"
                let (left, right) = (Self.tick(of: step.id, in: mine), Self.tick(of: step.id, in: other))
                let found = Self.tick(of: step.id, in: merged)
                if let left, let right, left != right, left != step.tick, right != step.tick {
                    let earlier = left.at <= right.at ? left : right
                    if found != earlier { failures.append("order #\(id) \(step.id): the earlier of two ticks should stay") }
                } else if (left == nil) != (right == nil), left != step.tick, right != step.tick {
                    expectedConflicts.insert(key(.order(id), path))
                    if found == nil { failures.append("order #\(id) \(step.id): the tick should stay over the untick") }
                } else {
                    expect("order #\(id) \(step.id) tick", step.tick, left, right, found, conflict: nil)
                }
            }
        }
        // New orders: every one of both sides, whatever number it ended up with.
        let isNew = { (order: TrainingOrder) in base.order(id: order.id) == nil }
        let added = (ours.orders.filter(isNew) + theirs.orders.filter(isNew)).map(\.title).sorted()
        if merged.orders.filter(isNew).map(\.title).sorted() != added {
            failures.append("the new orders should be \(added), found \(merged.orders.filter(isNew).map(\.title).sorted())")
        }
        for (original, mine, other, found) in stakeholders(in: merged, failures: &failures) {
            if mine.stage != other.stage && mine.stage != original.stage && other.stage != original.stage {
                expectedConflicts.insert(key(.stakeholder(original.id), "stage"))
                let latest = found.stageHistory.max { $0.at < $1.at }?.to
                if found.stage != latest { failures.append("\(original.id): the stage should be that of the latest move") }
            } else {
                expect("\(original.id) stage", original.stage, mine.stage, other.stage, found.stage, conflict: nil)
            }
            let notes = Set(mine.notes.map(\.id)).union(other.notes.map(\.id))
            if Set(found.notes.map(\.id)) != notes { failures.append("\(original.id): a note is missing") }
        }
        let reported = Set(conflicts.map { key($0.subject, $0.path.description) })
        for missing in expectedConflicts.subtracting(reported).sorted() { failures.append("no conflict reported for \(missing)") }
        for extra in reported.subtracting(expectedConflicts).sorted() { failures.append("a conflict reported for \(extra)") }
        return failures
    }

    /// What a merge made without the common version (the merge was not given `base`, the
    /// test knows it) must hold: every change of both sides, nothing taken away (no untick,
    /// no deletion), and a conflict wherever the two sides differ on a field.
    public func failuresWithoutBase(merged: StoreDocument, conflicts: [MergeConflict]) -> [String] {
        var failures: [String] = []
        let reported = Set(conflicts.map { "\($0.subject) \($0.path.description)" })
        for original in base.orders {
            let id = original.id
            guard let found = merged.order(id: id) else {
                if ours.order(id: id) != nil || theirs.order(id: id) != nil { failures.append("order #\(id) is missing") }
                continue
            }
            guard let mine = ours.order(id: id), let other = theirs.order(id: id) else {
                if found != ours.order(id: id) ?? theirs.order(id: id) { failures.append("order #\(id) should be as one side left it") }
                continue
            }
            func field<Value: Equatable>(_ name: String, _ value: (TrainingOrder) -> Value) {
                let (left, right, result) = (value(mine), value(other), value(found))
                if left == right, result != left { failures.append("order #\(id) \(name): expected \(left), found \(result)") }
                if left != right {
                    if result != left && result != right { failures.append("order #\(id) \(name): \(result) is neither side's") }
                    if !reported.contains("\(MergeConflict.Subject.order(id)) \(name)") {
                        failures.append("no conflict reported for order #\(id) \(name)")
                    }
                }
            }
            field("title", \.title)
            field("priority", \.priority)
            field("status", \.status)
            field("due", \.due)
            if !Set(mine.tags).union(other.tags).isSubset(of: found.tags) { failures.append("order #\(id): a tag is missing") }
            if !Set(mine.notes.map(\.id)).union(other.notes.map(\.id)).isSubset(of: found.notes.map(\.id)) {
                failures.append("order #\(id): a note is missing")
            }
            for (_, step) in original.checklist.allSteps {
                let ticks = [Self.tick(of: step.id, in: mine), Self.tick(of: step.id, in: other)].compactMap { $0 }
                let result = Self.tick(of: step.id, in: found)
                if ticks.isEmpty != (result == nil) { failures.append("order #\(id) \(step.id): a tick should stay, an untick not apply") }
                if let earliest = ticks.min(by: { $0.at < $1.at }), ticks.count == 2, result != earliest, ticks[0] != ticks[1] {
                    failures.append("order #\(id) \(step.id): the earlier of two ticks should stay")
                }
            }
        }
        let isNew = { (order: TrainingOrder) in base.order(id: order.id) == nil }
        let added = Set((ours.orders.filter(isNew) + theirs.orders.filter(isNew)).map(\.title))
        if !added.isSubset(of: merged.orders.map(\.title)) {
            failures.append("the new orders \(added.subtracting(merged.orders.map(\.title)).sorted()) are missing")
        }
        for (original, mine, other, found) in stakeholders(in: merged, failures: &failures) {
            let latest = found.stageHistory.max { $0.at < $1.at }?.to
            if mine.stage != other.stage && found.stage != latest {
                failures.append("\(original.id): the stage should be that of the latest move")
            }
            if !Set(mine.notes.map(\.id)).union(other.notes.map(\.id)).isSubset(of: found.notes.map(\.id)) {
                failures.append("\(original.id): a note is missing")
            }
        }
        return failures
    }

    /// Each stakeholder of the base as each side and the merge have it, once what every
    /// merge must hold of them is checked: all there, every move of both kept.
    private func stakeholders(in merged: StoreDocument, failures: inout [String])
        -> [(original: Stakeholder, mine: Stakeholder, other: Stakeholder, found: Stakeholder)] {
        base.stakeholders.compactMap { original in
            guard let mine = ours.stakeholder(id: original.id), let other = theirs.stakeholder(id: original.id),
                  let found = merged.stakeholder(id: original.id) else {
                failures.append("stakeholder \(original.id) is missing")
                return nil
            }
            let moves = Set((mine.stageHistory + other.stageHistory).map { "\($0.at) \($0.from) \($0.to) \($0.by)" })
            if Set(found.stageHistory.map { "\($0.at) \($0.from) \($0.to) \($0.by)" }) != moves {
                failures.append("\(original.id): the stage history should hold every move of both")
            }
            return (original, mine, other, found)
        }
    }

    private static func tick(of step: String, in order: TrainingOrder) -> Tick? {
        order.checklist.location(ofStep: step).flatMap { order.checklist[$0.section][$0.index].tick }
    }
}
