import Model
import TestSupport
import Glibc

/// Starts writers and kills them with SIGKILL at random moments while they save. After
/// each kill the file must read, and every tick a writer acknowledged must be in it.
struct KillDuringSaves: ReliabilityCheck {
    let runs: Int

    func run() throws -> Report {
        let folder = try TemporaryFolder()
        let path = folder.file("store.json")
        try Store.create(path: path, document: GeneratedStore.make(orders: max(100, runs * 2), now: WallClock.system.now()))
        var acknowledged = Acknowledgements()
        var unreadable = 0
        var staleTemporaries = 0
        // How long to let a writer run before the kill; it adapts so that kills land during
        // saves whatever the build's speed: longer while writers die before their first
        // save, shorter while they finish several.
        var window = 0.06
        for run in 0..<runs {
            let writer = "killed-\(run)"
            let child = try ChildProcess([Binaries.reliability, "writer", "--store", path, "--name", writer,
                                          "--first-order", "\(run * 2 + 1)", "--last-order", "\(run * 2 + 2)"])
            guard child.readLine(timeout: 10) == "ready" else {
                child.send(SIGKILL)
                _ = child.wait()
                throw TestFailure("a writer did not start")
            }
            let before = acknowledged.count
            let killAt = monotonicSeconds() + Double.random(in: 0.0...window)
            while let line = child.readLine(timeout: max(0, killAt - monotonicSeconds())) {
                acknowledged.record(line, by: writer)
            }
            child.send(SIGKILL)
            // Acknowledgements written before the kill are still in the pipe.
            while let line = child.readLine(timeout: 0.2) { acknowledged.record(line, by: writer) }
            let saved = acknowledged.count - before
            if saved == 0 { window = min(5, window * 1.5) } else if saved > 3 { window /= 1.5 }
            _ = child.wait()
            staleTemporaries += Command.run(["/bin/ls", "-A", folder.path]).output
                .split(separator: "\n").count { $0.hasPrefix(".store.json.tmp-") }
            do { _ = try Store(path: path, readOnly: true) } catch { unreadable += 1 }
        }
        let lost = try acknowledged.missing(in: Store(path: path, readOnly: true).document)
        // Opening the store for writing clears what killed writers left behind.
        _ = try Store(path: path)
        let left = Command.run(["/bin/ls", "-A", folder.path]).output.split(separator: "\n").count { $0.contains(".tmp-") }
        return Report(
            name: "SIGKILL during saves",
            figures: "\(runs) writers killed, \(acknowledged.count) acknowledged ticks, \(unreadable) unreadable files, "
                + "\(lost) acknowledged ticks lost, \(staleTemporaries) temporary files left by kills, \(left) after reopening",
            passed: unreadable == 0 && lost == 0 && left == 0 && acknowledged.count > 0)
    }
}
