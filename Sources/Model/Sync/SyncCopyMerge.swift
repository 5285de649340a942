/// Merges the conflicted copies a file-sync service left beside a store into it, each
/// against the version this machine saw that it grew from, and keeps each copy under a
/// `.merged` name. Never deletes a file; a copy that does not read is left as it is.
public enum SyncCopyMerge {
    /// What became of the copies.
    public struct Report: Sendable, Equatable {
        /// One line per copy, for a command's output.
        public var lines: [String] = []
        public var merged = 0
        public var conflicts = 0
        /// Copies left as they were, by name.
        public var leftAlone: [String] = []

        public init() {}

        /// One short line for the status bar.
        public var summary: String {
            var parts: [String] = []
            if merged > 0 {
                parts.append("Merged \(merged) sync conflicted cop\(merged == 1 ? "y" : "ies")"
                    + (conflicts == 0 ? "" : " (\(conflicts) conflict\(conflicts == 1 ? "" : "s"): ≠ marks them)"))
            }
            if !leftAlone.isEmpty {
                parts.append("\(leftAlone.count) cop\(leftAlone.count == 1 ? "y" : "ies") not merged: fours check says why")
            }
            return parts.joined(separator: " · ")
        }
    }

    public static func mergeCopies(_ copies: [String], into store: Store, by: String, at: Timestamp) -> Report {
        var report = Report()
        guard !copies.isEmpty else { return report }
        if let reason = store.readOnlyReason {
            report.leftAlone = copies.map(RepositoryFiles.baseName)
            report.lines = ["\(copies.count) conflicted cop\(copies.count == 1 ? "y" : "ies") beside the store, not merged: \(reason)"]
            return report
        }
        for copy in copies {
            let name = RepositoryFiles.baseName(of: copy)
            do throws(StoreError) {
                guard let theirs = try Store.readForMerge(path: copy) else { throw .unreadable(path: copy, reason: "it is empty") }
                let base = store.versions?.nearest(to: theirs)
                let applied = try store.apply(.mergeCopy(MergeCopy(theirs: theirs, base: base, by: by, at: at)))
                let kept = try SyncConflictCopies.markMerged(copy)
                report.merged += 1
                if case .mergeCopy(let merged) = applied {
                    report.conflicts += merged.conflicts
                    report.lines.append("merged \(name): \(merged.summary); the copy is kept as \(RepositoryFiles.baseName(of: kept))")
                }
            } catch {
                report.leftAlone.append(name)
                report.lines.append("did not merge \(name): \(error.problem)")
            }
        }
        return report
    }
}
