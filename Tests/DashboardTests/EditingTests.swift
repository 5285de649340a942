@testable import Dashboard
import Model
import TestSupport
import Testing

/// Every edit goes through a form (or a key), shows at once, asks to be saved, and undoes.
@Suite struct EditingTests {
    var state = AppState(document: Fixture.demo, size: Size(width: 120, height: 40), today: Fixture.today, user: "ana")

    @discardableResult
    private mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { update(&state, $0, now: Fixture.now) }
    }

    private mutating func type(_ text: String) {
        send(.form(.edit(.insert(text))))
    }

    /// Moves the form's focus to a field by its id.
    private mutating func focus(_ id: String) {
        while state.form?.fields[state.form?.focused ?? 0].id != id { send(.form(.nextField)) }
    }

    private func persisted(_ effects: [Effect]) -> [StoreOperation] {
        effects.compactMap { if case .persist(let operation) = $0 { operation } else { nil } }
    }

    @Test mutating func addingAnOrderWithANewStakeholderIsOneChangeAndOneUndo() throws {
        send(.addOrder)
        #expect(state.form?.title == "New order")
        type("Mentoring for new managers")
        focus("stakeholder")
        type("Priya Patel")
        #expect(state.form?.notice == "“Priya Patel” is a new stakeholder: they will be added, as an order taker.")
        focus("due")
        type("+2w")
        focus("arrival")
        send(.form(.edit(.right)))
        let operations = persisted(send(.submitForm))
        #expect(state.form == nil)
        #expect(operations.count == 1)
        let order = try #require(state.selectedOrder)
        #expect(order.id == 12)
        #expect(order.title == "Mentoring for new managers")
        #expect(order.due?.description == "2026-12-09")
        #expect(order.arrival == .collaborativeConversation)
        #expect(order.checklist.progress == Progress(done: 0, total: 12))
        #expect(state.document.stakeholder(id: "priya-patel")?.stage == .orderTaker)
        #expect(state.status?.text == "New order #12 “Mentoring for new managers”")

        send(.undo)
        #expect(state.document.order(id: 12) == nil)
        #expect(state.document.stakeholder(id: "priya-patel") == nil)
        #expect(state.status?.text == "Undid new order #12 “Mentoring for new managers”")
        send(.redo)
        #expect(state.document.order(id: 12)?.title == "Mentoring for new managers")
    }

    @Test mutating func invalidValuesAreShownBesideTheirFieldAndNothingIsSaved() {
        send(.edit)
        focus("due")
        send(.form(.edit(.deleteToStart)))
        type("next friday")
        focus("title")
        send(.form(.edit(.deleteToStart)))
        #expect(send(.submitForm).isEmpty)
        #expect(state.form?.fields.first { $0.id == "title" }?.error == "A title is needed")
        #expect(state.form?.fields[state.form?.focused ?? 0].id == "title", "focus goes to the field to fix")
        type("Fixed title")
        #expect(send(.submitForm).isEmpty)
        #expect(state.form?.fields.first { $0.id == "due" }?.error == "expected YYYY-MM-DD, today, tomorrow, +3d or +2w")
        #expect(state.document == Fixture.demo)
    }

    @Test mutating func escapeCancelsAFormAndSavesNothing() {
        send(.edit)
        type(" changed")
        let effects = send(.cancel)
        #expect(effects.isEmpty)
        #expect(state.form == nil)
        #expect(state.document == Fixture.demo)
        #expect(state.status?.text == "Cancelled: nothing was saved")
    }

    @Test mutating func editingOnlyChangesTheFieldsTouched() throws {
        send(.edit)
        focus("due")
        send(.form(.edit(.deleteToStart)))
        type("+3d")
        let operations = persisted(send(.submitForm))
        guard case .batch(let parts) = try #require(operations.first), case .editOrder(let id, let from, let to) = parts.first else {
            Issue.record("expected an order edit, got \(operations)")
            return
        }
        #expect(id == 8)
        #expect(to.due?.description == "2026-11-28")
        #expect(to.with(\.due, from.due) == from, "only the due date changed")
    }

    @Test mutating func ownStepsAreAddedTickedAndRemovedTemplateStepsHidden() throws {
        send(.focusChecklist, .pageDown, .addStep)
        #expect(state.form?.title == "New step in Strategic Approach")
        type("Booked a follow-up survey")
        send(.submitForm)
        let order = try #require(state.selectedOrder)
        let custom = try #require(order.checklist[.strategicApproach].last)
        #expect(custom.isCustom && custom.title == "Booked a follow-up survey")
        #expect(order.checklist.progress.total == 13)

        state.selectedStep = state.shownSteps.firstIndex { $0.step.id == custom.id } ?? 0
        send(.toggleStep)
        #expect(state.selectedOrder?.checklist.progress.done == 3)
        send(.removeStep)
        #expect(state.selectedOrder?.checklist.location(ofStep: custom.id) == nil)
        send(.undo)
        #expect(state.selectedOrder?.checklist.location(ofStep: custom.id) != nil)

        // A template step is hidden, not removed, and no longer counts.
        send(.moveToFirst, .removeStep)
        #expect(state.selectedOrder?.checklist[.shiftMindset][0].isHidden == true)
        #expect(state.selectedOrder?.checklist.progress.total == 12)
        #expect(state.shownSteps.count == 12)
        send(.toggleHiddenSteps)
        #expect(state.shownSteps.count == 13)
    }

    @Test mutating func closingAnOrderWithOpenStepsAsksFirstAndItLeavesTheQueue() throws {
        send(.closeOrReopenOrder)
        #expect(state.confirmation == .closeWithOpenSteps(order: 8, open: 10, total: 12))
        send(.confirm)
        #expect(state.form?.notice == "10 of 12 4S steps are still open.")
        send(.form(.nextField))
        type("Moved to next quarter")
        send(.submitForm)
        #expect(state.queue.position(of: 8) == nil)
        let closed = try #require(state.document.order(id: 8))
        #expect(closed.status == .delivered && closed.closingNote == "Moved to next quarter")
        #expect(closed.closedOn == Fixture.today)

        send(.toggleClosedOrders)
        state.select(order: 8)
        send(.closeOrReopenOrder)
        #expect(state.document.order(id: 8)?.status == .inProgress)
        #expect(state.document.order(id: 8)?.closedOn == nil)
    }

    @Test mutating func deletingAsksAndUndoBringsItBack() {
        send(.deleteOrder)
        #expect(state.confirmation == .deleteOrder(8, title: "Picking-error coaching for shift leads"))
        send(.cancel)
        #expect(state.document.order(id: 8) != nil)
        send(.deleteOrder, .confirm)
        #expect(state.document.order(id: 8) == nil)
        send(.undo)
        #expect(state.document.order(id: 8) == Fixture.demo.order(id: 8))
    }

    @Test mutating func notesGoToTheOrderOrToTheStakeholderInFocus() throws {
        send(.addNote)
        type("They measure success by fewer returns")
        send(.submitForm)
        #expect(state.selectedOrder?.notes.map(\.text) == ["They measure success by fewer returns"])
        send(.switchFocus, .switchFocus)
        #expect(state.focus == .stakeholder)
        send(.addNote)
        #expect(state.form?.title == "Note on Marco Silva")
        type("Prefers a call to email")
        send(.submitForm)
        let note = try #require(state.selectedStakeholder?.notes.last)
        #expect(note.text == "Prefers a call to email" && note.by == "ana" && note.at == Fixture.now)
    }

    @Test mutating func measurementAndValueAreStoredAndTheSavingComputed() throws {
        send(.editMeasurement)
        type("Returns per week")
        focus("baseline")
        type("40 returns")
        focus("result")
        type("24 returns")
        focus("hours")
        type("2.5")
        focus("people")
        type("40")
        focus("cost")
        type("55")
        #expect(state.form?.notice == "2.5 h × 40 people = 100 h saved × 55/h = 5,500 saved")
        send(.submitForm)
        let order = try #require(state.selectedOrder)
        #expect(order.value.saving == 5_500)
        #expect(order.measurement.change == -0.4)
        state.size = Size(width: 120, height: 80)
        let lines = DashboardView(state: state, keyMap: .standard).render().lines
        #expect(lines.contains { $0.contains("Measurement Returns per week · baseline 40 returns · result 24 returns  (-40%)") })
    }

    @Test mutating func stakeholdersCarryTheThreeRsAndTheNextTouchpoint() throws {
        send(.switchFocus, .switchFocus, .edit)
        #expect(state.form?.title == "Stakeholder Marco Silva")
        focus("rapport")
        send(.form(.edit(.insert("3"))))
        focus("touchpoint")
        send(.form(.edit(.deleteToStart)))
        type("+1w")
        focus("purpose")
        send(.form(.edit(.deleteToStart)))
        type("Quarterly review")
        send(.submitForm)
        let marco = try #require(state.document.stakeholder(id: "marco-silva"))
        #expect(marco.rapport == 3 && marco.reputation == 1)
        #expect(marco.nextTouchpoint == Touchpoint(on: Fixture.today.adding(days: 7), purpose: "Quarterly review"))
    }

    @Test mutating func undoGoesBackAHundredChanges() throws {
        send(.focusChecklist)
        for _ in 0..<120 { send(.toggleStep) }
        #expect(state.undoStack.count == 120)
        for _ in 0..<120 { send(.undo) }
        #expect(state.document == Fixture.demo)
        #expect(state.status?.text.hasPrefix("Undid") == true)
        send(.undo)
        #expect(state.status?.text == "Nothing to undo")
    }

    @Test mutating func aClickSelectsAndAClickOnACheckboxTicks() throws {
        let layout = state.layout
        send(.click(x: 10, y: layout.queue.y + 3))
        #expect(state.selectedOrder?.shortID == "#7")
        let targets = DetailView(state: state, rect: layout.detail).visibleTargets()
        let row = try #require(targets.firstIndex(of: .step(1)))
        send(.click(x: layout.detail.x + 30, y: layout.detail.y + row))
        #expect(state.focus == .checklist && state.selectedStep == 1)
        #expect(state.selectedOrder?.checklist.progress.done == 0)
        let effects = send(.click(x: layout.detail.x + 4, y: layout.detail.y + row))
        #expect(effects.count == 1)
        #expect(state.selectedOrder?.checklist[.shiftMindset][1].tick?.by == "ana")
        send(.scroll(up: false, x: 5, y: layout.queue.y + 2))
        #expect(state.selectedOrder?.shortID == "#6")
    }
}
