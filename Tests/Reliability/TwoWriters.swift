import Model
import TestSupport
import Glibc

/// Two processes tick different steps of one store at the same time for a while. Every
/// tick either acknowledged must be in the file at the end. With `deletingLockFile`, a
/// tidy-up (`git clean`, a sync tool) keeps deleting the lock file meanwhile.
struct TwoWriters: ReliabilityCheck {
    let seconds: Int
    var deletingLockFile = false

    func run() throws -> Report {
        let folder = try TemporaryFolder()
        let path = folder.file("store.json")
        // Big enough (over 1 MB) for the places of its orders to be recorded and used.
        let orders = 500
        try Store.create(path: path, document: GeneratedStore.make(orders: orders, now: WallClock.system.now()))
        // Ana keeps the store open as the dashboard does; Ben runs a command for each tick,
        // which reads only its order while the file is as his last command left it.
        let writers = try ["ana", "ben"].enumerated().map { index, name in
            let first = index * orders / 2 + 1
            return (name, try ChildProcess([Binaries.reliability, "writer", "--store", path, "--name", name,
                                            "--first-order", "\(first)", "--last-order", "\(first + orders / 2 - 1)",
                                            "--seconds", "\(seconds)"] + (name == "ben" ? ["--state", folder.file("state")] : [])))
        }
        var acknowledged = Acknowledgements()
        var errors: [String] = []
        // Read both until both are done; each line is read as soon as it comes.
        var running = writers.map { _ in true }
        var lastDeletion = monotonicSeconds()
        while running.contains(true) {
            if deletingLockFile && monotonicSeconds() - lastDeletion > 0.3 {
                unlink(path + ".lock")
                lastDeletion = monotonicSeconds()
            }
            for (index, (name, child)) in writers.enumerated() where running[index] {
                if let line = child.readLine(timeout: 0.05) {
                    if line.hasPrefix("error") { errors.append(line) }
                    acknowledged.record(line, by: name)
                } else if child.hasEnded {
                    running[index] = false
                }
            }
        }
        let statuses = writers.map { $0.1.wait() }
        let missing = try acknowledged.missing(in: Store(path: path).document)
        return Report(
            name: deletingLockFile ? "two writers, lock file deleted" : "two writers at once",
            figures: "\(seconds) s, 2 processes (one a command a tick), \(acknowledged.count) acknowledged ticks, \(missing) missing"
                + (deletingLockFile ? ", the lock file deleted every 0.3 s" : "")
                + (errors.isEmpty ? "" : ", errors: \(errors.prefix(3))"),
            passed: missing == 0 && errors.isEmpty && statuses.allSatisfy { $0 == 0 } && acknowledged.count > 0)
    }
}
