import ArgumentParser
import Model
import CNcurses
import Glibc

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the dashboard (the default command)."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Open the store without ever writing to it.")
    var readOnly = false

    /// For the reliability suite: a real crash inside the running dashboard.
    @Flag(name: .long, help: .hidden)
    var crashAfterStart = false

    func run() throws {
        try Self.open(DashboardArguments(store: storeOptions.store, readOnly: readOnly, crashAfterStart: crashAfterStart))
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
        let store: Store
        do {
            let path = StoreOptions.path(explicit: arguments.store)
            store = try Store(path: path, readOnly: arguments.readOnly, versions: StoreOptions.versions(of: path),
                              checklistsLater: true)
        } catch {
            throw CommandFailure.report(error.message)
        }
        let environment = ProcessSetup.environment
        store.author = ProcessSetup.userName(environment: environment)
        store.clock = ProcessSetup.clock
        let signals = SignalPipe()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            throw CommandFailure.report(error.message)
        }
        let program = Program(store: store, terminal: terminal, signals: signals, keyMap: .standard,
                              user: ProcessSetup.userName(environment: environment),
                              preferencesPath: ViewPreferences.path(environment: environment),
                              clock: { ProcessSetup.clock.now() })
        let unsaved = program.run(crashingAfterFirstFrame: arguments.crashAfterStart)
        terminal.close()
        if let failure = program.failure { throw CommandFailure.report(failure) }
        if let unsaved { FileHandleOutput.standardError("fours: \(TerminalSafety.visible(unsaved))\n") }
        // Freeing a large store takes time and achieves nothing at exit; even the kernel's
        // taking back the memory is left to a helper, after the shell has its prompt again.
        fours_exit_leaving_memory(unsaved == nil ? 0 : 1)
    }
}

/// What the dashboard is opened with.
struct DashboardArguments: Equatable {
    var store: String?
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
            } else if argument == "--store", store == nil, let path = rest.popFirst(), !path.isEmpty, !path.hasPrefix("-") {
                store = path
            } else if argument.hasPrefix("--store="), store == nil, argument.count > "--store=".count {
                store = String(argument.dropFirst("--store=".count))
            } else {
                return nil
            }
        }
    }
}
