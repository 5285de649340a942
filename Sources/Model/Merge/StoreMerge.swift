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
        var merger = JSONMerge()
        var merged = merger.mergeDocuments(base: base?.json, ours: ours.json, theirs: theirs.json)
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
        return Result(document: reading.document, conflicts: conflicts,
                      renumbered: merger.renumbered.map { ($0.from, $0.to) }, withoutBase: base == nil)
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

/// Why a merge stopped without writing anything.
public enum StoreMergeError: Error, Sendable, Equatable {
    case unreadable(String)

    public var message: String {
        switch self {
        case .unreadable(let reason): reason
        }
    }
}
