import Model
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real dashboard in tmux and ends it each way a session can end. Every time,
/// the terminal must be left usable: main screen, cursor shown, echo and line editing on.
struct TerminalEndings: ReliabilityCheck {
    let runsPerEnding: Int

    private let endings: [(name: String, end: (TmuxSession) throws -> Void)] = [
        ("Ctrl-C", { $0.send("C-c") }),
        ("SIGINT", { kill(try $0.foursProcessID(), SIGINT) }),
        ("SIGTERM", { kill(try $0.foursProcessID(), SIGTERM) }),
        ("crash (SIGSEGV)", { kill(try $0.foursProcessID(), SIGSEGV) }),
    ]

    func run() throws -> Report {
        var failures: [String] = []
        var runs = 0
        for (name, end) in endings {
            for _ in 0..<runsPerEnding {
                let folder = try TemporaryFolder()
                let store = folder.file("store.json")
                try Store.create(path: store, document: DemoStore.make(now: .now()))
                let session = try TmuxSession(width: 100, height: 30, arguments: ["--store", store], folder: folder)
                runs += 1
                do {
                    try session.waitFor("9 open")
                    try end(session)
                    _ = try session.exitStatus(timeout: 30)
                    try session.assertTerminalRestored()
                } catch {
                    failures.append("\(name): \(error)")
                }
            }
        }
        return Report(
            name: "terminal restored",
            figures: "\(runs) runs (Ctrl-C, SIGINT, SIGTERM, crash), \(failures.count) left the terminal unusable"
                + (failures.isEmpty ? "" : "; \(failures[0])"),
            passed: failures.isEmpty)
    }
}
