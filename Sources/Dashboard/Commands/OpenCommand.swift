import ArgumentParser
import Model
import CNcurses
import Glibc

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", _superCommandName: "fours",
        abstract: "Open the dashboard (the default command)."
    )

    @OptionGroup var storesOptions: StoresOptions

    @Flag(name: .long, help: "Open the store without ever writing to it.")
    var readOnly = false

    /// For the reliability suite: a real crash inside the running dashboard.
    @Flag(name: .long, help: .hidden)
    var crashAfterStart = false

    func run() throws {
        try Self.open(DashboardArguments(stores: storesOptions.stores, readOnly: readOnly, crashAfterStart: crashAfterStart))
    }

    /// Runs the dashboard until it ends, then ends the process.
    static func open(_ arguments: DashboardArguments) throws -> Never {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure.report("""
                the dashboard needs a terminal (standard input and output are not one).
                Commands that work without a terminal:
                  fours demo --store PATH    write a demo store to PATH
                  fours check --store PATH   list every problem in a store file
                  fours standup --store PATH print the stand-up as text, Markdown or JSON
                  fours report --store PATH  write the partnership story as an HTML page with charts
                  fours --help               list every command
                """)
        }
        fours_return_large_blocks()
        let environment = ProcessSetup.environment
        let user = ProcessSetup.user
        let paths = StoresOptions.paths(given: arguments.stores)
        let store: any DashboardStore
        var notice: String?
        if paths.count == 1 {
            store = try openStore(paths[0], readOnly: arguments.readOnly)
        } else {
            let department = try openDepartment(paths, readOnly: arguments.readOnly)
            (store, notice) = (department.stores, department.notice)
        }
        let signals = SignalPipe()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            throw CommandFailure.report(error.message)
        }
        let program = Program(store: store, terminal: terminal, signals: signals, keyMap: .standard, user: user,
                              preferencesPath: ViewPreferences.path(environment: environment), notice: notice,
                              clock: { ProcessSetup.clock.now() })
        let unsaved = program.run(crashingAfterFirstFrame: arguments.crashAfterStart)
        terminal.close()
        if let failure = program.failure { throw CommandFailure.report(failure) }
        if let unsaved { FileHandleOutput.standardError("fours: \(TerminalSafety.visible(unsaved))\n") }
        // Freeing a large store takes time and achieves nothing at exit; even the kernel's
        // taking back the memory is left to a helper, after the shell has its prompt again.
        fours_exit_leaving_memory(unsaved == nil ? 0 : 1)
    }

    /// One store, its checklists read after the first frame.
    private static func openStore(_ path: String, readOnly: Bool) throws -> Store {
        do {
            let store = try Store.forThisRun(at: path, readOnly: readOnly, checklistsLater: true)
            store.recordsPlacesLater = true
            return store
        } catch {
            throw CommandFailure.report(error.message)
        }
    }

    /// A department's stores seen together; one that does not open is named in what the
    /// dashboard says first, and the others shown.
    private static func openDepartment(_ paths: [String], readOnly: Bool) throws -> (stores: DepartmentStores, notice: String) {
        var stores: [Store] = []
        var problems: [String] = []
        for path in paths {
            // The same file named twice is shown once.
            if let shown = stores.first(where: { UserFile.isSameFile($0.path, as: path) }) {
                problems.append("\(path) is \(shown.path)")
                continue
            }
            do {
                let store = try Store.forThisRun(at: path, readOnly: readOnly)
                store.recordsPlacesLater = true
                guard store.exists else {
                    problems.append("there is no store at \(path)")
                    continue
                }
                stores.append(store)
            } catch {
                problems.append(error.message)
            }
        }
        guard !stores.isEmpty else {
            throw CommandFailure.report("none of the stores opened: " + problems.joined(separator: "; "))
        }
        let department = DepartmentStores(stores)
        let notice = "\(Counted(stores.count, "store")) together (\(department.document.teamNames.joined(separator: ", "))): "
            + "each change goes to its order's own store" + (problems.isEmpty ? "" : "; left out: " + problems.joined(separator: "; "))
        return (department, notice)
    }
}

/// What the dashboard is opened with.
struct DashboardArguments: Equatable {
    /// None for the default store (or `$FOURS_STORES`); several for a department's stores.
    var stores: [String] = []
    var readOnly = false
    var crashAfterStart = false
}

extension DashboardArguments {
    /// The arguments nearly every start has (none, `--store PATH`, `--read-only`), read
    /// without the command-line parser: building its picture of every command costs more
    /// than a millisecond before the first frame. Nil for anything else, which the parser
    /// then reads, with its help and its messages.
    init?(quickly arguments: some Collection<String>) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--read-only", !readOnly {
                readOnly = true
            } else if argument == "--store", stores.isEmpty, let path = rest.popFirst(), !path.isEmpty, !path.hasPrefix("-") {
                stores = [path]
            } else if argument.hasPrefix("--store="), stores.isEmpty, argument.count > "--store=".count {
                stores = [String(argument.dropFirst("--store=".count))]
            } else {
                return nil
            }
        }
    }
}
