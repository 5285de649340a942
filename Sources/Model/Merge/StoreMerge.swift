/// Merges two copies of a store that grew apart from one ancestor (two git branches, or a
/// file-sync service's "conflicted copy"): every change made on either side is kept, and a
/// field changed two ways is kept by a rule and recorded as a conflict in the store.
public enum StoreMerge {
    public struct Result: Sendable {
        public var document: StoreDocument
        /// The conflicts this merge found (the document also holds any found before).
        public var conflicts: [MergeConflict]
        /// Orders both sides added under one number; the other copy's took a new one.
        public var renumbered: [(from: Int, to: Int)]
        /// Whether there was no common ancestor, so the copies were joined as a union.
        public var withoutBase: Bool

        /// One line for a status bar or a command's output.
        public var summary: String {
            var parts: [String] = [withoutBase ? "merged as a union (no common version known)" : "merged"]
            parts.append(conflicts.isEmpty ? "no conflicts"
                : "\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") to choose (fours check lists them)")
            parts += renumbered.map { "their order #\($0.from) is now #\($0.to)" }
            return parts.joined(separator: "; ")
        }
    }

    /// `base` is the last version both sides had; nil when unknown. `ours` wins the
    /// conflicts; `by` and `at` record who merged and when.
    public static func merge(base: StoreDocument?, ours: StoreDocument, theirs: StoreDocument, by: String,
                             at: Timestamp) throws(StoreMergeError) -> Result {
        // The lineage is joined, not merged: two saves never conflict over it.
        func withoutLineage(_ document: StoreDocument) -> JSONValue {
            var plain = document
            plain.lineage = StoreLineage()
            return plain.json
        }
        var merger = JSONMerge()
        if base == nil { merger.addedOnBothSides = addedOnBothSides(ours, theirs) }
        var merged = merger.mergeDocuments(base: base.map(withoutLineage), ours: withoutLineage(ours),
                                           theirs: withoutLineage(theirs))
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let conflicts = merger.conflicts.enumerated().map { index, found in
            conflict(found, id: "\(at.secondsSince1970)-\(random)-\(index + 1)", at: at, by: by)
        }
        guard case .object(var root) = merged else { throw .unreadable("the merged store is not an object") }
        if case .array(let orders)? = root["orders"] {
            root["orders"] = .array(orders.sorted { orderNumber($0) < orderNumber($1) })
        }
        if !conflicts.isEmpty {
            var all: [JSONValue] = []
            if case .array(let earlier)? = root["conflicts"] { all = earlier }
            root["conflicts"] = .array(all + conflicts.map(\.json))
        }
        merged = .object(root)
        let reading = StoreDocument.read(merged)
        if let problem = reading.problems.first {
            throw .unreadable("the merged store would not open: \(problem.description)")
        }
        var document = reading.document
        document.lineage = .joined(ours.lineage, theirs.lineage)
        for renumbering in merger.renumbered {
            document.followRenumbering(from: renumbering.from, to: renumbering.to, leaving: ours)
        }
        return Result(document: document, conflicts: conflicts,
                      renumbered: merger.renumbered.map { ($0.from, $0.to) }, withoutBase: base == nil)
    }

    /// The order numbers each side's activity says it added an order under, differently:
    /// without a common version, only this tells two new orders of one number apart.
    private static func addedOnBothSides(_ ours: StoreDocument, _ theirs: StoreDocument) -> Set<Int> {
        func additions(_ document: StoreDocument) -> [Int: ActivityEntry] {
            Dictionary(document.activity.compactMap { entry in
                entry.order.flatMap { entry.what.hasPrefix("added #\($0) ") ? ($0, entry) : nil }
            }, uniquingKeysWith: { _, last in last })
        }
        let (mine, other) = (additions(ours), additions(theirs))
        return Set(mine.keys.filter { other[$0] != nil && other[$0] != mine[$0] })
    }

    private static func orderNumber(_ order: JSONValue) -> Double {
        switch MergePath.id(of: order) {
        case .number(let number)?, .numberWithText(let number, _)?: number
        default: .infinity
        }
    }

    /// Splits a path in the whole store into what it belongs to and where in it.
    private static func conflict(_ found: JSONMerge.Conflict, id: String, at: Timestamp, by: String) -> MergeConflict {
        var subject = MergeConflict.Subject.store
        var path = found.path
        if case .member(let list)? = path.segments.first, path.segments.count >= 2, case .element(let key) = path.segments[1] {
            switch (list, key) {
            case ("orders", .number(let number)), ("orders", .numberWithText(let number, _)):
                subject = .order(Int(number))
                path = MergePath(Array(path.segments.dropFirst(2)))
            case ("stakeholders", .string(let name)):
                subject = .stakeholder(name)
                path = MergePath(Array(path.segments.dropFirst(2)))
            default:
                break
            }
        }
        return MergeConflict(id: id, subject: subject, path: path, kept: found.kept, other: found.other, rule: found.rule,
                             at: at, by: by)
    }
}

extension StoreDocument {
    /// Their order #`from` is #`to` now: what their copy said about it (the activity, the
    /// conflicts it held) follows it. What `ours` holds is about our own #`from`.
    fileprivate mutating func followRenumbering(from: Int, to: Int, leaving ours: StoreDocument) {
        for index in activity.indices where activity[index].order == from && !ours.activity.contains(activity[index]) {
            activity[index].order = to
            activity[index].what = Self.renumbered(activity[index].what, from: from, to: to)
        }
        for index in conflicts.indices where conflicts[index].subject == .order(from)
            && !ours.conflicts.contains(where: { $0.id == conflicts[index].id }) {
            conflicts[index].subject = .order(to)
        }
    }

    /// `text` with each "#from" (not "#from0") written "#to".
    private static func renumbered(_ text: String, from: Int, to: Int) -> String {
        let mark = "#\(from)"
        var result = ""
        var rest = Substring(text)
        while let found = rest.firstRange(of: mark) {
            let next = rest[found.upperBound...].first
            result += rest[..<found.lowerBound] + (next?.isNumber == true ? mark : "#\(to)")
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}

/// Why a merge stopped without writing anything.
public enum StoreMergeError: Error, Sendable, Equatable {
    case unreadable(String)

    public var message: String {
        switch self {
        case .unreadable(let reason): reason
        }
    }
}
