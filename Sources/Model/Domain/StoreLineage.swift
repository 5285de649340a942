/// Where a store's text comes from: the id it was created with, and its last saves,
/// newest first. Two files that hold one save both grew from the version that save
/// wrote: the newest such save is the version a merge of the two is made against, known by
/// identity, never guessed from likeness. Two saves never conflict over it: a merge joins
/// both lists.
public struct StoreLineage: Sendable, Equatable {
    /// Set when the store is created; a store from before has none.
    public var storeID: String?
    public private(set) var revisions: [Revision]

    /// How many saves a file remembers: enough to reach back over a week offline.
    public static let remembered = 50

    /// `revisions` newest first, as the file lists them.
    public init(storeID: String? = nil, revisions: [Revision] = []) {
        self.storeID = storeID
        self.revisions = Self.kept(revisions)
    }

    /// The save that wrote the file; nil for a file no fours of this kind saved.
    public var latest: Revision? { revisions.first }

    /// Records a save made at `moment`, and returns it.
    @discardableResult
    public mutating func recordSave(at moment: Timestamp) -> Revision {
        let revision = Revision.new(at: moment)
        revisions = Self.kept([revision] + revisions)
        return revision
    }

    /// A new store's lineage: an id of its own and its first save.
    public static func newStore(at moment: Timestamp) -> StoreLineage {
        var lineage = StoreLineage(storeID: Revision.new(at: moment).id)
        lineage.recordSave(at: moment)
        return lineage
    }

    /// The lineage of a merge of two copies: every save of both, newest first. The saves
    /// only one side made come before those both hold, whatever the clocks said (a machine's
    /// may be off, two saves may share a second); between themselves they go by time,
    /// each side's in its own order.
    public static func joined(_ ours: StoreLineage, _ theirs: StoreLineage) -> StoreLineage {
        let (mine, other) = (Set(ours.revisions), Set(theirs.revisions))
        var left = ours.revisions.filter { !other.contains($0) }[...]
        var right = theirs.revisions.filter { !mine.contains($0) }[...]
        var joined: [Revision] = []
        while let first = left.first, let second = right.first {
            if second.at > first.at {
                joined.append(second)
                right = right.dropFirst()
            } else {
                joined.append(first)
                left = left.dropFirst()
            }
        }
        let shared = ours.revisions.filter(other.contains) + theirs.revisions.filter(mine.contains)
        return StoreLineage(storeID: ours.storeID ?? theirs.storeID, revisions: joined + left + right + shared)
    }

    /// The saves both copies grew from, newest first: the first is their nearest common version.
    public func shared(with other: StoreLineage) -> [Revision] {
        let theirs = Set(other.revisions)
        return revisions.filter(theirs.contains)
    }

    /// Whether the two are known to be different stores: each has an id, and they differ.
    public func isAnotherStore(than other: StoreLineage) -> Bool {
        if let storeID, let otherID = other.storeID { return storeID != otherID }
        return false
    }

    /// Each save once, at its first place, and no more than are remembered.
    private static func kept(_ revisions: [Revision]) -> [Revision] {
        var seen = Set<String>()
        return Array(revisions.filter { seen.insert($0.id).inserted }.prefix(remembered))
    }
}
