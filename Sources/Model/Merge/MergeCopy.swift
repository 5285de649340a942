/// Another copy of the store to merge in, such as the "conflicted copy" a file-sync
/// service leaves beside the store, with the version both grew from when it is known.
public struct MergeCopy: Sendable, Equatable {
    public var theirs: StoreDocument
    public var base: StoreDocument?
    /// Who merges, and when: recorded with each conflict.
    public var by: String
    public var at: Timestamp
    /// Filled in as the merge is applied: the orders it changed, and what it did in words.
    public internal(set) var changedOrders: Set<Int> = []
    public internal(set) var summary = ""
    /// How many conflicts the merge recorded.
    public internal(set) var conflicts = 0
    /// Whether no common version was known: both sides kept whole, nothing taken away.
    public internal(set) var withoutBase = false

    /// The activity a merge with no common version leaves, for `fours check` to show.
    public static let withoutBaseActivity = "merged a conflicted copy of the store with no common version known: "
        + "nothing was taken away, unticks and deletions in it were not applied"

    public init(theirs: StoreDocument, base: StoreDocument?, by: String, at: Timestamp) {
        self.theirs = theirs
        self.base = base
        self.by = by
        self.at = at
    }

    /// Merges into `document`, and says which orders changed: their text is written anew.
    func applied(to document: inout StoreDocument) throws(OperationConflict) -> MergeCopy {
        // An ancestor of the copy that the store, as it is now under the lock, grew from too.
        let base = base.flatMap { base in base.lineage.latest.map(document.lineage.revisions.contains) == true ? base : nil }
        let result: StoreMerge.Result
        do { result = try StoreMerge.merge(base: base, ours: document, theirs: theirs, by: by, at: at) } catch {
            throw OperationConflict(error.message)
        }
        var applied = self
        let before = Dictionary(document.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Equality leaves out members this version does not know; their text tells.
        applied.changedOrders = Set(result.document.orders.filter { order in
            guard let old = before[order.id] else { return true }
            return old != order || old.json != order.json
        }.map(\.id))
        applied.changedOrders.formUnion(before.keys.filter { result.document.order(id: $0) == nil })
        applied.summary = result.summary
        applied.conflicts = result.conflicts.count
        applied.withoutBase = result.withoutBase
        document = result.document
        return applied
    }
}
