@testable import Dashboard
import Glibc
import Model
import TestSupport
import Testing

/// The whole program loop on an in-memory terminal, with a clock the test moves.
@Suite struct ProgramLoopTests {
    final class TestClock {
        var now = Fixture.now
        func advance(seconds: Int64) { now = Timestamp(secondsSince1970: now.secondsSince1970 + seconds) }
    }

    let folder: TemporaryFolder
    let path: String
    let terminal = InMemoryTerminal(size: Size(width: 120, height: 40))
    let clock = TestClock()

    init() throws {
        ProcessSetup.useUTF8Locale()
        folder = try TemporaryFolder()
        path = folder.file("orders.json")
        try Store.create(path: path, document: Fixture.demo)
    }

    private func program(store: Store? = nil) throws -> Program {
        let clock = self.clock
        return Program(store: try store ?? Store(path: path), terminal: terminal, signals: nil, keyMap: .standard, user: "ana",
                       preferencesPath: folder.file("state.json"), clock: { clock.now })
    }

    /// The store at `path` opened as the dashboard opens it, its checklists read after the
    /// first frame; `sketched`, known to this machine as read whole before, so that its
    /// orders themselves are read after it, the queue drawn from their sketches.
    private func lateStore(at path: String, sketched: Bool) throws -> Store {
        let versions = sketched ? SyncVersions(storePath: path, stateFolder: folder.file("versions")) : nil
        if sketched { _ = try Store(path: path, versions: versions) }
        let store = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(store.laterReading.holdsSketches == sketched)
        return store
    }

    /// Turns until a frame shows `text`, a few at most.
    private func turn(_ program: Program, until text: String) -> Bool {
        for _ in 0..<4 {
            program.turn()
            if terminal.lines.contains(where: { $0.contains(text) }) { return true }
        }
        return false
    }

    @Test func aPassingMessageGoesAfterItsTimeAndNotBefore() throws {
        let program = try program()
        terminal.type(.character("o"))
        #expect(turn(program, until: "Sorted by priority"))
        clock.advance(seconds: Timers.statusLifetime - 1)
        program.turn()
        program.turn()
        #expect(terminal.lines.last?.contains("Sorted by priority") == true, "still within its time")
        clock.advance(seconds: 2)
        #expect(turn(program, until: "? help"))
        #expect(terminal.lines.last?.contains("Sorted by priority") == false)
    }

    @Test func theSearchIndexIsBuiltAwayFromTheKeysOnceTheScreenIsUp() throws {
        let program = try program()
        program.turn()
        // The loop does not wait for it: it takes it when it has come.
        let deadline = ContinuousClock.now + .seconds(5)
        while program.currentState.searchIndex == nil && ContinuousClock.now < deadline {
            usleep(5_000)
            program.turn()
        }
        #expect(program.currentState.searchIndex == SearchIndex(program.currentState.document))
    }

    @Test func aCopyStillBeingWrittenWhenFirstSeenIsLookedAtAgainOnceItChanges() throws {
        let program = try program()
        let copy = folder.file("orders.sync-conflict-20261125-101500-ABCDEFG.json")
        try FileText.write(String(try #require(FileText.read(path)).prefix(300)), to: copy)
        #expect(turn(program, until: "1 copy not merged"), "half written, it does not read yet")
        var theirs = try #require(try Store.readForMerge(path: path))
        theirs.updateOrder(id: 3) { $0.notes.append(Note(id: "from-ben", at: Fixture.now, by: "ben", text: "Written whole")) }
        try Store.write(theirs, over: copy)
        clock.advance(seconds: 2)
        #expect(turn(program, until: "Merged 1 sync conflicted copy"))
        #expect(program.currentState.document.order(id: 3)?.notes.contains { $0.id == "from-ben" } == true)
    }

    @Test func aMessageFromTheStartStaysItsWholeTime() throws {
        let program = try program(store: try Store(path: path, readOnly: true))
        #expect(turn(program, until: "Read-only: opened with --read-only"))
        clock.advance(seconds: 2)
        program.turn()
        program.turn()
        #expect(terminal.lines.last?.contains("Read-only: opened with --read-only") == true)
        clock.advance(seconds: Timers.statusLifetime)
        #expect(turn(program, until: "? help"))
    }

    @Test func aFailedSaveIsRetriedAndThenSucceeds() throws {
        // Someone else holds the lock: the save waits a moment, gives up, and says so.
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(lock, LOCK_EX) == 0)
        let program = try program(store: try Store(path: path, lockTimeout: 0.05))
        terminal.type(.character("j"), .character("l"), .character(" "))
        #expect(turn(program, until: "1 UNSAVED"))
        #expect(program.currentState.unsaved.count == 1)
        clock.advance(seconds: Timers.retryInterval)
        program.turn()
        #expect(program.currentState.unsaved.count == 1, "still held: the retry fails too")
        flock(lock, LOCK_UN)
        close(lock)
        clock.advance(seconds: Timers.retryInterval)
        #expect(turn(program, until: "All changes saved"))
        #expect(program.currentState.unsaved.isEmpty)
        #expect(try Store(path: path).document.order(id: 1)?.checklist[.shiftMindset][0].tick == nil,
                "the first step of #1 was ticked; the untick is in the file")
    }

