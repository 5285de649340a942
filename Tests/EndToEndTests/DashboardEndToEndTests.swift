import Foundation
import Model
import TestSupport
import Testing

/// Every test that drives the real binary in tmux, one at a time: each starts its own tmux
/// server, and several at once would compete for the machine's two cores and slow the timing.
@Suite(.serialized) enum EndToEnd {}

/// The real binary in tmux: keys in, screen and store file out.
extension EndToEnd {
    @Suite struct DashboardEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        @Test func aPersonMovesTicksMovesAStageResizesAndQuits() throws {
            let session = try dashboard()
            try session.waitFor("9 open · 2 overdue · 3 due this week")
            try session.waitFor("▶ #8  ! Picking-error coaching for shift leads")

            // Down to order #1, into its checklist, down to the second step, tick it.
            try session.press("j", until: "▶ #1  ! One-hour time-management workshop")
            try session.press("Tab", "j", "Space", until: "Ticked “Agreed with them what success looks like” on #1 (2/12 done) · saved")
            let screen = try session.waitFor("[✓] Agreed with them what success looks like  e2e-tester")
            #expect(screen.contains("▰▰▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker"), "the queue row shows the new progress")
            var order = try #require(try demo.document().order(id: 1))
            #expect(order.checklist[.shiftMindset][1].tick?.by == "e2e-tester")
            #expect(order.checklist.progress == Progress(done: 2, total: 12))

            // Untick with x, tick again with Space.
            try session.press("x", until: "Unticked “Agreed with them what success looks like” on #1 (1/12 done) · saved")
            #expect(try demo.document().order(id: 1)?.checklist[.shiftMindset][1].tick == nil)
            try session.press("Space", until: "(2/12 done) · saved")

            // Dana Okafor moves one stage up, then the file records the move.
            try session.press(">", until: "Dana Okafor: Order taker → Order with a change")
            try session.press("Enter", until: "Dana Okafor: Order taker → Order with a change · saved")
            let dana = try #require(try demo.document().stakeholder(id: "dana-okafor"))
            #expect(dana.stage == .orderWithChange)
            #expect(dana.stageHistory.last?.by == "e2e-tester")

            // Too small, then back.
            session.resize(width: 50, height: 12)
            try session.waitFor("Terminal too small: 50x12")
            session.resize(width: 80, height: 24)
            try session.waitUntil("the dashboard at 80x24") { $0.contains("9 open") && !$0.contains("too small") }

            // Help lists the bindings; Esc closes it.
            try session.press("?", until: "Go to the order's 4S checklist")
            try session.press("PgDn", until: "Tick or untick the step (saved at once)")
            session.send("Escape")
            try session.waitUntil("help to close") { !$0.contains("Keys (? or Esc to close)") }

            session.send("q")
            #expect(try session.exitStatus() == 0)
            try session.assertTerminalRestored()
            // Nothing of it stays behind: what gives its memory back ends with it.
            try RunningProcesses.waitUntilNone(containing: store)
            order = try #require(try demo.document().order(id: 1))
            #expect(order.checklist.progress.done == 2)
        }

        @Test func aStoreOpenedAgainShowsItsFirstScreenFromTheOrdersSketches() throws {
            // A short terminal: most orders are off screen, so the header's counts and the
            // queue's columns come from what their sketches hold.
            let first: String
            do {
                let session = try dashboard(width: 120, height: 16)
                first = try session.waitFor("9 open")
                // The archive waits for every order: once it shows, all are read.
                try session.press("4", until: "Archive · 2 delivered or closed")
                session.send("q")
                #expect(try session.exitStatus() == 0)
            }
            let records = FileManager.default.enumerator(atPath: folder.file("state"))?.allObjects
                .compactMap { $0 as? String }.filter { $0.hasSuffix("/sound-file") } ?? []
            #expect(records.count == 1, "the dashboard that read every order recorded the file as sound")
            try FileManager.default.removeItem(atPath: folder.file("exit-status"))
            // The second tmux server gets a socket of its own while the first one ends.
            try FileManager.default.removeItem(atPath: folder.file("tmux.sock"))

            let again = try dashboard(width: 120, height: 16)
            #expect(try again.waitFor("9 open") == first)
            try again.press("G", until: "▶ #9 ")
            try again.press("4", until: "Archive · 2 delivered or closed")
            try again.press("1", "Tab", "Space", until: "· saved")
            #expect(try demo.document().orders.count == 11)
        }

