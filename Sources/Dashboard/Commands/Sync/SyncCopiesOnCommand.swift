import Model

/// What a command does about the conflicted copies beside the store: one that changes the
/// store merges them first, as the dashboard does; one that only reads says they wait.
enum SyncCopiesOnCommand {
    static func mergeBeforeChange(into store: Store, by user: String) throws(StoreError) {
        let copies = SyncConflictCopies.find(besideStoreAt: store.path)
        // A copy is weighed against the whole store.
        if !copies.isEmpty { try store.readEveryOrder() }
        let report = SyncCopyMerge.mergeCopies(copies, into: store, by: user, at: ProcessSetup.clock.now())
        for line in report.lines { FileHandleOutput.standardError("fours: \(TerminalSafety.visible(line))\n") }
    }

    static func sayWhatWaits(beside store: Store) throws(StoreError) {
        let copies = SyncConflictCopies.find(besideStoreAt: store.path)
        if !copies.isEmpty { try store.readEveryOrder() }
        let waiting = copies.filter { copy in
            if case .merge = SyncCopyMerge.verdict(on: copy, for: store.document, versions: store.versions) { true } else { false }
        }
        guard !waiting.isEmpty else { return }
        let one = waiting.count == 1
        FileHandleOutput.standardError("fours: \(waiting.count) conflicted cop\(one ? "y" : "ies") of the store "
                                       + "wait\(one ? "s" : "") beside it (\(waiting.map(\.name).joined(separator: ", "))); the next "
                                       + "change or opening fours merges \(one ? "it" : "them")\n")
    }
}
