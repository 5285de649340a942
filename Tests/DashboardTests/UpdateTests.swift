@testable import Dashboard
import Model
import TestSupport
import Testing

@Suite struct UpdateTests {
    var app = TestApp(size: Size(width: 120, height: 40))


    @Test mutating func movesThroughTheQueueWithinItsBounds() {
        #expect(app.state.selectedOrder?.shortID == "#8", "the most overdue order comes first")
        _ = app.send(.moveUp)
        #expect(app.state.selectedPosition == 0)
        _ = app.send(.moveDown, .moveDown)
        #expect(app.state.selectedOrder?.shortID == "#7")
        _ = app.send(.moveToLast)
        #expect(app.state.selectedPosition == app.state.queue.count - 1)
        _ = app.send(.moveDown)
        #expect(app.state.selectedPosition == app.state.queue.count - 1)
        _ = app.send(.moveToFirst)
        #expect(app.state.selectedPosition == 0)
    }

    @Test mutating func pagesByTheVisibleRowsAndScrollsToKeepTheSelectionShown() {
        let document = ManyOrders.document(count: 100)
        app.state = AppState(document: document, size: Size(width: 80, height: 24), today: Fixture.today, user: "ana")
        let rows = app.state.layout.queueRows
        _ = app.send(.pageDown)
        #expect(app.state.selectedPosition == rows)
        #expect(app.state.queueScroll <= app.state.selectedPosition && app.state.selectedPosition < app.state.queueScroll + rows)
        _ = app.send(.moveToLast)
        #expect(app.state.queueScroll == 100 - rows)
        _ = app.send(.pageUp, .pageUp)
        #expect(app.state.selectedPosition == 99 - 2 * rows)
        #expect(app.state.queueScroll <= app.state.selectedPosition)
    }

