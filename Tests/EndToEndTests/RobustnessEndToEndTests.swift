import Foundation
import Model
import TestSupport
import Testing
import Glibc

extension EndToEnd {
    /// What no key, no store and no environment may do to the real binary: quit behind the
    /// user's back, drive the terminal with text from the store, or ignore the umask.
    @Suite struct RobustnessEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        @Test func keysFoursDoesNotKnowDoNothing() throws {
            let session = try openedDashboard(height: 30)
            for _ in 0..<3 {
                session.send("F1", "F5", "IC", "S-Left", "C-Up", "M-Right", "F12")
                session.send("-H", "ff", "fe", "c3")
                usleep(300_000)
            }
            #expect(!FileText.exists(folder.file("exit-status")), "fours is still running")
            try session.press("Tab", "j", "Space", until: "on #8 (3/12 done) · saved")
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func aLongPasteOrLongTypingIsOneEdit() throws {
            let session = try openedDashboard(height: 30)
            // Pasted: marked as a paste, line breaks and all.
            session.send("/")
            session.paste(String(repeating: "x", count: 20_000) + "\nend-of-paste")
            try session.waitFor("x end-of-paste   Enter keeps the filter · Esc clears it · 0 matches")
            try session.press("Escape", until: "9 open")
            // Typed, as a terminal without bracketed paste would deliver it.
            session.send("/")
            for _ in 0..<10 { session.send("-l", String(repeating: "y", count: 2_000)) }
            try session.press("-l", "_typed", until: "y_typed   Enter keeps the filter")
            session.send("Escape")
            // A paste outside a text field runs none of its letters as commands.
            session.paste("qqqDy")
            try session.waitFor("Paste into a text field")
            #expect(!FileText.exists(folder.file("exit-status")))
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func aStoreDeletedWhileOpenIsKeptOnScreenAndWrittenBackWithW() throws {
            let session = try openedDashboard(width: 140, height: 30)
            unlink(store)
            try session.waitFor("is gone (deleted or moved)")
            try session.press("Tab", "j", "Space", until: "1 UNSAVED")
            #expect(!FileText.exists(store), "nothing is written until asked")
            try session.press("W", until: "All changes saved")
            let document = try demo.document()
            #expect(document.orders.count == DemoStore.make(now: Fixture.clock.now()).orders.count, "the whole store, not just the change")
            #expect(document.order(id: 8)?.checklist[.shiftMindset][1].tick?.by == "e2e-tester")
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func closingADialogOverWideCharactersLeavesThemWhole() throws {
            var document = DemoStore.make(now: Fixture.clock.now())
            document.updateStakeholder(id: "dana-okafor") { $0.details.name = "大塚 健二二二二二二二二" }
            document.updateStakeholder(id: "chloe-martin") { $0.details.name = "健二大塚 健二健二健二" }
            let path = folder.file("wide.json")
            try Store.create(path: path, document: document)
            let session = try TmuxSession(width: 80, height: 24, arguments: ["--store", path], folder: folder)
            try session.waitFor("9 open")
            try session.press("2", until: "Stakeholders · 6 people")
            try session.press("S", until: "New stakeholder")
            session.send("Escape")
            let screen = try session.waitUntil("the dialog to close") { !$0.contains("New stakeholder") }
            #expect(screen.contains("大塚 健二二二二二二二二"), "\(screen)")
            #expect(screen.contains("健二大塚 健二健二健二"), "\(screen)")
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func aTerminalThatCannotMoveItsCursorIsToldSo() throws {
            let session = try TmuxSession(width: 100, height: 30, arguments: ["--store", store], folder: folder,
                                          environment: ["TERM": "dumb"])
            #expect(try session.exitStatus() == 1)
            let message = FileText.read(folder.file("stderr.txt")) ?? ""
            #expect(message.contains("fours needs a terminal that can move its cursor, and TERM=dumb cannot"))
        }

        @Test(arguments: ["linux", "vt100"])
        func quittingATerminalWithoutAnAlternateScreenLeavesNoFrame(term: String) throws {
            let session = try TmuxSession(width: 100, height: 30, arguments: ["--store", store], folder: folder,
                                          environment: ["TERM": term])
            try session.waitFor("9 open")
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let screen = try session.waitFor("AFTER-FOURS")
            #expect(!screen.contains("9 open") && !screen.contains("Picking-error"), "the last frame is gone:\n\(screen)")
        }

        @Test func newFilesFollowTheUmask() throws {
            let path = folder.file("private.json")
            let made = Command.run(["/bin/sh", "-c", "umask 077 && '\(try TmuxSession.binary())' demo --store '\(path)'"])
            #expect(made.status == 0, "\(made.output)")
            var status = stat()
            stat(path, &status)
            #expect(status.st_mode & 0o777 == 0o600)
        }

        /// Escape sequences that set the window title and fill the clipboard, a bidi
        /// override and C1 controls, in every kind of text a store holds.
        static let hostile = "\u{1b}]0;pwned\u{07}\u{1b}]52;c;cm0gLXJmIH4vKg==\u{07}\u{202e}evil\u{9b}31m\u{7f}"

        private func hostileStore() throws -> String {
            var document = DemoStore.make(now: Fixture.clock.now())
            document.updateOrder(id: 8) { order in
                order.details.title += Self.hostile
                order.notes.append(Note(id: "n", at: Fixture.clock.now(), by: Self.hostile, text: Self.hostile))
            }
            document.updateStakeholder(id: "dana-okafor") { $0.details.name += Self.hostile }
            let path = folder.file("hostile.json")
            try Store.create(path: path, document: document)
            let store = try Store(path: path)
            let step = try #require(document.order(id: 8)?.checklist[.shiftMindset][1])
            try store.apply(.setStep(order: 8, step: step.id, tick: Tick(at: Fixture.clock.now(), by: Self.hostile)))
            return path
        }

        private func expectNothingRaw(_ output: String, _ what: String) {
            let raw = output.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value)
            }
            #expect(raw.isEmpty, "\(what) printed \(raw.count) control characters raw")
        }

        @Test func textFromTheStoreNeverReachesTheTerminalRaw() throws {
            let path = try hostileStore()
            let binary = try TmuxSession.binary()
            for format in ["text", "markdown", "json"] {
                let result = Command.run([binary, "standup", "--store", path, "--format", format, "--since", "2000-01-01"])
                #expect(result.status == 0, "\(result.output)")
                expectNothingRaw(result.output, "fours standup --format \(format)")
                if format != "json" { #expect(result.output.contains("\\x1b]0;pwned\\x07"), "shown, not obeyed") }
            }
            // A bad value quoted in an error: short and safe.
            let text = try #require(FileText.read(path))
            let digits = String(repeating: "9", count: 100_000)
            try FileText.write(text.replacingOccurrences(of: "\"priority\": \"high\"",
                                                         with: "\"priority\": \"\\u001b]0;x\\u0007\(digits)\""), to: path)
            let check = Command.run([binary, "check", "--store", path])
            #expect(check.status == 1)
            expectNothingRaw(check.output, "fours check")
            #expect(check.output.count < 2_000, "the bad value is quoted as a short excerpt")
        }
    }
}

extension EndToEnd {
    /// Keys typed while a big store saves wait their turn: none is lost, none overtakes another.
    @Suite struct TypingDuringSavesEndToEndTests {
        @Test func twoHundredKeysTypedDuringSavesOfABigStoreAllLandInOrder() throws {
            let folder = try TemporaryFolder()
            let store = folder.file("store.json")
            try Store.create(path: store, document: GeneratedStore.make(orders: 10_000, now: Fixture.clock.now()))
            let before = try Store(path: store).document
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder)
            try session.waitFor("open ·", timeout: 30)
            let selected = try #require(session.screen().split(separator: "\n").first { $0.hasPrefix("▶") })
            let id = try #require(Int(selected.dropFirst(3).prefix { $0.isNumber }))
            let note = (0..<50).map { "w\($0)" }.joined(separator: " ")
            // Ticks that save, then a note typed while those saves run: one burst of keys.
            var keys = ["Tab"]
            for _ in 0..<5 { keys += ["Space", "j"] }
            keys += ["n"] + note.map { $0 == " " ? "Space" : String($0) } + ["Enter"]
            #expect(keys.count >= 200)
            session.send(keys[0])
            for chunk in stride(from: 1, to: keys.count, by: 50) {
                let end = min(keys.count, chunk + 50)
                session.send(contentsOf: Array(keys[chunk..<end]))
            }
            try session.waitUntil("the note saved", timeout: 30) { _ in
                (try? Store(path: store).document.order(id: id)?.notes.last?.text) == note
            }
            let after = try #require(try Store(path: store).document.order(id: id))
            let original = try #require(before.order(id: id))
            let steps = Array(original.checklist.allSteps.prefix(5))
            for entry in steps {
                let now = after.checklist.allSteps.first { $0.step.id == entry.step.id }?.step
                #expect((now?.tick == nil) != (entry.step.tick == nil), "each of the first five steps was toggled once")
            }
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }
    }