    @Test(arguments: [false, true])
    func theFirstFrameComesBeforeEveryChecklistIsReadAndKeysWaitForThem(sketched: Bool) throws {
        terminal.resize(to: Size(width: 120, height: 16))
        _ = terminal.read()
        let store = try lateStore(at: path, sketched: sketched)
        let program = try program(store: store)
        let shown = program.currentState.ordersOnScreen
        #expect(!store.laterReading.isEmpty && shown.count < store.document.orders.count,
                "only the orders on screen had their checklists read")
        for id in shown { #expect(store.document.order(id: id) == Fixture.demo.order(id: id)) }
        // Keys typed before the rest are read: a move down and a tick there.
        terminal.type(.character("j"), .character("l"), .character(" "))
        program.turn()
        let whole = InMemoryTerminal(size: terminal.size)
        Program(store: try Store(path: path), terminal: whole, signals: nil, keyMap: .standard, user: "ana",
                preferencesPath: folder.file("state.json"), clock: { Fixture.now }).turn()
        #expect(terminal.lines == whole.lines, "the first frame is the one a whole read shows")
        #expect(program.currentState.selectedPosition == 0 && program.currentState.unsaved.isEmpty,
                "no key is handled before every checklist is read")

        let deadline = ContinuousClock.now + .seconds(5)
        while !store.laterReading.isEmpty && ContinuousClock.now < deadline { program.turn() }
        #expect(turn(program, until: "saved"))
        let saved = try Store(path: path).document
        let second = program.currentState.queue.orderIDs[1]
        #expect(program.currentState.selectedOrder?.id == second, "the move came first")
        for order in saved.orders where order.id != second { #expect(order == Fixture.demo.order(id: order.id)) }
        let before = try #require(Fixture.demo.order(id: second)?.checklist.allSteps.first?.step)
        let after = try #require(saved.order(id: second)?.checklist.allSteps.first?.step)
        #expect(after.id == before.id && after.isDone != before.isDone, "the first step of the second order changed")
    }

    @Test func aListTheSketchesCannotOrderIsReadWholeBeforeTheFirstFrame() throws {
        terminal.resize(to: Size(width: 120, height: 16))
        _ = terminal.read()
        try ViewPreferences(queue: QueueQuery(sort: .stakeholder)).save(to: folder.file("state.json"))
        let store = try lateStore(at: path, sketched: true)
        let program = try program(store: store)
        #expect(store.laterReading.isEmpty, "every order was read whole before the first frame")
        program.turn()
        let whole = InMemoryTerminal(size: terminal.size)
        Program(store: try Store(path: path), terminal: whole, signals: nil, keyMap: .standard, user: "ana",
                preferencesPath: folder.file("state.json"), clock: { Fixture.now }).turn()
        #expect(terminal.lines == whole.lines)
    }

