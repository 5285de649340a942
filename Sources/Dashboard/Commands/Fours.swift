import ArgumentParser
import CNcurses
import Model
import Glibc

@main
struct Fours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fours",
        abstract: "A terminal dashboard for L&D training orders, their 4S checklists, and each stakeholder's place "
            + "on the spectrum from order taker to strategic business partner.",
        discussion: """
            The store is one JSON file: --store PATH, else $FOURS_STORE, else \
            $XDG_DATA_HOME/fours/store.json (~/.local/share/fours/store.json). \
            Ticks and stage moves are recorded under $FOURS_USER, else your login name.
            """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self, AddCommand.self, FollowUpCommand.self,
                      EditCommand.self, TickCommand.self, UntickCommand.self, StageCommand.self, NoteCommand.self, EditStakeholderCommand.self,
                      CloseCommand.self, ReopenCommand.self, TagCommand.self, DeleteCommand.self, UndoCommand.self, StakeholdersCommand.self, BriefCommand.self, TemplateCommand.self, CalendarCommand.self,
                      StandupCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, CheckCommand.self,
                      GitCommand.self, MergeDriverCommand.self, BenchmarkCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    static func main() {
        ProcessSetup.prepare()
        do {
            if case .failure(let error) = ProcessSetup.clockSetting {
                throw ValidationError(error.message)
            }
            if let dashboard = DashboardArguments(quickly: CommandLine.arguments.dropFirst()) {
                try OpenCommand.open(dashboard)
            }
            let arguments = Self.subcommandFirst(Array(CommandLine.arguments.dropFirst()))
            var command = try Self.parsedAlone(arguments) ?? parseAsRoot(arguments)
            try command.run()
            KeptUntilExit.exitSucceeded()
        } catch {
            exit(withError: error)
        }
    }
}

extension Fours {
    /// The command named first, parsed on its own: the argument parser then looks at its
    /// options alone, not at every command's (a third of a small command's time). Each such
    /// command names `fours` as the command above it (`_superCommandName`), so that parsed
    /// alone it is not checked again for a completion-script request, which this has ruled
    /// out (a tenth of a small command's time). Nil when
    /// help or completion is asked for, the command has commands of its own, or the
    /// arguments do not parse: the whole line is parsed then, for the usual help and messages.
    static func parsedAlone(_ arguments: [String]) -> (any ParsableCommand)? {
        let asksForHelp = arguments.contains { word in
            ["-h", "--help", "help", "--version"].contains(word) || ["---", "--generate", "--experimental"].contains(where: word.hasPrefix)
        }
        guard let name = arguments.first, !asksForHelp,
              let command = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
              command.configuration.subcommands.isEmpty else { return nil }
        return try? command.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// The arguments with the subcommand first: `fours --store team.json list` reads as
    /// `fours list --store team.json`, as people type global options before the command.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.map { $0.configuration.commandName ?? "" })
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if names.contains(argument) {
                guard index > 0 else { return arguments }
                return [argument] + arguments[..<index] + arguments[(index + 1)...]
            }
            // Only the store may come first; its value is never taken for a command's name.
            if argument == "--store" {
                index += 2
            } else if argument.hasPrefix("--store=") {
                index += 1
            } else {
                return arguments
            }
        }
        return arguments
    }
}

/// Options shared by every command that works on a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    var store: String?

    var path: String { Self.path(explicit: store) }

    /// Where this machine keeps the versions of the store it read, for merging sync copies.
    var versions: SyncVersions { Self.versions(of: path) }

    static func path(explicit: String?) -> String {
        StoreLocation.resolve(explicit: explicit, environment: ProcessSetup.environment)
    }

    static func versions(of path: String) -> SyncVersions {
        SyncVersions(storePath: path, stateFolder: SyncVersions.stateFolder(environment: ProcessSetup.environment))
    }

    func validate() throws {
        if let store, store.isEmpty { throw ValidationError("--store needs a path, such as --store team.json") }
    }

    /// The store, read-only, for a summary of it (the stand-up, the report), saying on
    /// stderr when conflicted copies wait beside it. A summary of a store that is not there
    /// would be all zeros: more likely a typo, so it is an error.
    func openForSummary() throws -> Store {
        let store: Store
        do { store = try Store(path: path, readOnly: true) } catch {
            throw CommandFailure.report(error.message)
        }
        guard store.exists else {
            throw CommandFailure.report("there is no store at \(path); check the path (--store or $FOURS_STORE)")
        }
        KeptUntilExit.keep(store)
        do { try SyncCopiesOnCommand.sayWhatWaits(beside: store) } catch { throw CommandFailure.report(error.message) }
        return store
    }
}

extension StoreOptions {
    /// The options `--store path` gives, made without parsing a command line again.
    init(path: String) {
        self.init()
        store = path
    }
}

/// `--store` given once or more (or `$FOURS_STORES`, paths separated by colons): the commands
/// that can show a department's stores together take them.
struct StoresOptions: ParsableArguments {
    @Option(name: .customLong("store"),
            help: ArgumentHelp("The store file; give it again for each team's store to see them together "
                               + "(or $FOURS_STORES, separated by colons).", valueName: "path"))
    var stores: [String] = []

    var paths: [String] { Self.paths(given: stores) }

    /// The stores given, else those `$FOURS_STORES` lists, else the one store.
    static func paths(given stores: [String]) -> [String] {
        if !stores.isEmpty { return stores }
        if let list = ProcessSetup.environment["FOURS_STORES"], !list.isEmpty {
            return list.split(separator: ":").map(String.init)
        }
        return [StoreOptions.path(explicit: nil)]
    }

    func validate() throws {
        if stores.contains(where: \.isEmpty) { throw ValidationError("--store needs a path, such as --store team.json") }
    }

    /// The one store, when one is named.
    func single() -> StoreOptions? {
        let paths = paths
        return paths.count == 1 ? StoreOptions(path: paths[0]) : nil
    }

    /// The department of the stores named, read-only; a store that does not open is named on
    /// stderr and left out, the others shown (none opening is an error).
    func department() throws -> Department {
        var opened: [(path: String, document: StoreDocument)] = []
        for path in paths {
            do {
                let store = try Store(path: path, readOnly: true)
                KeptUntilExit.keep(store)
                guard store.exists else {
                    FileHandleOutput.standardError("fours: there is no store at \(path); the others are shown\n")
                    continue
                }
                try SyncCopiesOnCommand.sayWhatWaits(beside: store)
                opened.append((path, store.document))
            } catch {
                FileHandleOutput.standardError("fours: \(TerminalSafety.visible(error.message, keepingLines: true)); the others are shown\n")
            }
        }
        guard !opened.isEmpty else { throw CommandFailure.report("none of the stores opened (\(paths.joined(separator: ", ")))") }
        return Department(opened)
    }
}

/// Reports a failure the user can act on, and gives the exit status that goes with it.
enum CommandFailure {
    static func report(_ message: String) -> ExitCode {
        // A message may quote the store (a name, a bad value): shown, never obeyed.
        FileHandleOutput.standardError("fours: \(TerminalSafety.visible(message, keepingLines: true))\n")
        return ExitCode(1)
    }
}