    @Test mutating func tickingMarksTheStepAndAsksToSaveIt() throws {
        _ = app.send(.focusChecklist, .moveDown)
        let order = try #require(app.state.selectedOrder)
        let before = order.checklist.progress
        let effects = app.send(.toggleStep)
        let tick = Tick(at: Fixture.now, by: "ana")
        #expect(effects.persisted == [.setStep(order: order.id, step: "success-defined", tick: tick)])
        #expect(app.state.selectedOrder?.checklist.progress.done == before.done + 1)
        #expect(app.state.selectedOrder?.checklist[.shiftMindset][1].tick == tick)
        #expect(app.state.status?.text.contains("Ticked “Agreed with them what success looks like” on #8 (3/12 done)") == true)

        let untickEffects = app.send(.toggleStep)
        #expect(untickEffects.persisted == [.setStep(order: order.id, step: "success-defined", tick: tick),
                                            .setStep(order: order.id, step: "success-defined", tick: nil)],
                "the tick is not confirmed yet: both are saved, in order")
        #expect(app.state.selectedOrder?.checklist.progress == before)
    }

    @Test mutating func tickingNeedsTheChecklistInFocus() {
        let effects = app.send(.toggleStep)
        #expect(effects.isEmpty)
        #expect(app.state.document == Fixture.demo)
    }

    @Test mutating func checklistMovesStepBySectionAndPageBySection() {
        _ = app.send(.switchFocus)
        #expect(app.state.focus == .checklist)
        _ = app.send(.pageDown)
        #expect(app.state.selectedStep == 3, "first step of Strategic Approach")
        _ = app.send(.pageDown, .pageDown, .pageDown)
        #expect(app.state.selectedStep == 11)
        _ = app.send(.pageUp)
        #expect(app.state.selectedStep == 9)
        _ = app.send(.pageUp)
        #expect(app.state.selectedStep == 6)
        _ = app.send(.switchFocus)
        #expect(app.state.focus == .stakeholder)
        _ = app.send(.switchFocus)
        #expect(app.state.focus == .queue)
    }

    @Test mutating func stageMovesBothWaysAndStopsAtTheEnds() throws {
        _ = app.send(.moveDown) // #1, Dana Okafor, order taker
        #expect(app.state.selectedStakeholder?.stage == .orderTaker)
        #expect(app.send(.stageDown).isEmpty)
        #expect(app.state.status?.text == "Dana Okafor is already at Order taker")
        #expect(app.send(.stageUp).isEmpty, "a move asks for an optional note first")
        #expect(app.state.form?.title == "Dana Okafor: Order taker → Order with a change")
        let effects = app.send(.form(.edit(.insert("Asked us to help define the goal"))), .submitForm)
        #expect(effects.persisted == [(.moveStakeholder(id: "dana-okafor", to: .orderWithChange, at: Fixture.now, by: "ana",
                                                      note: "Asked us to help define the goal"))])
        #expect(app.state.selectedStakeholder?.stage == .orderWithChange)
        #expect(app.state.selectedStakeholder?.stageHistory.count == 1)
        _ = app.send(.stageDown, .submitForm)
        #expect(app.state.selectedStakeholder?.stage == .orderTaker)
        #expect(app.state.selectedStakeholder?.stageHistory.map(\.note) == ["Asked us to help define the goal", ""])
    }

    @Test mutating func aSavedDocumentFromDiskKeepsTheSelection() throws {
        _ = app.send(.moveDown, .moveDown, .focusChecklist, .moveDown)
        let selected = try #require(app.state.selectedOrder?.id)
        var fromDisk = Fixture.demo
        // Another person ticked a step on a different order.
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben"))
            .apply(to: &fromDisk)
        _ = app.send(.reloaded(fromDisk))
        #expect(app.state.selectedOrder?.id == selected)
        #expect(app.state.focus == .checklist)
        #expect(app.state.selectedStep == 1)
        #expect(app.state.document.order(id: 5)?.checklist[.shiftMindset][2].tick?.by == "ben")
        #expect(app.state.status?.kind == .info)
    }

    @Test mutating func aFailedSaveStaysOnScreenIsRetriedAndGuardsQuitting() throws {
        let effects = app.send(.focusChecklist, .moveDown, .toggleStep)
        let changes = effects.changes
        let ticked = app.state.selectedOrder?.checklist.progress
        _ = app.send(.saveFailed(changes, reason: "not saved to /x: the disk is full"))
        #expect(app.state.status?.kind == .error)
        #expect(app.state.status?.text.hasPrefix("1 change not saved: not saved to /x: the disk is full") == true)
        #expect(app.state.selectedOrder?.checklist.progress == ticked)

        // Someone else's change arrives: the unsaved tick stays on screen on top of it.
        var fromDisk = Fixture.demo
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben"))
            .apply(to: &fromDisk)
        _ = app.send(.reloaded(fromDisk))
        #expect(app.state.selectedOrder?.checklist.progress == ticked)
        #expect(app.state.document.order(id: 5)?.checklist[.shiftMindset][2].tick?.by == "ben")

        #expect(app.send(.retrySaves) == [.persist(changes)])
        #expect(app.send(.quit).isEmpty, "quitting with unsaved changes asks first")
        #expect(app.state.confirmation == .quitWithUnsavedChanges(count: 1))
        _ = app.send(.cancel)
        #expect(app.state.confirmation == nil)

        _ = app.send(.saved(app.state.document, changes, outcomes: changes.map { .saved($0.operation) }))
        #expect(app.state.status == StatusMessage(text: "All changes saved", kind: .success))
        #expect(app.send(.quit) == [.quit])
    }

    @Test mutating func quittingAnywayIsOneKeyAway() throws {
        let effects = app.send(.focusChecklist, .toggleStep)
        _ = app.send(.saveFailed(effects.changes, reason: "disk full"))
        _ = app.send(.quit)
        #expect(app.send(.confirm) == [.quit])
    }

    @Test mutating func aConflictShowsTheFileAsItIsAndSaysWhy() {
        let changes = app.send(.focusChecklist, .toggleStep).changes
        var fromDisk = Fixture.demo
        fromDisk.updateOrder(id: 8) { $0.status = .closed }
        _ = app.send(.saved(fromDisk, changes, outcomes: [.refused("not saved: order #8 no longer exists")]))
        #expect(app.state.status?.kind == .error)
        #expect(app.state.queue.position(of: 8) == nil)
        #expect(app.send(.quit) == [.quit], "nothing is left unsaved")
    }

    @Test mutating func aReadOnlyStoreRefusesChanges() {
        app.state.readOnlyReason = "opened with --read-only"
        #expect(app.send(.focusChecklist, .toggleStep, .stageUp).isEmpty)
        #expect(app.state.document == Fixture.demo)
        #expect(app.state.status?.text == "Read-only (opened with --read-only): nothing can be changed")
    }

    @Test mutating func theStatusSaysSavedOnlyOnceTheStoreConfirms() {
        let changes = app.send(.focusChecklist, .toggleStep).changes
        #expect(app.state.status?.kind == .pending)
        #expect(app.state.status?.text.hasSuffix("saved") == false)
        _ = app.send(.saved(app.state.document, changes, outcomes: changes.map { .saved($0.operation) }))
        #expect(app.state.status?.kind == .success)
        #expect(app.state.status?.text.hasSuffix(" · saved") == true)
    }

    @Test mutating func theDetailScrollsToWhatDoesNotFitAndBackToTheFocus() {
        app = TestApp(size: Size(width: 120, height: 30))
        app.send(.focusChecklist, .switchFocus)
        #expect(app.state.focus == .stakeholder)
        let before = app.lines
        #expect(before.contains { $0.contains("more lines") }, "the detail does not fit at 120x30")
        for _ in 0..<40 { app.send(.moveDown) }
        let bottom = app.lines
        #expect(!bottom.contains { $0.contains("↓") && $0.contains("more lines") }, "scrolled to the last line")
        #expect(bottom != before)
        app.send(.moveToFirst)
        #expect(!app.lines.contains { $0.contains("↑") && $0.contains("more lines") }, "and up to the first")
        #expect(app.lines.contains { $0.contains("#8 Picking-error coaching for shift leads") })
        // Back in the queue and on another order, the detail starts from the top again.
        app.send(.focusQueue, .moveDown)
        #expect(app.state.detailScroll == 0)
        // The wheel over the detail scrolls it, wherever the focus is.
        let detail = app.state.layout.detail
        app.send(.scroll(up: false, x: detail.x + 2, y: detail.y + 2))
        #expect(app.state.detailScroll == 3 || app.state.detailScroll == DetailView(state: app.state, rect: detail).scrollRange().upperBound)
        #expect(app.state.detailScroll > 0)
        #expect(app.state.focus == .queue)
    }

    @Test mutating func theFooterOffersOnlyKeysThatDoSomethingThere() {
        func footer() -> String { app.lines.last ?? "" }
        #expect(footer().contains("> stage") && footer().contains("n note"))
        app.send(.showView(.standup))
        #expect(!footer().contains("> stage") && !footer().contains("n note"), "no order or stakeholder in the stand-up")
        app.send(.showView(.queue), .focusChecklist)
        #expect(footer().contains("Space tick") && footer().contains("u undo"))
        app.state.readOnlyReason = "opened with --read-only"
        #expect(!footer().contains("Space tick") && !footer().contains("u undo") && !footer().contains("+ add step"))
        #expect(footer().contains("q quit"))
        // The help leaves out what the state does not allow, and still lists the rest.
        app.state.size = Size(width: 120, height: 200)
        app.send(.toggleHelp)
        #expect(!app.lines.contains { $0.contains("Tick or untick the step") || $0.contains("Undo the last change") })
        #expect(app.lines.contains { $0.contains("Next order") } && app.lines.contains { $0.contains("Select an order, a step") })
        app.state.readOnlyReason = nil
        #expect(app.lines.contains { $0.contains("Tick or untick the step") })
    }

    @Test mutating func dialogsWriteTheirKeysFromTheKeyMap() {
        app.send(.addOrder)
        #expect(app.lines.contains { $0.contains(" Tab next · Enter save · Esc cancel ") })
        app.send(.cancel, .deleteOrder)
        #expect(app.lines.contains { $0.contains("y yes   n no") })
    }

    @Test mutating func shiftTabMovesFocusBackAndCtrlLRepaints() {
        app.send(.focusChecklist, .switchFocusBack)
        #expect(app.state.focus == .queue)
        app.send(.switchFocusBack)
        #expect(app.state.focus == .stakeholder)
        app.send(.switchFocusBack)
        #expect(app.state.focus == .checklist)
        #expect(KeyMap.standard.action(for: .backTab, in: app.state.activeScopes) == .switchFocusBack)
        #expect(KeyMap.standard.action(for: .control("l"), in: [.form]) == .repaint)
        #expect(app.send(.repaint) == [.repaint])
    }

    @Test mutating func nothingActsBehindTheTooSmallMessage() {
        app.send(.resized(Size(width: 50, height: 12)))
        #expect(app.send(.focusChecklist, .toggleStep, .stageUp, .addOrder, .deleteOrder, .confirm).isEmpty)
        #expect(app.state.document == Fixture.demo)
        #expect(app.state.form == nil && app.state.confirmation == nil)
        #expect(app.send(.quit) == [.quit])
        app.send(.resized(Size(width: 120, height: 40)), .focusChecklist)
        #expect(app.send(.toggleStep).persisted.count == 1, "back to a good size, keys act again")
    }

    @Test mutating func newsOfAnotherChangeNeverHidesWhatBecameOfOnesOwn() {
        let changes = app.send(.focusChecklist, .toggleStep).changes
        app.send(.saved(app.state.document, changes, outcomes: changes.map { .saved($0.operation) }, othersChanged: false))
        let saved = app.state.status
        app.send(.reloaded(Fixture.demo))
        #expect(app.state.status == saved)
        app.letTimePass(seconds: Timers.statusLifetime)
        app.send(.reloaded(Fixture.demo))
        #expect(app.state.status?.text == "Reloaded: the store was changed elsewhere")
    }

    @Test mutating func passingMessagesClearButErrorsStay() {
        let changes = app.send(.focusChecklist, .toggleStep).changes
        app.send(.saved(app.state.document, changes, outcomes: changes.map { .saved($0.operation) }))
        app.letTimePass(seconds: Timers.statusLifetime)
        #expect(app.state.status == nil)
        app.send(.saveFailed(app.send(.toggleStep).changes, reason: "disk full"))
        app.letTimePass(seconds: 2 * Timers.statusLifetime)
        #expect(app.state.status?.kind == .error)
    }

    @Test mutating func helpOpensAndClosesAndQuitIsAnEffect() {
        _ = app.send(.toggleHelp)
        #expect(app.state.isHelpVisible)
        _ = app.send(.closeOverlay)
        #expect(!app.state.isHelpVisible)
        #expect(app.send(.quit) == [.quit])
        #expect(app.send(.suspend) == [.suspend])
    }

    @Test mutating func eachPageKeepsItsOwnPlaceAndASearchEndsWithItsView() {
        app.send(.showView(.stakeholders), .moveDown, .moveDown)
        app.send(.showView(.standup), .moveDown)
        let standup = app.state.memories[StandupPage.Memory.self, of: .standup]
        #expect(standup.scroll == 1)
        app.send(.showView(.queue), .focusChecklist, .moveDown)
        #expect(app.state.selectedStep == 1)
        app.send(.showView(.archive))
        #expect(app.state.focus == .queue && app.state.selectedStep == 0, "the archive has a place of its own")
        app.send(.showView(.queue))
        #expect(app.state.focus == .queue, "a list has the keys again when it is shown")
        app.send(.showView(.stakeholders))
        #expect(app.state.stakeholderPosition == 2)
        #expect(app.state.memories[StandupPage.Memory.self, of: .standup] == standup)

        app.send(.showView(.queue), .focusChecklist)
        #expect(KeyMap.standard.action(for: .character("/"), in: app.state.activeScopes) == .startSearch,
                "a search starts from the checklist too, not its keys")
        app.send(.startSearch, .searchEdit(.insert("web")))
        #expect(app.state.activeScopes == [.search])
        app.send(.endSearch(keep: true))
        #expect(app.state.focus == .queue, "the search narrowed the queue, which has the keys")
        app.send(.startSearch, .searchEdit(.insert("web")))
        app.send(.showView(.standup), .showView(.queue))
        #expect(app.state.searchField == nil)
        #expect(app.state.activeScopes == [.queue, .orderLists, .selection, .everywhere])
    }

    @Test mutating func aListShownAgainIsTheSameUnlessTheDocumentChangedMeanwhile() throws {
        let queue = app.state.queue
        app.send(.showView(.archive), .showView(.queue))
        #expect(app.state.queue == queue)
        app.send(.showView(.archive))
        var fromDisk = Fixture.demo
        let added = TrainingOrder(id: fromDisk.nextOrderID, title: "Added elsewhere", request: "", stakeholderID: "dana-okafor",
                                  audience: "", received: Fixture.today, due: Fixture.today, checklist: fromDisk.template)
        try StoreOperation.addOrder(added).apply(to: &fromDisk)
        app.send(.reloaded(fromDisk))
        app.send(.showView(.queue))
        #expect(app.state.queue.orderIDs.contains(added.id) && app.state.queue.count == queue.count + 1)
    }

    @Test mutating func dialogsStackAndTheTopOneTakesTheKeys() throws {
        app.send(.toggleHelp, .moveDown)
        #expect(app.state.helpScroll == 1)
        app.send(.moveToLast)
        #expect(app.state.helpScroll > 1 && app.lines.contains { $0.contains("Marks in the queue") }, "G: the end of the help")
        app.send(.moveToFirst)
        #expect(app.state.helpScroll == 0)
        app.send(.closeOverlay, .toggleHelp)
        #expect(app.state.helpScroll == 0, "the help opens at its top")
        app.send(.closeOverlay, .edit)
        let form = try #require(app.state.form)
        app.send(.quit)
        #expect(app.state.overlays.shown.count == 1, "quit is a key the form does not take: nothing opens over it")
        app.state.confirmation = .quitWithUnsavedChanges(count: 1)
        #expect(app.state.activeScopes == [.confirmation])
        app.send(.cancel)
        #expect(app.state.confirmation == nil && app.state.form == form, "the question closes, the form under it stays")
        app.send(.cancel)
        #expect(app.state.overlays.shown.isEmpty)
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

/// Orders with a merge conflict waiting for a choice: a key goes from one to the next, a
/// filter shows only them.
@Suite struct ConflictNavigationTests {
    static func conflict(on id: Int) -> MergeConflict {
        MergeConflict(id: "c\(id)", subject: .order(id), path: MergePath([.member("title")]), kept: .string("Ours"),
                      other: .string("Theirs"), rule: "kept this copy's value", at: Fixture.now, by: "ana")
    }

    @Test func cGoesToTheNextOrderWithAConflictAndTheFilterShowsOnlyThem() {
        var document = Fixture.demo
        document.conflicts = [Self.conflict(on: 3), Self.conflict(on: 5)]
        var app = TestApp()
        app.send(.reloaded(document))
        // The queue, by due date: #8, #1, #7, #2, #3, #6, #4, #5, #9.
        app.send(.nextConflict)
        #expect(app.state.selectedOrder?.id == 3 && app.state.status?.text.hasPrefix("≠ #3: K keeps") == true)
        app.send(.nextConflict)
        #expect(app.state.selectedOrder?.id == 5)
        app.send(.nextConflict)
        #expect(app.state.selectedOrder?.id == 3, "round to the top")
        #expect(KeyMap.standard.action(for: .character("C"), in: app.state.activeScopes) == .nextConflict)

        // The filter form's last field: only those with a conflict.
        app.send(.openFilters)
        for _ in 0..<7 { app.send(.form(.nextField)) }
        app.send(.form(.edit(.right)), .submitForm)
        #expect(app.state.queue.orderIDs == [3, 5])
        #expect(app.lines[0].contains("filter: with a conflict"))
        #expect(KeyMap.standard.bindings(in: .orderLists).contains { $0.action == .nextConflict }, "the help lists it")

        var settled = document
        settled.conflicts = []
        app.send(.reloaded(settled), .nextConflict)
        #expect(app.state.status?.text == "No merge conflicts wait for a choice")
    }
}
