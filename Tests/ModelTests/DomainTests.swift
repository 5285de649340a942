@testable import Model
import TestSupport
import Testing

@Suite struct DomainTests {
    @Test func progressIsCountedPerSectionAndPerOrder() throws {
        var checklist = Checklist.standardTemplate
        #expect(checklist.progress == Progress(done: 0, total: 12))
        checklist[.sureThing][1].tick = Tick(at: Fixture.now, by: "ana")
        checklist[.sureThing][2].tick = Tick(at: Fixture.now, by: "ana")
        checklist[.shiftMindset][0].tick = Tick(at: Fixture.now, by: "ben")
        #expect(checklist.progress(of: .sureThing) == Progress(done: 2, total: 3))
        #expect(checklist.progress(of: .strategicApproach) == Progress(done: 0, total: 3))
        #expect(checklist.progress == Progress(done: 3, total: 12))
        #expect(checklist.unticked.progress.done == 0)
    }

    @Test func aWordIsFoundByItsBytesWhereverItIs() {
        // Texts of few letters (so words recur, overlap and nearly match), some of two
        // bytes; every word is looked for as a plain scan of every place would find it.
        let letters = Array("eé a".utf8)
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<4_000 {
            let text = (0..<next(80)).map { _ in letters[next(letters.count)] }
            let word = (0..<1 + next(5)).map { _ in letters[next(letters.count)] }
            let plain = word.count <= text.count && (0...(text.count - word.count)).contains { Array(text[$0..<$0 + word.count]) == word }
            let found = text.withUnsafeBufferPointer { text in word.withUnsafeBufferPointer { ByteSearch.contains(text, $0) } }
            #expect(found == plain, "\(text) \(word)")
        }
    }

    @Test func queueHoldsOpenOrdersSoonestDueFirst() throws {
        let document = Fixture.demo
        let queue = OrderQueue(document)
        let orders = queue.orderIDs.compactMap { document.order(id: $0) }
        #expect(orders.count == document.orders.filter(\.status.isOpen).count)
        #expect(orders.allSatisfy { $0.status.isOpen })
        let dueDates = orders.compactMap(\.due)
        #expect(dueDates == dueDates.sorted())
        // Orders without a due date come last.
        #expect(orders.last?.due == nil)
    }

    @Test func demoStoreCoversWhatAFirstLookNeeds() {
        let document = Fixture.demo
        let today = Fixture.today
        let open = document.orders.filter(\.status.isOpen)
        #expect(open.count >= 8)
        #expect(document.orders.filter { $0.status == .delivered }.count >= 2)
        #expect(Set(document.orders.map(\.stakeholderID)).count >= 5)
        #expect(Set(document.stakeholders.map(\.stage)) == Set(EngagementStage.allCases))
        #expect(open.contains { $0.isOverdue(on: today) })
        #expect(open.contains { order in order.due.map { $0 >= today && today.days(until: $0) < 7 } ?? false })
        #expect(Set(open.map(\.checklist.progress.done)).count >= 4, "progress should vary")
        let summary = QueueSummary(document, today: today)
        #expect(summary.open == open.count)
        #expect(summary.overdue == 2)
        #expect(summary.dueThisWeek == 3)
    }

    @Test func stakeholderMovesAreRecordedInTheirHistory() throws {
        var document = Fixture.demo
        try StoreOperation.moveStakeholder(id: "dana-okafor", to: .orderWithChange, at: Fixture.now, by: "ana")
            .apply(to: &document)
        let dana = try #require(document.stakeholder(id: "dana-okafor"))
        #expect(dana.stage == .orderWithChange)
        #expect(dana.stageHistory.last == StageChange(at: Fixture.now, from: .orderTaker, to: .orderWithChange, by: "ana"))
    }

    @Test func operationsOnMissingThingsAreConflicts() {
        var document = Fixture.demo
        #expect(throws: OperationConflict("order #999 no longer exists")) {
            try StoreOperation.setStep(order: 999, step: "partner-questions", tick: nil).apply(to: &document)
        }
        #expect(throws: OperationConflict.self) {
            try StoreOperation.setStep(order: 1, step: "no-such-step", tick: nil).apply(to: &document)
        }
        #expect(document == Fixture.demo)
    }

    @Test func storeLocationFollowsFlagThenEnvironmentThenXDG() {
        #expect(StoreLocation.resolve(explicit: "/a.json", environment: ["FOURS_STORE": "/b.json"]) == "/a.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["FOURS_STORE": "/b.json", "XDG_DATA_HOME": "/x"]) == "/b.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/fours/store.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/fours/store.json")
        // A relative XDG_DATA_HOME is invalid by the spec and ignored.
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"])
            == "/h/.local/share/fours/store.json")
    }
}

/// Touchpoints and notes are read and written by their field tables, like the orders'
/// details: every field comes back, a member this version does not know is kept, and a
/// field one cannot be without is a problem with its place.
@Suite struct RecordTableTests {
    private static func read<Value>(_ json: JSONValue, _ make: (FieldReader) -> Value?) -> (Value?, [StoreValidationError]) {
        let log = ProblemLog()
        guard let reader = FieldReader(json, path: "x", parentPosition: nil, log: log) else { return (nil, log.problems) }
        return (make(reader), log.problems)
    }

    @Test func touchpointsAndNotesComeBackWholeByTheirTables() throws {
        let touchpoint = try JSONReader.parse(Array(#"{"on": "2026-12-01", "purpose": "Walk the floor", "room": "B2"}"#.utf8))
        let (readTouchpoint, touchpointProblems) = Self.read(touchpoint, Touchpoint.read)
        #expect(touchpointProblems.isEmpty && readTouchpoint?.json == touchpoint)
        #expect(Set(Touchpoint.table.fields.map(\.name)) == ["on", "purpose"])

        let note = try JSONReader.parse(Array(#"{"at": "2026-11-25T12:00:00Z", "by": "ana", "id": "n1", "mood": "good", "text": "Hi"}"#.utf8))
        let (readNote, noteProblems) = Self.read(note, Note.read)
        #expect(noteProblems.isEmpty && readNote?.json == note)
        #expect(Set(Note.table.fields.map(\.name)) == ["id", "at", "by", "text"])

        let undated = try JSONReader.parse(Array(#"{"purpose": "someday"}"#.utf8))
        let (none, problems) = Self.read(undated, Touchpoint.read)
        #expect(none == nil && problems.map(\.problem) == ["is missing"], "\(problems)")
        let (noText, noteMissing) = Self.read(try JSONReader.parse(Array(#"{"id": "n", "at": "2026-11-25T12:00:00Z"}"#.utf8)), Note.read)
        #expect(noText == nil && noteMissing.count == 1)
    }
}
