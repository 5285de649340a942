/// Merges the conflicted copies a file-sync service left beside a store into it, each
/// against the version this machine saw that it grew from, and keeps each copy under a
/// `.merged` name. Never deletes a file; a copy that does not read is left as it is.
public enum SyncCopyMerge {
    /// What happened, one line per copy, for the status line or a command's output.
    public static func mergeCopies(_ copies: [String], into store: Store, by: String, at: Timestamp) -> [String] {
        guard !copies.isEmpty else { return [] }
        if let reason = store.readOnlyReason {
            return ["\(copies.count) conflicted cop\(copies.count == 1 ? "y" : "ies") beside the store, not merged: \(reason)"]
        }
        return copies.map { copy in
            let name = RepositoryFiles.baseName(of: copy)
            let theirs: StoreDocument
            do throws(StoreError) {
                guard let read = try Store.readForMerge(path: copy) else { return "\(name) is empty: left as it is" }
                theirs = read
            } catch {
                return "\(name) does not read as a store (\(error.message)): left as it is"
            }
            let base = store.versions?.nearest(to: theirs)
            do throws(StoreError) {
                let applied = try store.apply(.mergeCopy(MergeCopy(theirs: theirs, base: base, by: by, at: at)))
                let kept = try SyncConflictCopies.markMerged(copy)
                guard case .mergeCopy(let merged) = applied else { return "merged \(name)" }
                return "merged \(name): \(merged.summary); the copy is kept as \(RepositoryFiles.baseName(of: kept))"
            } catch {
                return "could not merge \(name): \(error.message)"
            }
        }
    }
}
