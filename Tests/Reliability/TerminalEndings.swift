import Model
import TestSupport
import Glibc

/// Runs the real dashboard in tmux and ends it each way a session can end. Every time,
/// the terminal must be left usable: main screen, cursor shown, echo and line editing on.
struct TerminalEndings: ReliabilityCheck {
    let runsPerEnding: Int

    private let endings: [(name: String, end: (TmuxSession) throws -> Void)] = [
        ("Ctrl-C", { $0.send("C-c") }),
        ("SIGINT", { kill(try $0.foursProcessID(), SIGINT) }),
        ("SIGTERM", { kill(try $0.foursProcessID(), SIGTERM) }),
        ("crash (SIGSEGV)", { kill(try $0.foursProcessID(), SIGSEGV) }),
        ("SIGHUP", { kill(try $0.foursProcessID(), SIGHUP) }),
        ("SIGUSR1", { kill(try $0.foursProcessID(), SIGUSR1) }),
        ("SIGALRM", { kill(try $0.foursProcessID(), SIGALRM) }),
        ("SIGPIPE, which fours ignores, then q", { session in
            kill(try session.foursProcessID(), SIGPIPE)
            usleep(200_000)
            session.send("q")
        }),
    ]

    /// The ending where fours crashes by itself (`--crash-after-start`): no signal from outside.
    private let crashInside = "crash inside (a Swift trap)"

    func run() throws -> Report {
        var failures: [String] = []
        var runs = 0
        let cases = endings.map { (name: $0.name, end: Optional($0.end)) } + [(name: crashInside, end: nil)]
        for (name, end) in cases {
            for _ in 0..<runsPerEnding {
                let folder = try TemporaryFolder()
                let store = folder.file("store.json")
                try Store.create(path: store, document: DemoStore.make(now: WallClock.system.now()))
                let arguments = ["--store", store] + (end == nil ? ["--crash-after-start"] : [])
                let session = try TmuxSession(width: 100, height: 30, arguments: arguments, folder: folder)
                runs += 1
                do {
                    if let end {
                        try session.waitFor("9 open")
                        try end(session)
                    }
                    _ = try session.exitStatus(timeout: 30)
                    try session.assertTerminalRestored()
                } catch {
                    failures.append("\(name): \(error)")
                }
            }
        }
        return Report(name: "terminal restored",
                      figures: "\(runs) runs (Ctrl-C, SIGINT, SIGTERM, SIGSEGV, SIGHUP, SIGUSR1, SIGALRM, SIGPIPE, a Swift trap), "
                          + "\(failures.count) left the terminal unusable",
                      failures: failures)
    }
}
