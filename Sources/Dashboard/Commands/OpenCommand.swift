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
            store = try Store(path: storeOptions.path, readOnly: readOnly, versions: storeOptions.versions,
                              checklistsLater: true)
        } catch {
            throw CommandFailure.report(error.message)
        }
        let environment = ProcessSetup.environment
        store.author = ProcessSetup.userName(environment: environment)
        let signals = SignalPipe()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            throw CommandFailure.report(error.message)
        }
        let program = Program(store: store, terminal: terminal, signals: signals, keyMap: .standard,
                              user: ProcessSetup.userName(environment: environment),
                              preferencesPath: ViewPreferences.path(environment: environment))
        let unsaved = program.run(crashingAfterFirstFrame: crashAfterStart)
        terminal.close()
        if let failure = program.failure { throw CommandFailure.report(failure) }
        if let unsaved { FileHandleOutput.standardError("fours: \(TerminalSafety.visible(unsaved))\n") }
        // Freeing a large store takes time and achieves nothing at exit.
        Glibc.exit(unsaved == nil ? 0 : 1)
    }
}
