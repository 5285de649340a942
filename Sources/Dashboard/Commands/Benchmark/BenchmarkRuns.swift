import Model
import Glibc

/// Runs the programs the benchmark compares and collects their timings.
struct BenchmarkRuns {
    let folder: String
    let runs: Int
    let keys: Int
    private let size = Size(width: 200, height: 50)

    init(folder: String, runs: Int, keys: Int) {
        self.folder = folder
        self.runs = runs
        self.keys = keys
    }

    private var environment: [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": folder, "PATH": "/usr/bin:/bin",
         "FOURS_USER": "bench", "XDG_STATE_HOME": "\(folder)/state"]
    }

    /// The dashboard on a store of `count` orders: a fresh copy for every run, so each
    /// first tick is a first tick, and its first frame that of a file this machine has not
    /// read before. Once the commands have run on it, it is opened again, as one's own
    /// store is opened day to day: that is "first frame".
    func fours(orders count: Int) throws(PseudoTerminalRun.Failure) -> BenchmarkFigures {
        let original = "\(folder)/generated-\(count).json"
        do { try Store.create(path: original, document: GeneratedStore.make(orders: count, now: ProcessSetup.clock.now())) } catch {
            throw .cannotStart(error.message)
        }
        var figures = BenchmarkFigures(name: "\(count) orders", program: .fours, items: count)
        var status = stat()
        stat(original, &status)
        figures.fileMB = Double(status.st_size) / 1_048_576
        for run in 0..<runs {
            let path = "\(folder)/run-\(count)-\(run).json"
            _ = system("cp '\(original)' '\(path)'")
            let session = try PseudoTerminalRun(["/proc/self/exe", "--store", path], environment: environment, size: size)
            guard let frame = session.readUntilQuiet(marker: "quit") else { throw .cannotStart("fours drew no frame") }
            figures.record("first frame, file new here", frame - session.started)
            for _ in 0..<keys { time("move", "j", in: session, into: &figures) }
            _ = press("\t", in: session)
            tick("first tick + save", in: session, into: &figures)
            for _ in 0..<keys { tick("tick + save", in: session, into: &figures) }
            _ = press("\u{1b}", in: session)
            _ = press("/", in: session)
            for _ in 0..<keys { time("search letter", "e", in: session, into: &figures) }
            for _ in 0..<keys { time("search backspace", "\u{7f}", in: session, into: &figures) }
            _ = press("\u{1b}", in: session)
            for _ in 0..<keys {
                for view in ["2", "3", "4", "1"] { time("view switch", view, in: session, into: &figures) }
            }
            for _ in 0..<keys {
                time("open a form", "e", in: session, into: &figures)
                _ = press("\u{1b}", in: session)
            }
            // Another process ticks a step of the order on top of the queue: from its save to
            // the dashboard's redraw.
            if let other = try? Store(path: path),
               let first = OrderQueue(other.document, today: ProcessSetup.clock.today).orderIDs.first,
               let step = other.document.order(id: first)?.checklist.allSteps.last?.step,
               (try? other.apply(.setStep(order: first, step: step.id, tick: step.tick == nil ? Tick(at: ProcessSetup.clock.now(), by: "other") : nil))) != nil {
                let changed = ContinuousClock.now
                // Until the dashboard says so: a message expiring meanwhile redraws too.
                if let shown = session.readUntilQuiet(marker: "Reloaded", timeout: .seconds(10)) {
                    figures.record("reload", shown - changed)
                }
            }
            // Another process's change leaves work on the other core for a moment (the search
            // index made again, the version read kept for merges): quit once it is done.
            usleep(500_000)
            quit(session, with: "q", into: &figures)
            commands(on: path, into: &figures)
            let again = try PseudoTerminalRun(["/proc/self/exe", "--store", path], environment: environment, size: size)
            guard let known = again.readUntilQuiet(marker: "quit") else { throw .cannotStart("fours drew no frame") }
            figures.record("first frame", known - again.started)
            // Quit once the rest of the store is read, as a day's work would.
            usleep(500_000)
            quit(again, with: "q", into: &figures)
        }
        return figures
    }

    /// The commands a script runs, from exec to exit, on the store the dashboard left: a
    /// listing, one order, two changes saved durably, and the shell completing an order's
    /// number (which names the store as the environment does).
    private func commands(on path: String, into figures: inout BenchmarkFigures) {
        let id = (try? Store(path: path, readOnly: true))?.document.orders.first?.id ?? 1
        let onStore = ["--store", path]
        time(commands: { round in
            [("command: list", ["/proc/self/exe", "list"] + onStore), ("command: show", ["/proc/self/exe", "show", "\(id)"] + onStore),
             ("command: note", ["/proc/self/exe", "note", "\(id)", "Benchmark note \(round)"] + onStore),
             ("command: tick", ["/proc/self/exe", round % 2 == 0 ? "tick" : "untick", "\(id)", "1"] + onStore),
             ("completion", ["/proc/self/exe", "---completion", "tick", "--", "positional@0", "2", "0"])]
        }, environment: environment.merging(["FOURS_STORE": path]) { $1 }, into: &figures)
    }

    /// Runs the commands of `keys` rounds in turn, timing those that succeed.
    func time(commands: (Int) -> [(row: String, arguments: [String])], environment: [String: String],
              into figures: inout BenchmarkFigures) {
        for round in 0..<keys {
            for (row, arguments) in commands(round) {
                let started = ContinuousClock.now
                guard ProgramRun.run(arguments, environment: environment)?.succeeded == true else { continue }
                figures.record(row, ContinuousClock.now - started)
            }
        }
    }

    /// The floor: a C ncurses program that fills the screen and moves on j, when a C
    /// compiler is here to build it.
    func floor() -> BenchmarkFigures? {
        let source = "\(folder)/floor.c"
        let program = "\(folder)/floor"
        guard access("/usr/bin/cc", X_OK) == 0, (try? BenchmarkFile.write(FloorProgram.source, to: source)) != nil,
              system("cc -O2 -o '\(program)' '\(source)' -lncursesw 2>/dev/null") == 0 else { return nil }
        var figures = BenchmarkFigures(name: "C floor", program: .floor)
        for _ in 0..<runs {
            guard let session = try? PseudoTerminalRun([program], environment: environment, size: size),
                  let frame = session.readUntilQuiet(marker: "END") else { return nil }
            figures.record("first frame", frame - session.started)
            for _ in 0..<keys { time("move", "j", in: session, into: &figures) }
            quit(session, with: "q", into: &figures)
        }
        return figures
    }

    /// Sends a key and returns how long until the end of the redraw it caused.
    private func press(_ key: String, in session: PseudoTerminalRun) -> Duration? {
        let sent = ContinuousClock.now
        session.send(key)
        return session.readUntilQuiet(quiet: .milliseconds(30), timeout: .seconds(10)).map { $0 - sent }
    }

    private func time(_ name: String, _ key: String, in session: PseudoTerminalRun, into figures: inout BenchmarkFigures) {
        if let duration = press(key, in: session) { figures.record(name, duration) }
    }

    /// Ticks and times both redraws: the one that shows the tick, marked as not saved yet
    /// ("tick"), and the one that follows its save (`name`).
    private func tick(_ name: String, in session: PseudoTerminalRun, into figures: inout BenchmarkFigures) {
        let sent = ContinuousClock.now
        session.send(" ")
        // A frame arrives in one go; the save's redraw follows a fsync later (2-3 ms on a
        // small store): a longer quiet would take the two for one.
        guard let shown = session.readUntilQuiet(marker: "UNSAVED", quiet: .milliseconds(1), timeout: .seconds(10)) else { return }
        figures.record("tick", shown - sent)
        let saved = session.readUntilQuiet(quiet: .milliseconds(30), timeout: .seconds(2)) ?? shown
        figures.record(name, saved - sent)
    }

    private func quit(_ session: PseudoTerminalRun, with key: String, into figures: inout BenchmarkFigures) {
        // Quitting frees nothing worth measuring: the peak is read while it still runs.
        if let peak = session.peakKB { figures.peakKB = max(figures.peakKB ?? 0, peak) }
        let sent = ContinuousClock.now
        session.send(key)
        guard let ended = session.waitForExit() else { return }
        figures.record("quit", ended - sent)
    }
}

/// Plain text files the benchmark writes: the floor's source, a peer's data.
enum BenchmarkFile {
    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw PseudoTerminalRun.Failure.cannotStart("cannot write \(path)") }
        fputs(text, file)
        fclose(file)
    }
}

/// The floor program: as little as an ncurses program can do to fill the screen and
/// answer a key.
enum FloorProgram {
    static let source = """
        #include <curses.h>
        #include <locale.h>
        static void draw(int first) {
            for (int row = 0; row < LINES; row++) {
                move(row, 0);
                for (int column = 0; column < COLS; column++) addch('a' + (row + first + column) % 26);
            }
            mvaddstr(LINES - 1, 0, "END");
            refresh();
        }
        int main(void) {
            setlocale(LC_ALL, "");
            initscr(); raw(); noecho();
            int first = 0;
            draw(first);
            for (int key = getch(); key != 'q'; key = getch()) draw(++first);
            endwin();
            return 0;
        }
        """
}
