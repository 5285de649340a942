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
            let disk = folder.file("disk")
            _ = Command.run(["/bin/mkdir", disk])
            let mounted = Command.run(["/bin/mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", disk])
            guard mounted.status == 0 else {
                throw TestFailure("this test mounts a 160 KB tmpfs to fill a disk, and needs root for it: \(mounted.output)")
            }
            defer { _ = Command.run(["/bin/umount", "-l", disk]) }
            let store = "\(disk)/store.json"
            let demo = Command.run([try TmuxSession.binary(), "demo", "--store", store])
            try #require(demo.status == 0, "\(demo.output)")
            // Fill what is left, so that the next save cannot write its temporary file.
            _ = Command.run(["/bin/dd", "if=/dev/zero", "of=\(disk)/filler", "bs=4k", "count=1000"])

            let session = try TmuxSession(width: 120, height: 30, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            session.send("Tab", "j", "Space")
            try session.waitFor("1 change not saved")
            let screen = try session.waitFor("1 UNSAVED")
            #expect(screen.contains("the disk is full"))
            #expect(screen.contains("[✓] Agreed with them what success looks like  e2e-tester"), "the tick stays on screen")
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick == nil)

            session.send("q")
            try session.waitFor("1 change is not saved and will be lost. Quit anyway?")
            session.send("n")
            try session.waitUntil("the question to close") { !$0.contains("Quit anyway?") }

            // Space again: the automatic retry saves the change within a few seconds.
            _ = Command.run(["/bin/rm", "\(disk)/filler"])
            try session.waitFor("All changes saved", timeout: 10)
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick?.by == "e2e-tester")
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let leftovers = Command.run(["/bin/ls", "-A", disk]).output.split(separator: "\n").filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "no temporary files are left behind: \(leftovers)")
        }

        @Test func aTerminalThatHangsUpStillSavesWhatItCan() throws {
            let folder = try TemporaryFolder()
            let disk = folder.file("disk")
            _ = Command.run(["/bin/mkdir", disk])
            let mounted = Command.run(["/bin/mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", disk])
            guard mounted.status == 0 else {
                throw TestFailure("this test mounts a 160 KB tmpfs to fill a disk, and needs root for it: \(mounted.output)")
            }
            defer { _ = Command.run(["/bin/umount", "-l", disk]) }
            let store = "\(disk)/store.json"
            try #require(Command.run([try TmuxSession.binary(), "demo", "--store", store]).status == 0)
            _ = Command.run(["/bin/dd", "if=/dev/zero", "of=\(disk)/filler", "bs=4k", "count=1000"])

            let session = try TmuxSession(width: 120, height: 30, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            let pid = try session.foursProcessID()
            session.send("Tab", "j", "Space")
            try session.waitFor("1 UNSAVED")
            // Room again, and at once the terminal goes away, before the next automatic retry.
            _ = Command.run(["/bin/rm", "\(disk)/filler"])
            kill(pid, SIGHUP)
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, kill(pid, 0) == 0 { usleep(50_000) }
            #expect(kill(pid, 0) != 0, "fours ended on the hang-up")
            #expect(try Store(path: store).document.order(id: 8)?.checklist[.shiftMindset][1].tick?.by == "e2e-tester",
                    "the tick was saved before fours ended")
        }
    }
}
