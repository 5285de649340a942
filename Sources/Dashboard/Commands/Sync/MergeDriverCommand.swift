import ArgumentParser
import Model

/// What git runs to merge two versions of a store (set up by `fours git setup`).
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver", _superCommandName: "fours",
        abstract: "Merge two versions of a store by meaning; git runs this as the store's merge driver.",
        discussion: """
            git calls it with %O %A %B %P: the common version, ours, theirs and the store's path. \
            The merged store is written over OURS. Exit status 0: merged; 1: merged, with conflicts \
            recorded in the store for someone to choose (fours check lists them; the dashboard \
            settles them), or a file that does not read as a store, left with git's line \
            conflict markers. Set it up with: fours git setup
            """,
        shouldDisplay: false
    )

    @Argument(help: "The common version (empty when there is none).") var base: String
    @Argument(help: "Our version; the merge is written here.") var ours: String
    @Argument(help: "Their version.") var theirs: String
    @Argument(help: "The store's path in the repository, for messages.") var path: String?

    func run() throws {
        let shown = path ?? ours
        let documents: (base: StoreDocument?, ours: StoreDocument, theirs: StoreDocument)
        do throws(StoreError) {
            let base = try Store.readForMerge(path: base)
            guard let mine = try Store.readForMerge(path: ours), let other = try Store.readForMerge(path: theirs) else {
                throw StoreError.unreadable(path: shown, reason: "one side of the merge is empty")
            }
            documents = (base, mine, other)
        } catch {
            throw lineMerge(because: error.problem, shown: shown)
        }
        let result: StoreMerge.Result
        do {
            result = try StoreMerge.merge(base: documents.base, ours: documents.ours, theirs: documents.theirs,
                                          by: ProcessSetup.user, at: ProcessSetup.clock.now())
        } catch {
            throw lineMerge(because: error.message, shown: shown)
        }
        // The merge is a save of its own, which both sides' later copies grow from.
        var merged = result.document
        merged.lineage.recordSave(at: ProcessSetup.clock.now())
        do { try Store.write(merged, over: ours) } catch { throw CommandFailure.report(error.message) }
        FileHandleOutput.standardError("fours: \(shown): \(result.summary)\n")
        guard result.conflicts.isEmpty else {
            for conflict in result.conflicts {
                FileHandleOutput.standardError("  \(TerminalSafety.visible(conflict.summary(in: merged)))\n")
            }
            FileHandleOutput.standardError("fours: the store opens as it is; choose in the dashboard (or keep what was kept), "
                                           + "then: git add \(shown)\n")
            throw ExitCode(1)
        }
    }

    /// A side that is not a store fours can read: git's own line merge, with conflict
    /// markers, so that neither side is lost.
    private func lineMerge(because reason: String, shown: String) -> ExitCode {
        let run = ProgramRun.run(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs])
        let outcome = run == nil ? "git merge-file could not run; \(shown) is left as our version"
            : "left a line-by-line merge with conflict markers in \(shown)"
        return CommandFailure.report("cannot merge by meaning: \(reason); \(outcome)")
    }
}
