import Model
import TestSupport
import Glibc

/// Ticks and unticks one step in the real dashboard while the disk fills and empties, so
/// that some saves fail and are retried. In the end the file must hold what the screen
/// shows, and the screen must say so: a late retry never overtakes a later change.
struct SaveFaults: ReliabilityCheck {
    let runs: Int
    private let toggles = 12
    private let step = "Agreed with them what success looks like"

    func run() throws -> Report {
        var mismatches: [String] = []
        for run in 0..<runs {
            let folder = try TemporaryFolder()
            let disk: SmallDisk
            do { disk = try SmallDisk(in: folder) } catch {
                return Report(name: "saves failing and retried in order", figures: "\(error)", passed: false)
            }
            defer { disk.unmount() }
            let store = "\(disk.path)/store.json"
            try Store.create(path: store, document: DemoStore.make(now: WallClock.system.now()))
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            session.send("Tab", "j")
            for _ in 0..<toggles {
                if Bool.random() { disk.fill() } else { disk.free() }
                session.send("Space")
                usleep(UInt32.random(in: 20_000...150_000))
            }
            disk.free()
            session.send("r")
            let screen = try session.waitUntil("every change saved", timeout: 15) { !$0.contains("UNSAVED") }
            let ticked = try require(screen.split(separator: "\n").first { $0.contains(step) }).contains("[✓]")
            let inFile = try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick != nil
            if ticked != inFile { mismatches.append("run \(run): screen \(ticked ? "ticked" : "unticked"), file not") }
            session.send("q")
        }
        return Report(name: "saves failing and retried in order",
                      figures: "\(runs) runs of \(toggles) ticks and unticks while the disk filled and emptied, "
                          + "\(mismatches.count) ended with the file unlike the screen",
                      failures: mismatches)
    }
}

private func require<Value>(_ value: Value?) throws -> Value {
    guard let value else { throw TestFailure("the step is not on the screen") }
    return value
}
