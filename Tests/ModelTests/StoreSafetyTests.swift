import Foundation
import Model
import TestSupport
import Testing
import Glibc

/// What the store must never do: write what it cannot read back, overwrite a newer
/// version, hang on a lock or a pipe, lose a file's mode, link, line endings or the members
/// it does not know.
@Suite struct StoreSafetyTests: InAStoreFolder {
    let folder: TemporaryFolder

    private func demoStore() throws -> Store {
        try Store.create(path: path, document: Fixture.demo)
        return try Store(path: path)
    }

    private func edit(_ store: Store, order id: Int, _ change: (inout OrderDetails) -> Void) -> StoreError? {
        guard let before = store.document.order(id: id)?.details else { return .refused("no order #\(id)") }
        var after = before
        change(&after)
        return storeError { () throws(StoreError) in try store.apply(.editOrder(id, from: before, to: after)) }
    }

    @Test func aChangeTheReaderWouldRefuseIsNeverWritten() throws {
        let store = try demoStore()
        let before = FileText.read(path)
        let tooMany = edit(store, order: 3) { $0.audienceSize = 20_000_000 }
        #expect(tooMany == .refused("not saved: order #3: audienceSize must be from 0 to 10000000, found 20000000"))
        let overflowing = edit(store, order: 3) { $0.value = ValueEstimate(hoursSavedPerPerson: 1e200, people: 5, costPerHour: 10) }
        #expect(overflowing?.message.contains("hoursSavedPerPerson must be from 0 to 100000") == true)
        // A stakeholder's change is read back too, though no order changed.
        let dana = try #require(Fixture.demo.stakeholder(id: "dana-okafor"))
        var unreadable = dana.details
        unreadable.rapport = 9
        #expect(storeError { () throws(StoreError) in try store.apply(.editStakeholder(dana.id, from: dana.details, to: unreadable)) }?
                    .message.contains("rapport") == true)
        #expect(FileText.read(path) == before, "the file is untouched")
        #expect(try Store(path: path).document == Fixture.demo)
    }

    @Test func numbersOutsideTheLimitsInAFileAreRefusedWithTheirPlace() throws {
        let text = try #require(FileText.read(try { try Store.create(path: path, document: Fixture.demo); return path }()))
        let hostile = text.replacingOccurrences(of: #""hoursSavedPerPerson": [0-9.]+"#, with: #""hoursSavedPerPerson": 1e19"#,
                                                options: .regularExpression)
        try FileText.write(hostile, to: path)
        let error = storeError { () throws(StoreError) in _ = try Store(path: path) }
        guard case .invalid(_, let problem) = error else { Issue.record("expected a refusal, got \(String(describing: error))"); return }
        #expect(problem.path.hasSuffix("value.hoursSavedPerPerson"))
        #expect(problem.problem == "must be from 0 to 100000, found 1e+19")
        #expect(problem.position != nil)
    }

    @Test func theWriterNeverWritesANonFiniteNumber() {
        let text = String(decoding: JSONWriter.bytes(for: .object(JSONObject(["saving": .number(.infinity), "n": .number(.nan)]))),
                          as: UTF8.self)
        #expect(!text.contains("inf") && !text.contains("nan"))
        #expect((try? JSONReader.parse(Array(text.utf8))) != nil)
    }

    @Test func aSaveThatFailedLeavesNothingOfItsChangeForTheNext() throws {
        let disk = try SmallDisk(in: folder)
        defer { disk.unmount() }
        let path = "\(disk.path)/store.json"
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        disk.fill()
        let failed = StoreOperation.setStep(order: 1, step: "success-defined", tick: Tick(at: Fixture.now, by: "lost"))
        #expect(storeError { () throws(StoreError) in try store.apply(failed) } != nil)
        disk.free()
        try store.apply(.setStep(order: 2, step: "success-defined", tick: Tick(at: Fixture.now, by: "kept")))
        let onDisk = try Store(path: path).document
        #expect(onDisk.order(id: 1)?.checklist[.shiftMindset][1].tick == nil, "the failed tick is in no file")
        #expect(onDisk.order(id: 2)?.checklist[.shiftMindset][1].tick?.by == "kept")
    }

    @Test func aNewerVersionThatAppearsWhileOpenIsNeverWrittenBack() throws {
        let store = try demoStore()
        let newer = try #require(FileText.read(path))
            .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
            .replacingOccurrences(of: "\"priority\": \"high\"", with: "\"priority\": \"urgent\"")
        try FileText.write(newer, to: path)
        let error = storeError { () throws(StoreError) in
            try store.apply(.setStep(order: 1, step: "success-defined", tick: Tick(at: Fixture.now, by: "ana")))
        }
        guard case .readOnly = error else { Issue.record("expected read-only, got \(String(describing: error))"); return }
        #expect(FileText.read(path) == newer, "the re-read under the lock sees the newer version")

        let other = try demoStore(replacing: true)
        try FileText.write(newer, to: path)
        #expect(try other.reloadIfChanged())
        #expect(other.readOnlyReason?.contains("newer fours (schema 2)") == true)
    }

    private func demoStore(replacing: Bool) throws -> Store {
        unlink(path)
        return try demoStore()
    }

    @Test func aLockHeldByAStoppedWriterDelaysASaveButNeverFreezesIt() throws {
        let store = try Store(path: path, lockTimeout: 0.3)
        // Another program takes the lock and keeps it.
        let holder = try ChildProcess(["/usr/bin/flock", path + ".lock", "/bin/sleep", "5"])
        defer { holder.send(SIGKILL); _ = holder.wait() }
        try waitUntil { Command.run(["/usr/bin/flock", "-n", path + ".lock", "/bin/true"]).status != 0 }
        let started = ContinuousClock.now
        let error = storeError { () throws(StoreError) in try store.apply(.addStakeholder(Stakeholder(id: "x", name: "X"))) }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(error?.message.contains("the store is locked by another program") == true)
        #expect(!FileText.exists(path))
    }

    @Test func aSavingWriterNamesItselfInTheLockFileForOthersToSee() throws {
        let store = try demoStore()
        // What another, longer-named writer left there.
        try FileText.write("process 1 of somebody-with-a-long-name on a-far-away-machine\n", to: path + ".lock")
        try store.apply(.setStep(order: 1, step: "success-defined", tick: Tick(at: Fixture.now, by: "ana")))
        let words = try #require(FileText.read(path + ".lock"))
        #expect(words.hasPrefix("process \(getpid()) of ") && words.hasSuffix("\n"))
        #expect(words.split(separator: "\n").count == 1 && !words.contains("far-away"), "nothing of the other's words left")
        // Another's words as long as these.
        try FileText.write(String(repeating: "x", count: words.utf8.count - 1) + "\n", to: path + ".lock")
        try store.apply(.setStep(order: 1, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ana")))
        #expect(FileText.read(path + ".lock") == words)
    }

    @Test func aSaveSlowerThanATidyUpThatKeepsDeletingTheLockFileStillGoesThrough() throws {
        // Big enough that each save takes longer than the gap between two deletions.
        try Store.create(path: path, document: GeneratedStore.make(orders: 3_000, now: Fixture.now))
        let store = try Store(path: path)
        let tidyUp = try ChildProcess(["/bin/sh", "-c", "while :; do rm -f '\(path).lock'; sleep 0.002; done"])
        defer { tidyUp.send(SIGKILL); _ = tidyUp.wait() }
        let steps = store.document.template.allSteps.prefix(3).map(\.step.id)
        for step in steps {
            try store.apply(.setStep(order: 1, step: step, tick: Tick(at: Fixture.now, by: "ana")))
        }
        let saved = try #require(try Store(path: path).document.order(id: 1))
        #expect(steps.allSatisfy { step in saved.checklist.allSteps.contains { $0.step.id == step && $0.step.isDone } })
    }

    @Test func theBackupKeepsTheStoresMode() throws {
        try Store.create(path: path, document: Fixture.demo)
        chmod(path, 0o640)
        let reopened = try Store(path: path)
        try reopened.apply(.addStakeholder(Stakeholder(id: "y", name: "Y")))
        #expect(mode(of: path) == 0o640)
        #expect(mode(of: path + ".bak") == 0o640, "a backup is as private as the store")
    }

    @Test func aSaveKeepsTheStoresGroup() throws {
        let store = try demoStore()
        chown(path, uid_t.max, 1)
        try store.apply(.addStakeholder(Stakeholder(id: "x", name: "X")))
        var status = stat()
        stat(path, &status)
        #expect(status.st_gid == 1, "the store stays in its group, so the team keeps access")
    }

    private func mode(of path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o777
    }

    @Test func aLinkedStoreIsSavedThroughTheLink() throws {
        mkdir(folder.file("shared"), 0o755)
        let target = folder.file("shared/team.json")
        try Store.create(path: target, document: Fixture.demo)
        symlink("shared/team.json", path)
        let store = try Store(path: path)
        try store.apply(.addStakeholder(Stakeholder(id: "x", name: "X")))
        var status = stat()
        lstat(path, &status)
        #expect(status.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
        #expect(try Store(path: target).document.stakeholder(id: "x") != nil)
        #expect(FileText.exists(target + ".lock"), "the lock is beside the file it guards")
    }

    @Test func aStoreDeletedWhileOpenIsWrittenBackOnlyWhenAsked() throws {
        let store = try demoStore()
        unlink(path)
        let reload = storeError { () throws(StoreError) in try store.reloadIfChanged() }
        #expect(reload == .gone(path: path))
        #expect(store.document == Fixture.demo, "what is on screen is kept")
        let tick = StoreOperation.setStep(order: 1, step: "success-defined", tick: Tick(at: Fixture.now, by: "ana"))
        #expect(storeError { () throws(StoreError) in try store.apply(tick) } == .gone(path: path))
        #expect(!FileText.exists(path), "no store with just one change is written")
        _ = try store.save([tick], recreating: true)
        let written = try Store(path: path).document
        #expect(written.orders.count == Fixture.demo.orders.count)
        #expect(written.order(id: 1)?.checklist.location(ofStep: "success-defined").map { written.order(id: 1)!.checklist[$0.section][$0.index].tick } != nil)
    }

    @Test func twoNotesWithOneIdFromTwoWindowsAreBothKept() throws {
        let first = try demoStore()
        let second = try Store(path: path)
        let moment = Fixture.now
        let a = Note(id: "same", at: moment, by: "ana", text: "from the first window")
        let b = Note(id: "same", at: moment, by: "ana", text: "from the second window")
        try first.apply(.addNote(.order(1), a))
        try second.apply(.addNote(.order(1), b))
        let texts = try Store(path: path).document.order(id: 1)?.notes.map(\.text) ?? []
        #expect(texts.contains("from the first window") && texts.contains("from the second window"))
        #expect(Note.newID(at: moment, by: "ana", existing: []) != Note.newID(at: moment, by: "ana", existing: []))
    }

    @Test(arguments: [("fifo", "it is a named pipe (FIFO), not a regular file"), ("/dev/null", "it is a device, not a regular file")])
    func anythingButARegularFileIsRefusedAtOnce(name: String, reason: String) throws {
        let target = name.hasPrefix("/") ? name : folder.file(name)
        if !name.hasPrefix("/") { mkfifo(target, 0o600) }
        let error = storeError { () throws(StoreError) in _ = try Store(path: target) }
        #expect(error == .unreadable(path: target, reason: "open: \(reason)"))
    }

    @Test func aSaveKeepsNumbersItDoesNotKnowLineEndingsAndTheByteOrderMark() throws {
        try Store.create(path: path, document: Fixture.demo)
        var text = try #require(FileText.read(path))
        text = text.replacingOccurrences(of: "\"name\": \"", with: "\"x-big\": 12345678901234567890,\n  \"x-odd\": 9007199254740993,\n  \"x-zero\": -0,\n  \"x-price\": 1.50,\n  \"name\": \"", options: [], range: text.range(of: "\"name\": \""))
        let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        try FileText.write(crlf, to: path)
        let store = try Store(path: path)
        try store.apply(.addStakeholder(Stakeholder(id: "x", name: "X")))
        let saved = try #require(FileText.read(path))
        #expect(saved.hasPrefix("\u{FEFF}{\r\n"))
        #expect(!saved.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for kept in ["12345678901234567890", "9007199254740993", "\"x-zero\": -0", "1.50"] { #expect(saved.contains(kept)) }
    }

    @Test func timesAndDatesWithSignsAreNotTimes() {
        #expect(Timestamp(iso: "2026-11-18T-1:-1:-1Z") == nil)
        #expect(Timestamp(iso: "2026-11-18T+1:00:00Z") == nil)
        #expect(CalendarDay(iso: "2026-+1-01") == nil)
        #expect(Timestamp(iso: "2026-11-18T09:30:00Z") != nil)
    }

    @Test func membersThisVersionDoesNotKnowSurviveAtEveryLevel() throws {
        var document = Fixture.demo
        document.updateStakeholder(id: "dana-okafor") { $0.details.nextTouchpoint = Touchpoint(on: Fixture.today, purpose: "lunch") }
        document.settings.followUpDays = 14
        try Store.create(path: path, document: document)
        // An "x-kept" member in every kind of object the file holds.
        var text = try #require(FileText.read(path))
        let objectsOpening = ["\"schemaVersion\"", "\"id\": \"compliance-refresher\"", "\"id\": \"partner-questions\"", "\"id\": \"dana-okafor\"",
                              "\"purpose\": \"lunch\"", "\"by\": \"jon\",\n", "\"followUpDays\"", "\"metric\"", "\"hoursSavedPerPerson\"", "\"received\""]
        var inserted = 0
        for opening in objectsOpening {
            guard let range = text.range(of: opening) else { continue }
            text.replaceSubrange(range, with: "\"x-kept\": {\"n\": 1.0},\n" + opening)
            inserted += 1
        }
        try FileText.write(text, to: path)
        let store = try Store(path: path)
        let order = try #require(store.document.orders.first { !$0.measurement.isEmpty && !$0.value.isEmpty })
        // Edits as the forms make them: on top of what is there.
        var details = order.details
        details.measurement.metric += " (edited)"
        details.value.people = (details.value.people ?? 0) + 1
        try store.apply(.editOrder(order.id, from: order.details, to: details))
        let stakeholder = try #require(store.document.stakeholder(id: "dana-okafor"))
        var who = stakeholder.details
        who.nextTouchpoint?.purpose = "coffee"
        try store.apply(.editStakeholder("dana-okafor", from: stakeholder.details, to: who))
        let saved = try #require(FileText.read(path))
        #expect(inserted == objectsOpening.count)
        #expect(saved.components(separatedBy: "\"x-kept\"").count - 1 == inserted)
        #expect(saved.components(separatedBy: "\"n\": 1.0").count - 1 == inserted)
    }

    @Test func aMeasurementAndAValueOfOnlyMembersThisVersionDoesNotKnowAreKept() throws {
        try Store.create(path: path, document: Fixture.demo)
        let order = try #require(Fixture.demo.orders.first { $0.measurement.isEmpty && $0.value.isEmpty })
        var text = try #require(FileText.read(path))
        let idLine = try #require(text.range(of: "\"id\": \(order.id),\n"))
        text.insert(contentsOf: "\"measurement\": {\"x-kept\": 1}, \"value\": {\"x-kept\": 2},\n", at: idLine.upperBound)
        try FileText.write(text, to: path)
        let store = try Store(path: path)
        var details = order.details
        details.title += " (edited)"
        try store.apply(.editOrder(order.id, from: order.details, to: details))
        // Read back by Foundation's reader, not fours's own.
        let saved = try #require(FileManager.default.contents(atPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        let written = try #require(orders.first { $0["id"] as? Int == order.id })
        #expect(written["title"] as? String == details.title)
        #expect((written["measurement"] as? [String: Int]) == ["x-kept": 1])
        #expect((written["value"] as? [String: Int]) == ["x-kept": 2])
    }

    @Test func aSaveGivesThePathANewFileAndTheOldOneStaysWhole() throws {
        let store = try demoStore()
        let before = try #require(FileText.read(path))
        var oldStatus = stat()
        stat(path, &oldStatus)
        let opened = open(path, O_RDONLY)
        defer { close(opened) }
        try store.apply(.addStakeholder(Stakeholder(id: "x", name: "X")))
        var newStatus = stat()
        stat(path, &newStatus)
        #expect(newStatus.st_ino != oldStatus.st_ino, "the file is replaced, never written in place")
        var bytes = [UInt8](repeating: 0, count: before.utf8.count + 100)
        let count = read(opened, &bytes, bytes.count)
        #expect(String(decoding: bytes.prefix(max(0, count)), as: UTF8.self) == before)
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        for _ in 0..<200 where !condition() { usleep(10_000) }
        guard condition() else { throw TestFailure("timed out") }
    }
}
