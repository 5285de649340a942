@testable import Dashboard
import Model
import TestSupport
import Testing

@Suite struct UpdateTests {
    var state = AppState(document: Fixture.demo, size: Size(width: 120, height: 40), today: Fixture.today, user: "ana")

    private mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { update(&state, $0, now: Fixture.now) }
    }

    @Test mutating func movesThroughTheQueueWithinItsBounds() {
        #expect(state.selectedOrder?.shortID == "#8", "the most overdue order comes first")
        _ = send(.moveUp)
        #expect(state.selectedPosition == 0)
        _ = send(.moveDown, .moveDown)
        #expect(state.selectedOrder?.shortID == "#7")
        _ = send(.moveToLast)
        #expect(state.selectedPosition == state.queue.count - 1)
        _ = send(.moveDown)
        #expect(state.selectedPosition == state.queue.count - 1)
        _ = send(.moveToFirst)
        #expect(state.selectedPosition == 0)
    }

    @Test mutating func pagesByTheVisibleRowsAndScrollsToKeepTheSelectionShown() {
        let document = ManyOrders.document(count: 100)
        state = AppState(document: document, size: Size(width: 80, height: 24), today: Fixture.today, user: "ana")
        let rows = state.layout.queueRows
        _ = send(.pageDown)
        #expect(state.selectedPosition == rows)
        #expect(state.queueScroll <= state.selectedPosition && state.selectedPosition < state.queueScroll + rows)
        _ = send(.moveToLast)
        #expect(state.queueScroll == 100 - rows)
        _ = send(.pageUp, .pageUp)
        #expect(state.selectedPosition == 99 - 2 * rows)
        #expect(state.queueScroll <= state.selectedPosition)
    }

    @Test mutating func tickingMarksTheStepAndAsksToSaveIt() throws {
        _ = send(.focusChecklist, .moveDown)
        let order = try #require(state.selectedOrder)
        let before = order.checklist.progress
        let effects = send(.toggleStep)
        let tick = Tick(at: Fixture.now, by: "ana")
        #expect(effects == [.persist(.setStep(order: order.id, step: "success-defined", tick: tick))])
        #expect(state.selectedOrder?.checklist.progress.done == before.done + 1)
        #expect(state.selectedOrder?.checklist[.shiftMindset][1].tick == tick)
        #expect(state.status?.text.contains("Ticked “Agreed with them what success looks like” on #8 (3/12 done)") == true)

        let untickEffects = send(.toggleStep)
        #expect(untickEffects == [.persist(.setStep(order: order.id, step: "success-defined", tick: nil))])
        #expect(state.selectedOrder?.checklist.progress == before)
    }

    @Test mutating func tickingNeedsTheChecklistInFocus() {
        let effects = send(.toggleStep)
        #expect(effects.isEmpty)
        #expect(state.document == Fixture.demo)
    }

    @Test mutating func checklistMovesStepBySectionAndPageBySection() {
        _ = send(.switchFocus)
        #expect(state.focus == .checklist)
        _ = send(.pageDown)
        #expect(state.selectedStep == 3, "first step of Strategic Approach")
        _ = send(.pageDown, .pageDown, .pageDown)
        #expect(state.selectedStep == 11)
        _ = send(.pageUp)
        #expect(state.selectedStep == 9)
        _ = send(.pageUp)
        #expect(state.selectedStep == 6)
        _ = send(.switchFocus)
        #expect(state.focus == .stakeholder)
        _ = send(.switchFocus)
        #expect(state.focus == .queue)
    }

    @Test mutating func stageMovesBothWaysAndStopsAtTheEnds() throws {
        _ = send(.moveDown) // #1, Dana Okafor, order taker
        #expect(state.selectedStakeholder?.stage == .orderTaker)
        #expect(send(.stageDown).isEmpty)
        #expect(state.status?.text == "Dana Okafor is already at Order taker")
        #expect(send(.stageUp).isEmpty, "a move asks for an optional note first")
        #expect(state.form?.title == "Dana Okafor: Order taker → Order with a change")
        let effects = send(.form(.edit(.insert("Asked us to help define the goal"))), .submitForm)
        #expect(effects == [.persist(.moveStakeholder(id: "dana-okafor", to: .orderWithChange, at: Fixture.now, by: "ana",
                                                      note: "Asked us to help define the goal"))])
        #expect(state.selectedStakeholder?.stage == .orderWithChange)
        #expect(state.selectedStakeholder?.stageHistory.count == 1)
        _ = send(.stageDown, .submitForm)
        #expect(state.selectedStakeholder?.stage == .orderTaker)
        #expect(state.selectedStakeholder?.stageHistory.map(\.note) == ["Asked us to help define the goal", ""])
    }

    @Test mutating func aSavedDocumentFromDiskKeepsTheSelection() throws {
        _ = send(.moveDown, .moveDown, .focusChecklist, .moveDown)
        let selected = try #require(state.selectedOrder?.id)
        var fromDisk = Fixture.demo
        // Another person ticked a step on a different order.
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben"))
            .apply(to: &fromDisk)
        _ = send(.reloaded(fromDisk))
        #expect(state.selectedOrder?.id == selected)
        #expect(state.focus == .checklist)
        #expect(state.selectedStep == 1)
        #expect(state.document.order(id: 5)?.checklist[.shiftMindset][2].tick?.by == "ben")
        #expect(state.status?.kind == .info)
    }

    @Test mutating func aFailedSaveStaysOnScreenIsRetriedAndGuardsQuitting() throws {
        let effects = send(.focusChecklist, .moveDown, .toggleStep)
        let operation = try #require(effects.first.flatMap { if case .persist(let op) = $0 { op } else { nil } })
        let ticked = state.selectedOrder?.checklist.progress
        _ = send(.saveFailed(operation, reason: "not saved to /x: the disk is full"))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("1 change not saved: not saved to /x: the disk is full") == true)
        #expect(state.selectedOrder?.checklist.progress == ticked)

        // Someone else's change arrives: the unsaved tick stays on screen on top of it.
        var fromDisk = Fixture.demo
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben"))
            .apply(to: &fromDisk)
        _ = send(.reloaded(fromDisk))
        #expect(state.selectedOrder?.checklist.progress == ticked)
        #expect(state.document.order(id: 5)?.checklist[.shiftMindset][2].tick?.by == "ben")

        #expect(send(.retrySaves) == [.persist(operation)])
        #expect(send(.quit).isEmpty, "quitting with unsaved changes asks first")
        #expect(state.confirmation == .quitWithUnsavedChanges(count: 1))
        _ = send(.cancel)
        #expect(state.confirmation == nil)

        _ = send(.saved(state.document, operation: operation, applied: operation))
        #expect(state.status == StatusMessage(text: "All changes saved", kind: .success))
        #expect(send(.quit) == [.quit])
    }

    @Test mutating func quittingAnywayIsOneKeyAway() throws {
        let effects = send(.focusChecklist, .toggleStep)
        guard case .persist(let operation) = try #require(effects.first) else { return }
        _ = send(.saveFailed(operation, reason: "disk full"))
        _ = send(.quit)
        #expect(send(.confirm) == [.quit])
    }

    @Test mutating func aConflictShowsTheFileAsItIsAndSaysWhy() {
        _ = send(.focusChecklist, .toggleStep)
        let operation = StoreOperation.setStep(order: 8, step: "partner-questions", tick: nil)
        var fromDisk = Fixture.demo
        fromDisk.updateOrder(id: 8) { $0.status = .closed }
        _ = send(.saveConflict(fromDisk, operation: operation, reason: "not saved: order #8 no longer exists"))
        #expect(state.status?.kind == .error)
        #expect(state.queue.position(of: 8) == nil)
        #expect(send(.quit) == [.quit], "nothing is left unsaved")
    }

    @Test mutating func aReadOnlyStoreRefusesChanges() {
        state.readOnlyReason = "opened with --read-only"
        #expect(send(.focusChecklist, .toggleStep, .stageUp).isEmpty)
        #expect(state.document == Fixture.demo)
        #expect(state.status?.text == "Read-only (opened with --read-only): nothing can be changed")
    }

    @Test mutating func theStatusSaysSavedOnlyOnceTheStoreConfirms() {
        _ = send(.focusChecklist, .toggleStep)
        #expect(state.status?.kind == .pending)
        #expect(state.status?.text.hasSuffix("saved") == false)
        let operation = StoreOperation.setStep(order: 8, step: "partner-questions", tick: nil)
        _ = send(.saved(state.document, operation: operation, applied: operation))
        #expect(state.status?.kind == .success)
        #expect(state.status?.text.hasSuffix(" · saved") == true)
    }

    @Test mutating func helpOpensAndClosesAndQuitIsAnEffect() {
        _ = send(.toggleHelp)
        #expect(state.isHelpVisible)
        _ = send(.closeOverlay)
        #expect(!state.isHelpVisible)
        #expect(send(.quit) == [.quit])
        #expect(send(.suspend) == [.suspend])
    }
}

/// A large store for paging and speed checks.
enum ManyOrders {
    static func document(count: Int) -> StoreDocument {
        var document = StoreDocument(stakeholders: [Stakeholder(id: "s", name: "Sam Lee")])
        for id in 1...count {
            document.add(TrainingOrder(
                id: id, title: "Order number \(id)", request: "", stakeholderID: "s", audience: "",
                received: Fixture.today, due: Fixture.today.adding(days: id), checklist: document.template))
        }
        return document
    }
}
