@testable import Dashboard
import Model
import TestSupport
import Testing

/// Every edit goes through a form (or a key), shows at once, asks to be saved, and undoes.
@Suite struct EditingTests {
    var app = TestApp(size: Size(width: 120, height: 40))


    private mutating func type(_ text: String) {
        app.send(.form(.edit(.insert(text))))
    }

    /// Moves the form's focus to a field by its id; a form without it fails the test.
    private mutating func focus(_ id: FieldID) {
        guard let index = app.state.form?.fields.firstIndex(where: { $0.id == id }) else {
            Issue.record("the form has no field \(id)")
            return
        }
        while app.state.form?.focused != index { app.send(.form(.nextField)) }
    }

    private func persisted(_ effects: [Effect]) -> [StoreOperation] {
        effects.persisted
    }

    @Test mutating func addingAnOrderWithANewStakeholderIsOneChangeAndOneUndo() throws {
        app.send(.addOrder)
        #expect(app.state.form?.title == "New order")
        type("Mentoring for new managers")
        focus(.stakeholder)
        type("Priya Patel")
        #expect(app.state.form?.notice == "“Priya Patel” is a new stakeholder: they will be added, as an order taker.")
        focus(.due)
        type("+2w")
        focus(.arrival)
        app.send(.form(.edit(.right)))
        let operations = persisted(app.send(.submitForm))
        #expect(app.state.form == nil)
        #expect(operations.count == 1)
        let order = try #require(app.state.selectedOrder)
        #expect(order.id == 12)
        #expect(order.title == "Mentoring for new managers")
        #expect(order.due?.description == "2026-12-09")
        #expect(order.arrival == .collaborativeConversation)
        #expect(order.checklist.progress == Progress(done: 0, total: 12))
        #expect(order.owners == ["ana"], "whoever adds an order carries it until someone else is named")
        #expect(app.state.document.stakeholder(id: "priya-patel")?.stage == .orderTaker)
        #expect(app.state.status?.text == "New order #12 “Mentoring for new managers”")

        app.send(.undo)
        #expect(app.state.document.order(id: 12) == nil)
        #expect(app.state.document.stakeholder(id: "priya-patel") == nil)
        #expect(app.state.status?.text == "Undid new order #12 “Mentoring for new managers”")
        app.send(.redo)
        #expect(app.state.document.order(id: 12)?.title == "Mentoring for new managers")
    }

