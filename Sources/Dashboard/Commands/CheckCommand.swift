import ArgumentParser
import Model

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
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
        for copy in SyncConflictCopies.find(besideStoreAt: path) {
            let service = SyncConflictCopies.service(naming: RepositoryFiles.baseName(of: copy),
                                                     copyOf: RepositoryFiles.baseName(of: path)) ?? "a sync service"
            let problem: String
            do { _ = try Store.readForMerge(path: copy); problem = "opening fours merges it in" } catch {
                problem = "it does not read as a store, so it is not merged: \(error.problem)"
            }
            print(TerminalSafety.visible("\(copy): a conflicted copy from \(service); \(problem)"))
        }
        let document = reading.document
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
