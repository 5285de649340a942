import ArgumentParser
import Model

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", _superCommandName: "fours",
        abstract: "Check a store file and list every problem in it (exit status 0 when it is sound, 1 when not).",
        discussion: """
            Merge conflicts (a field two copies of the store changed two ways) are listed too, \
            with exit status 1 while any is open: settle them in the dashboard.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = storeOptions.path
        let found: StoreDocument.Reading?
        do { found = try Store.check(path: path) } catch { throw CommandFailure.report(error.message) }
        guard let reading = found else { throw CommandFailure.report("there is no store at \(path)") }
        guard reading.problems.isEmpty else {
            for problem in reading.problems { print(TerminalSafety.visible(problem.located(in: path))) }
            let count = reading.problems.count
            throw CommandFailure.report("\(count) problem\(count == 1 ? "" : "s") in \(path); the file was not changed")
        }
        let document = reading.document
        for copy in SyncConflictCopies.find(besideStoreAt: path) {
            let what = copy.isCertain ? "a conflicted copy from \(copy.service)" : "named like a copy from \(copy.service)"
            let verdict = switch SyncCopyMerge.verdict(on: copy, for: document, versions: storeOptions.versions) {
            case .merge: "opening fours, or any change, merges it in"
            case .alreadyHeld: "the store holds all of it"
            case .leaveAlone(let reason): "not merged: \(reason)"
            }
            print(TerminalSafety.visible("\(copy.path): \(what); \(verdict)"))
        }
        for entry in document.activity where entry.what == MergeCopy.withoutBaseActivity {
            print(TerminalSafety.visible("\(entry.at) \(entry.by) \(entry.what)"))
        }
        let open = document.orders.filter(\.status.isOpen).count
        print("\(path): sound. \(document.orders.count) orders (\(open) open), \(document.stakeholders.count) stakeholders.")
        guard document.conflicts.isEmpty else {
            for conflict in document.conflicts { print(TerminalSafety.visible(conflict.summary(in: document))) }
            let count = document.conflicts.count
            throw CommandFailure.report("\(count) merge conflict\(count == 1 ? "" : "s") in \(path) wait for a choice: "
                                        + "open the order in fours and press K to keep the value shown or O to take the other")
        }
    }
}