    @Test mutating func invalidValuesAreShownBesideTheirFieldAndNothingIsSaved() {
        app.send(.edit)
        focus(.due)
        app.send(.form(.edit(.deleteToStart)))
        type("next friday")
        focus(.title)
        app.send(.form(.edit(.deleteToStart)))
        #expect(app.send(.submitForm).isEmpty)
        #expect(app.state.form?.fields.first { $0.id == .title }?.error == "A title is needed")
        #expect(app.state.form?.fields[app.state.form?.focused ?? 0].id == .title, "focus goes to the field to fix")
        type("Fixed title")
        #expect(app.send(.submitForm).isEmpty)
        #expect(app.state.form?.fields.first { $0.id == .due }?.error
                    == "expected YYYY-MM-DD, 31/12/2026, today, tomorrow, +3d or +2w")
        #expect(app.state.document == Fixture.demo)
    }

    /// A day typed as a sheet writes it is taken when it can be only one day; one that
    /// could be day first or month first is not guessed.
    @Test mutating func aDayTypedDayFirstIsTakenAndAnAmbiguousOneIsAskedAbout() throws {
        app.send(.edit)
        let id = try #require(app.state.selectedOrder?.id)
        focus(.due)
        app.send(.form(.edit(.deleteToStart)))
        type("03/04/2027")
        #expect(app.send(.submitForm).isEmpty)
        #expect(app.state.form?.fields.first { $0.id == .due }?.error
                    == "could be Apr 03 or Mar 04; write 2027-04-03 or 2027-03-04")
        app.send(.form(.edit(.deleteToStart)))
        type("31.12.27")
        #expect(persisted(app.send(.submitForm)).count == 1)
        #expect(app.state.document.order(id: id)?.due?.description == "2027-12-31")
    }

    @Test mutating func aReloadKeepsHalfTypedInput() throws {
        app.send(.addNote)
        type("Half a thought")
        var fromDisk = Fixture.demo
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben")).apply(to: &fromDisk)
        app.send(.reloaded(fromDisk))
        #expect(app.state.form?[.text] == "Half a thought")
        type(", finished")
        app.send(.submitForm)
        #expect(app.state.selectedOrder?.notes.last?.text == "Half a thought, finished")
        #expect(app.state.document.order(id: 5)?.checklist[.shiftMindset][2].tick?.by == "ben")
    }

    @Test mutating func escapeCancelsAFormAndSavesNothing() {
        app.send(.edit)
        type(" changed")
        let effects = app.send(.cancel)
        #expect(effects.isEmpty)
        #expect(app.state.form == nil)
        #expect(app.state.document == Fixture.demo)
        #expect(app.state.status?.text == "Cancelled: nothing was saved")
    }

    @Test mutating func editingOnlyChangesTheFieldsTouched() throws {
        app.send(.edit)
        focus(.due)
        app.send(.form(.edit(.deleteToStart)))
        type("+3d")
        let operations = persisted(app.send(.submitForm))
        guard case .batch(let parts) = try #require(operations.first), case .editOrder(let id, let from, let to) = parts.first else {
            Issue.record("expected an order edit, got \(operations)")
            return
        }
        #expect(id == 8)
        #expect(to.due?.description == "2026-11-28")
        #expect(to.with(\.due, from.due) == from, "only the due date changed")
    }

    @Test mutating func ownStepsAreAddedTickedAndRemovedTemplateStepsHidden() throws {
        app.send(.focusChecklist, .pageDown, .addStep)
        #expect(app.state.form?.title == "New step in Strategic Approach")
        type("Booked a follow-up survey")
        app.send(.submitForm)
        let order = try #require(app.state.selectedOrder)
        let custom = try #require(order.checklist[.strategicApproach].last)
        #expect(custom.isCustom && custom.title == "Booked a follow-up survey")
        #expect(order.checklist.progress.total == 13)

        #expect(app.state.selectedStepEntry?.step.id == custom.id, "the cursor lands on the new step")
        app.send(.toggleStep)
        #expect(app.state.selectedOrder?.checklist.progress.done == 3)
        app.send(.removeStep)
        #expect(app.state.selectedOrder?.checklist.location(ofStep: custom.id) == nil)
        app.send(.undo)
        #expect(app.state.selectedOrder?.checklist.location(ofStep: custom.id) != nil)

        // A template step is hidden, not removed, and no longer counts.
        app.send(.moveToFirst, .removeStep)
        #expect(app.state.selectedOrder?.checklist[.shiftMindset][0].isHidden == true)
        #expect(app.state.selectedOrder?.checklist.progress.total == 12)
        #expect(app.state.shownSteps.count == 12)
        app.send(.toggleHiddenSteps)
        #expect(app.state.shownSteps.count == 13)
    }

    @Test mutating func aUsefulStepJoinsTheTemplateForNewOrders() throws {
        app.send(.focusChecklist, .moveToLast, .addStep)
        type("Shared the results in their team meeting")
        app.send(.submitForm, .moveToLast, .toggleTemplateStep)
        #expect(app.state.document.template[.sureThing].map(\.title).last == "Shared the results in their team meeting")
        #expect(app.state.status?.text == "“Shared the results in their team meeting” joined the template: every new order gets it")
        app.send(.focusQueue, .addOrder)
        type("Another order")
        focus(.stakeholder)
        type("Dana Okafor")
        app.send(.submitForm)
        #expect(app.state.selectedOrder?.checklist[.sureThing].count == 4)
        app.send(.focusChecklist, .moveToLast, .toggleTemplateStep)
        #expect(app.state.document.template[.sureThing].count == 3)
        #expect(app.state.selectedOrder?.checklist[.sureThing].count == 4, "the order keeps its step")
    }

    @Test mutating func closingAnOrderWithOpenStepsAsksFirstAndItLeavesTheQueue() throws {
        app.send(.closeOrReopenOrder)
        #expect(app.state.confirmation == .closeWithOpenSteps(order: 8, open: 10, total: 12))
        app.send(.confirm)
        #expect(app.state.form?.notice == "10 of 12 4S steps are still open.")
        app.send(.form(.nextField))
        type("Moved to next quarter")
        app.send(.submitForm)
        #expect(app.state.queue.position(of: 8) == nil)
        let closed = try #require(app.state.document.order(id: 8))
        #expect(closed.status == .delivered && closed.closingNote == "Moved to next quarter")
        #expect(closed.closedOn == Fixture.today)

        app.send(.toggleClosedOrders)
        app.state.select(order: 8)
        app.send(.closeOrReopenOrder)
        #expect(app.state.document.order(id: 8)?.status == .inProgress)
        #expect(app.state.document.order(id: 8)?.closedOn == nil)
    }

    @Test mutating func deletingAsksAndUndoBringsItBack() {
        app.send(.deleteOrder)
        #expect(app.state.confirmation == .deleteOrder(8, title: "Picking-error coaching for shift leads"))
        app.send(.cancel)
        #expect(app.state.document.order(id: 8) != nil)
        app.send(.deleteOrder, .confirm)
        #expect(app.state.document.order(id: 8) == nil)
        app.send(.undo)
        #expect(app.state.document.order(id: 8) == Fixture.demo.order(id: 8))
    }

    @Test mutating func notesGoToTheOrderOrToTheStakeholderInFocus() throws {
        app.send(.addNote)
        type("They measure success by fewer returns")
        app.send(.submitForm)
        #expect(app.state.selectedOrder?.notes.map(\.text) == ["They measure success by fewer returns"])
        app.send(.switchFocus, .switchFocus)
        #expect(app.state.focus == .stakeholder)
        app.send(.addNote)
        #expect(app.state.form?.title == "Note on Marco Silva")
        type("Prefers a call to email")
        app.send(.submitForm)
        let note = try #require(app.state.selectedStakeholder?.notes.last)
        #expect(note.text == "Prefers a call to email" && note.by == "ana" && note.at == Fixture.now)
    }

    @Test mutating func measurementAndValueAreStoredAndTheSavingComputed() throws {
        app.send(.editMeasurement)
        type("Returns per week")
        focus(.baseline)
        type("40 returns")
        focus(.result)
        type("24 returns")
        focus(.hours)
        type("2.5")
        focus(.people)
        type("40")
        focus(.cost)
        type("55")
        #expect(app.state.form?.notice == "2.5 h × 40 people = 100 h saved × 55/h = 5,500 saved")
        app.send(.submitForm)
        let order = try #require(app.state.selectedOrder)
        #expect(order.value.saving == 5_500)
        #expect(order.measurement.change == -0.4)
        app.state.size = Size(width: 120, height: 80)
        #expect(app.lines.contains { $0.contains("Measurement Returns per week · baseline 40 returns · result 24 returns  (-40%)") })
    }

    @Test mutating func numbersBeyondWhatTheStoreKeepsAreRefusedByTheForm() throws {
        app.send(.editMeasurement)
        focus(.hours)
        type("1e19")
        focus(.people)
        type("9999999999999999999")
        focus(.cost)
        type("1e200")
        #expect(app.state.form?.notice == nil, "no figure is made of numbers out of range")
        #expect(app.send(.submitForm).persisted.isEmpty)
        let hours = app.state.form?.fields.first { $0.id == .hours }
        #expect(hours?.error == "expected a number from 0 to 100000, such as 2.5")

        app.send(.cancel, .edit)
        focus(.size)
        type("20000000")
        #expect(app.send(.submitForm).persisted.isEmpty)
        #expect(app.state.form?.fields.first { $0.id == .size }?.error == "expected a whole number from 0 to 10000000")
    }

    @Test mutating func stakeholdersCarryTheThreeRsAndTheNextTouchpoint() throws {
        app.send(.switchFocus, .switchFocus, .edit)
        #expect(app.state.form?.title == "Stakeholder Marco Silva")
        focus(.rapport)
        app.send(.form(.edit(.insert("3"))))
        focus(.touchpoint)
        app.send(.form(.edit(.deleteToStart)))
        type("+1w")
        focus(.purpose)
        app.send(.form(.edit(.deleteToStart)))
        type("Quarterly review")
        app.send(.submitForm)
        let marco = try #require(app.state.document.stakeholder(id: "marco-silva"))
        #expect(marco.rapport == 3 && marco.reputation == 1)
        #expect(marco.nextTouchpoint == Touchpoint(on: Fixture.today.adding(days: 7), purpose: "Quarterly review"))
    }

    @Test mutating func aNewStakeholderStartsAtTheStageTheyAreAt() throws {
        app.send(.addStakeholder)
        type("Omar Haddad")
        focus(.stage)
        app.send(.form(.edit(.right)), .form(.edit(.right)))
        app.send(.submitForm)
        let omar = try #require(app.state.document.stakeholders.first { $0.name == "Omar Haddad" })
        #expect(omar.stage == .collaborator)
        #expect(omar.stageHistory.isEmpty)
        app.send(.switchFocus, .switchFocus, .edit)
        #expect(app.state.form?.fields.contains { $0.id == .stage } == false, "later moves go through < and >, with history")
    }

    @Test mutating func theOrderFormSuggestsAStakeholderAddedSinceItLastOpened() throws {
        func suggestedNames() -> [String] {
            guard case .suggest(let names)? = app.state.form?.fields.first(where: { $0.id == .stakeholder })?.kind else { return [] }
            return names.options
        }
        app.send(.edit)
        #expect(suggestedNames().contains("Dana Okafor") && !suggestedNames().contains("Omar Haddad"))
        app.send(.cancel)
        app.send(.showView(.stakeholders), .addStakeholder)
        type("Omar Haddad")
        app.send(.submitForm, .showView(.queue), .edit)
        #expect(suggestedNames().contains("Omar Haddad"))
    }

    @Test mutating func ownersAreEditedAsAListAndMineShowsYourOrders() throws {
        app.send(.moveDown, .edit)
        focus(.owners)
        #expect(app.state.form?[.owners] == "maya")
        type(", ana ,, ")
        app.send(.submitForm)
        #expect(app.state.document.order(id: 1)?.owners == ["maya", "ana"])
        let effects = app.send(.toggleMine)
        #expect(app.state.queue.orderIDs == [1])
        #expect(effects == [.savePreferences(app.state.queueQuery)])
        #expect(app.lines[0].contains("filter: owner: ana"))
        app.send(.toggleMine)
        #expect(app.state.queue.count == 9)
    }

    @Test mutating func undoGoesBackAHundredChanges() throws {
        app.send(.focusChecklist)
        for _ in 0..<120 { app.send(.toggleStep) }
        #expect(app.state.undoStack.count == 120)
        for _ in 0..<120 { app.send(.undo) }
        #expect(app.state.document == Fixture.demo)
        #expect(app.state.status?.text.hasPrefix("Undid") == true)
        app.send(.undo)
        #expect(app.state.status?.text == "Nothing to undo")
    }

    @Test func everyFieldOfAnEditedValueHasItsPlaceInAForm() {
        // A field added to a value's table fails here until a form shows and takes it (or
        // the order form says where it is edited instead).
        func names<Root>(_ fields: [EditedField<Root>]) -> Set<String> { Set(fields.map(\.name)) }
        let order = names(OrderForm.fields(state: app.state)).union(OrderForm.editedElsewhere.keys)
        #expect(order == Set(OrderDetails.mergeFields.map(\.name)))
        #expect(names(StakeholderForm.fields) == Set(StakeholderDetails.mergeFields.map(\.name)))
        #expect(names(MeasurementForm.fields) == Set(Measurement.mergeFields.map(\.name))
            .union(ValueEstimate.mergeFields.map(\.name)))
        #expect(names(OrderForm.fields(state: app.state)).isDisjoint(with: OrderForm.editedElsewhere.keys))
    }

    @Test mutating func aClickSelectsAndAClickOnACheckboxTicks() throws {
        let layout = app.state.layout
        app.click(x: 10, y: layout.queue.y + 3)
        #expect(app.state.selectedOrder?.shortID == "#7")
        let targets = DashboardView(state: app.state, keyMap: .standard).renderWithTargets().targets
        let rows = layout.detail.y..<layout.detail.maxY
        let y = try #require(rows.first { targets.target(x: layout.detail.x + 30, y: $0) == .step(1, checkbox: false) })
        #expect(targets.target(x: layout.detail.x + 4, y: y) == .step(1, checkbox: true))
        app.click(x: layout.detail.x + 30, y: y)
        #expect(app.state.focus == .checklist && app.state.selectedStep == 1)
        #expect(app.state.selectedOrder?.checklist.progress.done == 0)
        let effects = app.click(x: layout.detail.x + 4, y: y)
        #expect(effects.count == 1)
        #expect(app.state.selectedOrder?.checklist[.shiftMindset][1].tick?.by == "ana")
        app.send(.scroll(up: false, x: 5, y: layout.queue.y + 2))
        #expect(app.state.selectedOrder?.shortID == "#6")
    }
}