    @Test(arguments: [false, true])
    func aMoveIsTakenWhileTheOtherChecklistsAreReadWithTheChecklistsItShows(sketched: Bool) throws {
        // Enough orders that the rest of the checklists take a while to read.
        let big = folder.file("big.json")
        let generated = GeneratedStore.make(orders: 2_000, now: Fixture.now)
        try Store.create(path: big, document: generated)
        terminal.resize(to: Size(width: 120, height: 16))
        _ = terminal.read()
        let store = try lateStore(at: big, sketched: sketched)
        #expect(store.laterReading.parts.count == (sketched ? 2 : 1), "the orders are read in parts, the checklists in one")
        let program = try program(store: store)
        var framesWhileReading: [[String]] = []
        terminal.onPresent = { screen in if !store.laterReading.isEmpty { framesWhileReading.append(screen.lines) } }
        program.turn()
        // To the last order (its rows' checklists were not read), then a tick, which waits.
        terminal.type(.character("G"), .character("l"), .character(" "))
        program.turn()
        program.turn()
        #expect(framesWhileReading.count == 2, "the move was drawn before the rest of the checklists were read")
        #expect(program.currentState.unsaved.isEmpty, "the tick waits for them")

        let whole = InMemoryTerminal(size: terminal.size)
        let reference = Program(store: try Store(path: big), terminal: whole, signals: nil, keyMap: .standard, user: "ana",
                                preferencesPath: folder.file("state.json"), clock: { Fixture.now })
        whole.type(.character("G"))
        for _ in 0..<3 { reference.turn() }
        #expect(framesWhileReading.last == whole.lines, "the rows it shows have their checklists")

        let deadline = ContinuousClock.now + .seconds(20)
        while !store.laterReading.isEmpty && ContinuousClock.now < deadline { program.turn() }
        #expect(turn(program, until: "saved"))
        let last = try #require(program.currentState.queue.orderIDs.last)
        #expect(program.currentState.selectedOrder?.id == last)
        let firstStepDone = { (document: StoreDocument) in document.order(id: last)?.checklist.allSteps.first?.step.isDone }
        #expect(firstStepDone(try Store(path: big).document) != firstStepDone(generated),
                "the tick, taken after them, is on the last order")
    }

    @Test func aChecklistThatDoesNotReadAfterTheFirstFrameEndsTheProgramAsOpeningWould() throws {
        terminal.resize(to: Size(width: 120, height: 16))
        _ = terminal.read()
        // A time no one can read, on the order furthest down the queue: off the first screen.
        let last = try #require(try program().currentState.queue.orderIDs.last)
        let order = try #require(Fixture.demo.order(id: last))
        let odd = Timestamp(secondsSince1970: 1_900_000_000)
        try Store(path: path).apply(.setStep(order: last, step: order.checklist[.sureThing][0].id, tick: Tick(at: odd, by: "ana")))
        let text = try #require(FileText.read(path))
        try FileText.write(text.replacing(odd.description, with: "in a while"), to: path)
        let opening = try #require(storeError { () throws(StoreError) in _ = try Store(path: path) })

        let program = try program(store: try Store(path: path, checklistsLater: true))
        program.turn()
        #expect(terminal.frame != nil, "the first frame came before the bad checklist was read")
        let deadline = ContinuousClock.now + .seconds(5)
        while program.isGoingOn && ContinuousClock.now < deadline { program.turn() }
        #expect(!program.isGoingOn)
        #expect(program.failure == opening.message)
    }

    @Test func aTickIsOnScreenBeforeItsSaveAndQuitWaitsForNoQuestion() throws {
        let program = try program()
        let path = path
        var fileWhenShown: [(lines: [String], document: StoreDocument?)] = []
        terminal.onPresent = { fileWhenShown.append(($0.lines, try? Store(path: path).document)) }
        terminal.type(.character("l"), .character(" "))
        #expect(turn(program, until: "· saved"))
        let shown = try #require(fileWhenShown.first { $0.lines.first?.contains("1 UNSAVED") == true })
        #expect(shown.lines.last?.contains("ticked") == true, "the change is drawn, marked as not saved yet")
        #expect(shown.document == Fixture.demo, "before the file has it")
        #expect(try Store(path: path).document != Fixture.demo)

        // A change and a quit typed at once: the change is saved, nothing is asked.
        terminal.type(.character(" "), .character("q"))
        program.turn()
        #expect(!program.isGoingOn)
        #expect(program.currentState.confirmation == nil && program.currentState.unsaved.isEmpty)
        let id = try #require(program.currentState.selectedOrder?.id)
        let firstStep = { (document: StoreDocument?) in document?.order(id: id)?.checklist.allSteps.first?.step.isDone }
        #expect(firstStep(try Store(path: path).document) == firstStep(Fixture.demo), "the second change is in the file")
    }

    @Test func aReloadArrivesWhileAFormIsOpen() throws {
        let program = try program()
        terminal.type(.character("a"))
        terminal.type("Half typed")
        #expect(turn(program, until: "Half typed"))
        let elsewhere = try Store(path: path)
        let order = try #require(elsewhere.document.order(id: 8))
        var details = order.details
        details.title = "Renamed elsewhere"
        try elsewhere.apply(.editOrder(8, from: order.details, to: details))
        #expect(turn(program, until: "Reloaded: the store was changed elsewhere"))
        #expect(program.currentState.document.order(id: 8)?.title == "Renamed elsewhere")
        #expect(program.currentState.form?[.title] == "Half typed", "what was typed stays")
        #expect(terminal.lines.contains { $0.contains("New order") })
        terminal.type(.escape, .character("q"))
        program.turn()
        program.turn()
        #expect(!program.isGoingOn)
    }
}
