import ArgumentParser
import Model
import TestSupport

/// Puts the store and the terminal handling through what real teams do to them: killed
/// saves, two writers at once, broken files, and signals. Prints a figure for each.
@main
struct ReliabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fours-reliability",
        abstract: "Run the reliability suite against the built fours and print its figures.",
        subcommands: [RunSuite.self, Writer.self],
        defaultSubcommand: RunSuite.self
    )
}

struct RunSuite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run every check (the default).")

    @Option(help: "Writers killed with SIGKILL at random points during saves.")
    var kills = 500

    @Option(help: "Seconds two writers change one store at the same time.")
    var seconds = 60

    @Option(help: "Mutated and random store files to load.")
    var files = 10_000

    @Option(help: "Runs of fours in tmux per way of ending it (Ctrl-C, SIGINT, SIGTERM, crash).")
    var endings = 3

    @Option(help: "Forms filled with random values in the real dashboard.")
    var forms = 400

    @Option(help: "Runs of toggling one step while the disk fills and empties.")
    var faults = 10

    @Flag(help: "A quick version of every check, for the test suite.")
    var short = false

    func run() throws {
        let checks: [any ReliabilityCheck] = [
            KillDuringSaves(runs: short ? 30 : kills),
            TwoWriters(seconds: short ? 3 : seconds),
            TwoWriters(seconds: short ? 3 : seconds / 2, deletingLockFile: true),
            BadFiles(count: short ? 1_000 : files),
            TerminalEndings(runsPerEnding: short ? 1 : endings),
            FormFuzz(forms: short ? 40 : forms),
            SaveFaults(runs: short ? 2 : faults),
        ]
        var failed = 0
        for check in checks {
            let report = try check.run()
            print("\(report.passed ? "ok  " : "FAIL") \(report.name): \(report.figures)")
            if !report.passed { failed += 1 }
        }
        print(failed == 0 ? "\(checks.count) passed, 0 failed" : "\(checks.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

struct Report {
    var name: String
    var figures: String
    var passed: Bool
}

extension Report {
    /// A check that passes when nothing went wrong; the figures end with the first few failures.
    init(name: String, figures: String, failures: [String]) {
        self.init(name: name, figures: figures + (failures.isEmpty ? "" : "; first: \(failures.prefix(3))"), passed: failures.isEmpty)
    }
}

protocol ReliabilityCheck {
    func run() throws -> Report
}

/// The built binaries sit beside this tool.
enum Binaries {
    static var reliability: String { TmuxSession.absolutePath(CommandLine.arguments[0]) }
}