        @Test func anotherProcessesChangeAppearsWithoutLosingThePlace() throws {
            let session = try openedDashboard()
            try session.press("j", "j", "Tab", "j", "j", until: "▶ #7    Objection-handling e-learning")
            let other = try Store(path: store)
            try other.apply(.setStep(order: 7, step: "partner-questions", tick: Tick(at: Fixture.clock.now(), by: "colleague")))
            try session.waitFor("Reloaded: the store was changed elsewhere", timeout: 3)
            try session.waitFor("[✓] Asked partner questions about the business problem  colleague")
            // Still on #7's third step: ticking it lands there.
            try session.press("Space", until: "Ticked “Restated the order as a business outcome” on #7 (2/12 done) · saved")
            let steps = try #require(try demo.document().order(id: 7)).checklist[.shiftMindset]
            #expect(steps.map { $0.tick?.by } == ["colleague", nil, "e2e-tester"])
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func twoDashboardsOnOneStoreLoseNothing() throws {
            let secondFolder = try TemporaryFolder()
            let ana = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder,
                                      environment: ["FOURS_USER": "ana"])
            let ben = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: secondFolder,
                                      environment: ["FOURS_USER": "ben"])
            try ana.waitFor("9 open")
            try ben.waitFor("9 open")
            // Both tick a different step of order #8, at nearly the same moment.
            ana.send("Tab", "j", "Space")
            ben.send("Tab", "j", "j", "Space")
            try ana.waitFor("· saved")
            try ben.waitFor("· saved")
            // Each sees the other's tick after the reload.
            try ana.waitFor("[✓] Restated the order as a business outcome  ben", timeout: 4)
            try ben.waitFor("[✓] Agreed with them what success looks like  ana", timeout: 4)
            let steps = try #require(try demo.document().order(id: 8)).checklist[.shiftMindset]
            #expect(steps.map { $0.tick?.by } == ["jon", "ana", "ben"])
            ana.send("q")
            ben.send("q")
            #expect(try ana.exitStatus() == 0)
            #expect(try ben.exitStatus() == 0)
        }

        enum Ending: String, CaseIterable {
            case controlC, sigterm, sigint, sighup, crash
        }

        @Test func aRealCrashLeavesAUsableTerminalAndABacktrace() throws {
            let session = try TmuxSession(width: 100, height: 30, arguments: ["--store", store, "--crash-after-start"],
                                          folder: folder)
            let status = try session.exitStatus(timeout: 30)
            #expect(status == 128 + Int(SIGILL) || status == 128 + Int(SIGTRAP), "ended by the trap: \(status)")
            try session.assertTerminalRestored()
            let stderr = FileText.read(folder.file("stderr.txt")) ?? ""
            #expect(stderr.contains("crash requested with --crash-after-start"))
            #expect(stderr.contains("Program.run"), "the backtrace went to standard error")
        }

        @Test(arguments: Ending.allCases)
        func theTerminalIsRestoredHoweverFoursEnds(ending: Ending) throws {
            let before = FileText.read(store)
            let session = try openedDashboard(width: 100, height: 30)
            #expect(session.paneValue("#{alternate_on}") == "1")
            switch ending {
            case .controlC: session.send("C-c")
            case .sigterm: kill(try session.foursProcessID(), SIGTERM)
            case .sigint: kill(try session.foursProcessID(), SIGINT)
            case .sighup: kill(try session.foursProcessID(), SIGHUP)
            case .crash: kill(try session.foursProcessID(), SIGSEGV)
            }
            let status = try session.exitStatus(timeout: 30)
            if ending == .crash {
                #expect(status == 128 + Int(SIGSEGV))
            } else {
                #expect(status == 0)
            }
            try session.assertTerminalRestored()
            // Nothing was changed, so nothing was written.
            #expect(FileText.read(store) == before)
        }

        @Test func controlZSuspendsAndFgRedraws() throws {
            let script = "cd '\(folder.path)'\nexport PS1='shell$ '\nexec bash --norc --noprofile -i"
            let session = try TmuxSession(width: 100, height: 30, script: script, folder: folder)
            try session.waitFor("shell$")
            try session.press("'\(try TmuxSession.binary())' --store '\(store)'", "Enter", until: "9 open")
            try session.press("C-z", until: "Stopped")
            #expect(session.paneValue("#{alternate_on}") == "0")
            try session.press("fg", "Enter", until: "9 open")
            try session.press("j", until: "▶ #1  ! One-hour time-management")
            session.send("q")
            try session.waitUntil("the shell prompt after quitting") { screen in
                screen.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("shell$") == true
            }
        }

        @Test func colorsFollowTheTerminalAndNoColor() throws {
            let colored = try dashboard(width: 100, height: 30)
            try colored.waitFor("9 open")
            // The overdue order is drawn in red (SGR 31).
            let styledColors = colored.styledScreen()
            #expect(styledColors.contains("\u{1B}[31m") || styledColors.contains(";31m"), "\(styledColors)")
            colored.send("q")
            #expect(try colored.exitStatus() == 0)

            let plainFolder = try TemporaryFolder()
            let plain = try TmuxSession(width: 100, height: 30, arguments: ["--store", store], folder: plainFolder,
                                        environment: ["NO_COLOR": "1"])
            try plain.waitFor("9 open")
            let styled = plain.styledScreen()
            let colorCodes = ["[31m", "[32m", "[33m", "[34m", "[36m", "[37m", "[44m", ";31m", ";44m"]
            #expect(!colorCodes.contains { styled.contains($0) }, "NO_COLOR must turn colors off")
            #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selection is still shown, reversed")
            plain.send("q")
            #expect(try plain.exitStatus() == 0)
        }

        @Test func eachPieceOfALineKeepsItsOwnStyleBesideWideCharacters() throws {
            // A name in wide characters, drawn bold, followed by plain text with a middle dot.
            let text = try #require(FileText.read(store))
            try FileText.write(text.replacingOccurrences(of: "\"Dana Okafor\"", with: "\"大塚 Dana\""), to: store)
            let session = try openedDashboard()
            try session.press("j", until: "Stakeholder 大塚 Dana · Head of Sales")
            let line = try #require(session.styledScreen().split(separator: "\n").first { $0.contains("Head of Sales") })
            let styled = StyledCapture(String(line))
            #expect(styled.bold("大塚 Dana") == true, "\(line)")
            #expect(styled.bold(" · Head of Sales, Sales") == false, "\(line)")
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func aBrokenStoreIsReportedAndLeftUntouched() throws {
            let broken = "{\n  \"schemaVersion\": 1,\n  \"orders\": [\n    {\"id\": 1,}\n  ]\n}\n"
            try FileText.write(broken, to: store)
            let session = try dashboard(height: 30)
            #expect(try session.exitStatus() == 1)
            let message = FileText.read(folder.file("stderr.txt")) ?? ""
            #expect(message.contains("\(store):4:14: trailing comma before '}'"), "\(message)")
            #expect(FileText.read(store) == broken)
            try session.assertTerminalRestored()
        }

        @Test func withoutATerminalItSaysWhatWorksInstead() throws {
            let result = Command.run([try TmuxSession.binary(), "--store", store])
            #expect(result.status == 1)
            #expect(result.output.contains("the dashboard needs a terminal"))
            #expect(result.output.contains("fours demo --store PATH"))

            let again = Command.run([try TmuxSession.binary(), "demo", "--store", store])
            #expect(again.status == 1)
            #expect(again.output.contains("already exists"))
        }
    }
}
