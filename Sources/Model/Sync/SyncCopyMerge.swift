/// Merges the conflicted copies a file-sync service left beside a store into it, each
/// against the newest version both grew from (known by the saves both list), and keeps
/// each copy: a name that says it is a conflicted copy is renamed `.merged`, any other is
/// left under its name. Never deletes a file; a copy that does not read, belongs to
/// another store or may not be read (a link, another person's) is left as it is.
public enum SyncCopyMerge {
    /// What became of the copies.
    public struct Report: Sendable, Equatable {
        /// One line per copy, for a command's output.
        public var lines: [String] = []
        public var merged = 0
        /// Of those, how many had no common version known: joined, nothing taken away.
        public var withoutBase = 0
        public var conflicts = 0
        /// Copies left as they were, by name.
        public var leftAlone: [String] = []

        public init() {}

        /// One short line for the status bar.
        public var summary: String {
            var parts: [String] = []
            if merged > 0 {
                var notes: [String] = []
                if withoutBase > 0 { notes.append("no common version known: both kept whole") }
                if conflicts > 0 { notes.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s"): ≠ marks them") }
                parts.append("Merged \(merged) sync conflicted cop\(merged == 1 ? "y" : "ies")"
                    + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"))
            }
            if !leftAlone.isEmpty {
                parts.append("\(leftAlone.count) cop\(leftAlone.count == 1 ? "y" : "ies") not merged: fours check says why")
            }
            return parts.joined(separator: " · ")
        }
    }

    /// What to do with a copy found beside the store.
    public enum Verdict: Sendable, Equatable {
        /// Merge it, against this common version (nil when none is known).
        case merge(StoreDocument, base: StoreDocument?)
        /// Nothing in it the store does not hold: an older version of it, or merged before.
        case alreadyHeld
        case leaveAlone(reason: String)
    }

    /// Reads a copy and decides, from its name and what it holds, whether to merge it: a
    /// copy whose merge would change nothing is held already, whatever saved it.
    public static func verdict(on copy: SyncCopy, for store: StoreDocument, versions: SyncVersions?) -> Verdict {
        if let refusal = copy.refusal { return .leaveAlone(reason: refusal) }
        let theirs: StoreDocument
        do throws(StoreError) {
            guard let read = try Store.readForMerge(path: copy.path) else { return .leaveAlone(reason: "it is empty") }
            theirs = read
        } catch {
            return .leaveAlone(reason: "it does not read as a store: \(error.problem)")
        }
        let (ours, other) = (store.lineage, theirs.lineage)
        if ours.isAnotherStore(than: other) { return .leaveAlone(reason: "it is another store (its storeID differs)") }
        let shared = ours.shared(with: other)
        guard copy.isCertain || ours.storeID != nil && ours.storeID == other.storeID || !shared.isEmpty else {
            return .leaveAlone(reason: "its name may be a person's own copy, and nothing shows it is a copy of this store")
        }
        let base = versions?.version(ofNewest: shared)
        if var merged = try? StoreMerge.merge(base: base, ours: store, theirs: theirs, by: "", at: Timestamp(secondsSince1970: 0)),
           merged.conflicts.isEmpty, merged.document == store {
            // Its text tells what equality leaves out: members this version does not know, the activity.
            merged.document.lineage = store.lineage
            if merged.document.json == store.json { return .alreadyHeld }
        }
        return .merge(theirs, base: base)
    }

    public static func mergeCopies(_ copies: [SyncCopy], into store: Store, by: String, at: Timestamp) -> Report {
        var report = Report()
        guard !copies.isEmpty else { return report }
        if let reason = store.readOnlyReason {
            report.leftAlone = copies.map(\.name)
            report.lines = ["\(copies.count) conflicted cop\(copies.count == 1 ? "y" : "ies") beside the store, not merged: \(reason)"]
            return report
        }
        for copy in copies {
            let (theirs, base): (StoreDocument, StoreDocument?)
            switch verdict(on: copy, for: store.document, versions: store.versions) {
            case .alreadyHeld:
                // Tidied away like a merged one when its name says what it is.
                if copy.isCertain, let kept = try? SyncConflictCopies.markMerged(copy.path) {
                    report.lines.append("\(copy.name) holds nothing the store does not; kept as \(RepositoryFiles.baseName(of: kept))")
                }
                continue
            case .leaveAlone(let reason):
                report.leftAlone.append(copy.name)
                report.lines.append("did not merge \(copy.name): \(reason)")
                continue
            case .merge(let document, let common):
                (theirs, base) = (document, common)
            }
            do throws(StoreError) {
                let applied = try store.apply(.mergeCopy(MergeCopy(theirs: theirs, base: base, by: by, at: at)))
                // Merged against itself from now on: the copy holds nothing new any more.
                store.versions?.keep(fileAt: copy.path, revision: theirs.lineage.latest)
                let kept = copy.isCertain ? RepositoryFiles.baseName(of: try SyncConflictCopies.markMerged(copy.path)) : nil
                report.merged += 1
                if case .mergeCopy(let merged) = applied {
                    report.conflicts += merged.conflicts
                    if merged.withoutBase { report.withoutBase += 1 }
                    report.lines.append("merged \(copy.name): \(merged.summary); "
                                        + (kept.map { "the copy is kept as \($0)" } ?? "the copy is left as it is"))
                }
            } catch {
                report.leftAlone.append(copy.name)
                report.lines.append("did not merge \(copy.name): \(error.problem)")
            }
        }
        return report
    }
}
