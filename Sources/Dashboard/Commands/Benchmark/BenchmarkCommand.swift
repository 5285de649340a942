import ArgumentParser
import Model
import Glibc

/// Measures what a user feels: the real binary started on a 200x50 pseudo-terminal with
/// a generated store, timed from outside from exec to the end of each redraw, beside a
/// tiny C ncurses program that fills the same screen (the floor), in one run.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark", _superCommandName: "fours",
        abstract: "Time the real dashboard on generated stores, beside a C ncurses floor (nothing of yours is touched).",
        discussion: """
            For each size: the first full frame, keys (move, tick to its redraw and to the redraw \
            after its save, search letter, search backspace, view switch, opening a form) at the \
            median (p50) and p99, the \
            first tick, how soon another \
            process's change shows, quitting, and peak memory; then the commands a script runs, from exec \
            to exit (list, show, note, tick with its durable save, completing an order number), beside \
            taskwarrior's (task list, info, annotate, start or stop, _ids) on as many tasks as the largest \
            store has orders when it is installed. Example: fours benchmark --orders 1000,10000
            """
    )

    @Option(name: .long, help: "How many orders to generate, comma-separated for several sizes.")
    var orders: String = "1000,10000"

    @Option(name: .long, help: "Runs per size; the figures are over all runs.")
    var runs: Int = 3

    @Option(name: .long, help: "Keys of each kind per run.")
    var keys: Int = 20

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    func run() throws {
        let counts = orders.split(separator: ",").compactMap { Int($0.filter { $0 != " " }) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), runs > 0, keys > 0 else {
            throw CommandFailure.report("--orders takes whole numbers above 0, such as 1000,10000; --runs and --keys above 0")
        }
        var template = Array("/tmp/fours-benchmark-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template).map({ String(cString: $0) }) else {
            throw CommandFailure.report("cannot make a temporary folder in /tmp")
        }
        defer { _ = system("rm -rf '\(folder)'") }
        let bench = BenchmarkRuns(folder: folder, runs: runs, keys: keys)
        var columns: [BenchmarkFigures] = []
        do {
            if let floor = bench.floor() { columns.append(floor) }
            for count in counts { columns.append(try bench.fours(orders: count)) }
            // taskwarrior's commands on as many tasks as the largest store has orders, when it is here.
            if let largest = counts.max(), let peer = bench.taskwarrior(tasks: largest) { columns.append(peer) }
        } catch {
            throw CommandFailure.report(error.message)
        }
        print(json ? BenchmarkFigures.json(columns) : BenchmarkFigures.table(columns), terminator: "")
    }
}