    /// The order of system calls that makes a save durable, as the real binary makes them.
    @Suite struct DurabilityEndToEndTests {
        @Test func eachSaveSyncsTheNewFileThenRenamesThenSyncsTheFolder() throws {
            guard FileText.exists("/usr/bin/strace") else {
                throw TestFailure("this test records a save's system calls with strace (apt-get install -y strace)")
            }
            let folder = try TemporaryFolder()
            let store = folder.file("store.json")
            try Store.create(path: store, document: DemoStore.make(now: Fixture.clock.now()))
            let tools = (try TmuxSession.binary() as NSString).deletingLastPathComponent
            let log = folder.file("calls.txt")
            let traced = Command.run(["/usr/bin/strace", "-f", "-y", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2",
                                      "-o", log, "\(tools)/fours-reliability", "writer", "--store", store, "--name", "t",
                                      "--first-order", "1", "--last-order", "1"])
            try #require(traced.status == 0, "\(traced.output)")
            let calls = (FileText.read(log) ?? "").split(separator: "\n").map(String.init)
            let renames = calls.indices.filter { calls[$0].contains("rename(") && calls[$0].contains("\"\(store)\")") }
            #expect(renames.count == 12, "one save per step of the order")
            for index in renames {
                let line = calls[index]
                let temporary = try #require(line.split(separator: "\"").dropFirst().first.map(String.init))
                #expect(calls[..<index].contains { $0.contains("fsync(") && $0.contains("<\(temporary)>)") && $0.hasSuffix("= 0") },
                        "the temporary file is synced before the rename: \(line)")
                let next = renames.first { $0 > index } ?? calls.count
                #expect(calls[index..<next].contains { $0.contains("fsync(") && $0.contains("<\(folder.path)>)") && $0.hasSuffix("= 0") },
                        "the folder is synced after the rename: \(line)")
            }
        }

        @Test func aFileSizeLimitFailsTheSaveAndLeavesTheStoreWhole() throws {
            let folder = try TemporaryFolder()
            let store = folder.file("store.json")
            try Store.create(path: store, document: DemoStore.make(now: Fixture.clock.now()))
            let before = FileText.read(store)
            let tools = (try TmuxSession.binary() as NSString).deletingLastPathComponent
            // 8 KB: less than the demo store, so the temporary file cannot be written whole.
            let result = Command.run(["/bin/bash", "-c", "ulimit -f 8 && exec '\(tools)/fours-reliability' writer "
                                      + "--store '\(store)' --name t --first-order 1 --last-order 1"])
            #expect(result.status == 2, "\(result.output)")
            #expect(result.output.contains("the file would pass the size limit for files"))
            #expect(FileText.read(store) == before)
            let leftovers = Command.run(["/bin/ls", "-A", folder.path]).output.split(separator: "\n").filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty)
        }
    }
}
