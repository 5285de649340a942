import Foundation
import Model
import TestSupport
import Testing

/// A save that fails (here: a full disk) keeps the change on screen, says why, retries on
/// its own, and never lets the user quit without knowing.
extension EndToEnd {
    @Suite struct FailedSaveEndToEndTests {
        @Test func aFullDiskIsReportedRetriedAndRecoveredFrom() throws {
            let folder = try TemporaryFolder()
            let disk = try SmallDisk(in: folder)
            defer { disk.unmount() }
            let store = "\(disk.path)/store.json"
            let demo = Command.run([try TmuxSession.binary(), "demo", "--store", store])
            try #require(demo.status == 0, "\(demo.output)")
            disk.fill()

            let session = try TmuxSession(width: 120, height: 30, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            try session.press("Tab", "j", "Space", until: "1 change not saved")
            let screen = try session.waitFor("1 UNSAVED")
            #expect(screen.contains("the disk is full"))
            #expect(screen.contains("[✓] Agreed with them what success looks like  e2e-tester"), "the tick stays on screen")
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick == nil)

            try session.press("q", until: "1 change is not saved and will be lost. Quit anyway?")
            session.send("n")
            try session.waitUntil("the question to close") { !$0.contains("Quit anyway?") }

            // Space again: the automatic retry saves the change within a few seconds.
            disk.free()
            try session.waitFor("All changes saved", timeout: 10)
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick?.by == "e2e-tester")
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let leftovers = Command.run(["/bin/ls", "-A", disk.path]).output.split(separator: "\n").filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "no temporary files are left behind: \(leftovers)")
        }

        @Test func aTerminalThatHangsUpStillSavesWhatItCan() throws {
            let folder = try TemporaryFolder()
            let disk = try SmallDisk(in: folder)
            defer { disk.unmount() }
            let store = "\(disk.path)/store.json"
            try #require(Command.run([try TmuxSession.binary(), "demo", "--store", store]).status == 0)
            disk.fill()

            let session = try TmuxSession(width: 120, height: 30, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            let pid = try session.foursProcessID()
            try session.press("Tab", "j", "Space", until: "1 UNSAVED")
            // Room again, and at once the terminal goes away, before the next automatic retry.
            disk.free()
            kill(pid, SIGHUP)
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, kill(pid, 0) == 0 { usleep(50_000) }
            #expect(kill(pid, 0) != 0, "fours ended on the hang-up")
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick?.by == "e2e-tester",
                    "the tick was saved before fours ended")
        }
    }
}