/// N on an order: the next piece of work for the same stakeholder, linked both ways.
@Suite struct FollowUpTests {
    @Test func nMakesAFollowUpForTheSameStakeholderThatBothOrdersName() throws {
        var app = TestApp()
        #expect(app.state.selectedOrder?.id == 8)
        #expect(KeyMap.standard.action(for: .character("N"), in: app.state.activeScopes) == .addFollowUp)
        app.send(.addFollowUp)
        let form = try #require(app.state.form)
        #expect(form.title.hasPrefix("Follow-up of #8") && form[.title] == "Needs analysis after #8" && form[.stakeholder] == "Marco Silva")
        let effects = app.send(.submitForm)
        let added = try #require(app.state.selectedOrder)
        #expect(added.followUpOf == 8 && added.stakeholderID == "marco-silva" && added.arrival == .collaborativeConversation)
        #expect(effects.persisted.count == 1)
        #expect(app.lines.joined().contains("Follows up #8 “Picking-error coaching for shift leads”"))
        app.state.select(order: 8)
        #expect(app.lines.joined().contains("Led to #\(added.id) “Needs analysis after #8”"))
        // Its origin deleted, a follow-up says so plainly.
        var document = app.state.document
        _ = try StoreOperation.deleteOrder(8).apply(to: &document)
        app.send(.reloaded(document))
        app.state.select(order: added.id)
        #expect(app.lines.joined().contains("Follows up #8 (deleted)"))
    }
}
