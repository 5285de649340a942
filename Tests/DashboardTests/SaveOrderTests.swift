@testable import Dashboard
import Model
import Testing
import TestSupport

/// Changes made while saves fail are saved later in the order they were made, none is
/// merged away, and "saved" is said only when the file holds what the screen shows.
@Suite struct SaveOrderTests {
    /// Runs the app's save effects against a real store; while `failing`, every save fails
    /// as a full disk would.
    struct Harness {
        var app = TestApp()
        let store: Store
        var failing = false

        init(folder: TemporaryFolder) throws {
            try Store.create(path: folder.file("store.json"), document: Fixture.demo)
            store = try Store(path: folder.file("store.json"))
        }

        mutating func send(_ action: Action) {
            for effect in app.send(action) {
                guard case .persist(let changes, let recreating) = effect else { continue }
                if failing {
                    app.send(.saveFailed(changes, reason: "not saved: the disk is full"))
                    continue
                }
                do {
                    let saved = try store.save(changes.map(\.operation), recreating: recreating)
                    app.send(.saved(saved.document, changes, outcomes: saved.outcomes))
                } catch {
                    app.send(.saveFailed(changes, reason: error.message))
                }
            }
        }

        var stepOnScreen: Tick? { app.state.document.order(id: 8)?.checklist[.shiftMindset][1].tick }

        func stepInFile() throws -> Tick? {
            try Store(path: store.path).document.order(id: 8)?.checklist[.shiftMindset][1].tick
        }
    }

    @Test func aTickSavedLateNeverOvertakesTheUntickAfterIt() throws {
        let folder = try TemporaryFolder()
        var harness = try Harness(folder: folder)
        harness.send(.focusChecklist)
        harness.send(.moveDown)
        let before = harness.stepOnScreen
        #expect(before == nil)
        harness.failing = true
        harness.send(.toggleStep)
        harness.failing = false
        harness.send(.toggleStep)
        #expect(harness.stepOnScreen == before)
        #expect(try harness.stepInFile() == before, "the file holds the untick that came last")
        #expect(harness.app.state.unsaved.isEmpty)
        harness.send(.retrySaves)
        #expect(try harness.stepInFile() == before, "a retry has nothing left to re-apply")
    }

    @Test(arguments: 0..<40)
    func anyRunOfFailingAndWorkingSavesEndsWithTheFileAsTheScreen(seed: Int) throws {
        let folder = try TemporaryFolder()
        var harness = try Harness(folder: folder)
        var random = SeededRandom(seed: UInt64(seed))
        harness.send(.focusChecklist)
        harness.send(.moveDown)
        for _ in 0..<8 {
            harness.failing = random.next() % 2 == 0
            harness.send(random.next() % 4 == 0 ? .retrySaves : .toggleStep)
            if !harness.app.state.unsaved.isEmpty {
                #expect(harness.app.state.status?.text.contains("saved") != true
                        || harness.app.state.status?.text.contains("not saved") == true,
                        "nothing says saved while a change is not")
            }
        }
        harness.failing = false
        harness.send(.retrySaves)
        #expect(harness.app.state.unsaved.isEmpty)
        #expect(try harness.stepInFile() == harness.stepOnScreen)
    }

    @Test func anUnsavedChangeThatNoLongerAppliesAfterAReloadIsSaidAndDropped() {
        var app = TestApp()
        let changes = app.send(.moveDown, .focusChecklist, .toggleStep).changes
        app.send(.saveFailed(changes, reason: "not saved: the disk is full"))
        #expect(app.state.unsaved.count == 1)
        var elsewhere = Fixture.demo
        _ = elsewhere.removeOrder(id: 1)
        app.send(.reloaded(elsewhere))
        #expect(app.state.unsaved.isEmpty, "it would only fail at its next save")
        #expect(app.state.status?.text == "Not saved: order #1 no longer exists (changed by someone else)")
        #expect(!app.lines[0].contains("UNSAVED"))
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed can be run again.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
