import Model
import TestSupport
import Testing

@Suite struct OperationTests {
    let base = Fixture.demo

    private static var samples: [StoreOperation] {
        let document = Fixture.demo
        let order = document.order(id: 2)!
        var edited = order.details
        edited.title = "Safety videos, the short way"
        edited.due = nil
        edited.value = ValueEstimate(hoursSavedPerPerson: 1, people: 10, costPerHour: 40)
        let dana = document.stakeholder(id: "dana-okafor")!
        var danaEdited = dana.details
        danaEdited.rapport = 2
        var step = ChecklistStep(id: "custom-survey", title: "Booked a follow-up survey", isCustom: true)
        step.note = "with HR"
        let note = Note(id: "n1", at: Fixture.now, by: "ana", text: "Budget is approved in March")
        let newcomer = Stakeholder(id: "priya-patel", name: "Priya Patel")
        let newOrder = TrainingOrder(id: 12, title: "Mentoring", request: "", stakeholderID: "priya-patel", audience: "",
                                     received: Fixture.today, due: nil, checklist: document.template)
        let practice = document.template(of: "leadership-course")![.strategicApproach].last!.details
        return [
            .setStep(order: 1, step: "success-defined", tick: Tick(at: Fixture.now, by: "ana")),
            .setStep(order: 6, step: "success-defined", tick: Tick(at: Fixture.now, by: "ana")),
            .moveStakeholder(id: "marco-silva", to: .collaborator, at: Fixture.now, by: "ana", note: "They asked for ideas"),
            .editOrder(2, from: order.details, to: edited),
            .deleteOrder(3),
            .addStep(order: 2, section: .sureThing, step: step, index: 1),
            .removeStep(order: 2, step: "gain-quantified"),
            .editStep(order: 2, step: "gain-quantified", from: StepDetails(title: "Put a number on the gain (time or money saved)"),
                      to: StepDetails(title: "Put a number on the gain (time or money saved)", isHidden: true)),
            .editStakeholder("dana-okafor", from: dana.details, to: danaEdited),
            .addNote(.order(2), note),
            .editTemplate(TemplateChange(type: nil, .addStep(.sureThing, step, index: 3))),
            .editTemplate(TemplateChange(type: nil, .removeStep("gain-quantified"))),
            .editTemplate(TemplateChange(type: "leadership-course", .editStep(
                "leadership-practice", from: practice, to: StepDetails(title: "Planned weekly practice", note: "One thing to try each week")))),
            .editTemplate(TemplateChange(type: "leadership-course", .moveStep("leadership-practice", to: 0))),
            .editTemplate(TemplateChange(type: "new-hire", .addType(OrderType(id: "new-hire", name: "New hire", template: .standardTemplate), index: 1))),
            .editTemplate(TemplateChange(type: "compliance-refresher", .removeType)),
            .editTemplate(TemplateChange(type: "compliance-refresher", .renameType(from: "Compliance refresher", to: "Compliance"))),
            .addNote(.stakeholder("dana-okafor"), note),
            .batch([.addStakeholder(newcomer), .addOrder(newOrder)]),
        ]
    }

    @Test(arguments: samples)
    func everyChangeHasAnInverseThatRestoresTheDocument(operation: StoreOperation) throws {
        var document = base
        let inverse = try #require(operation.inverse(before: document))
        try operation.apply(to: &document)
        #expect(document != base)
        try inverse.apply(to: &document)
        #expect(document == base)
    }

    @Test func anEditKeepsAnotherPersonsChangeToOtherFields() throws {
        var document = base
        let before = try #require(document.order(id: 2)).details
        // Someone else changed the priority meanwhile.
        document.updateOrder(id: 2) { $0.priority = .low }
        var mine = before
        mine.title = "New title"
        try StoreOperation.editOrder(2, from: before, to: mine).apply(to: &document)
        let order = try #require(document.order(id: 2))
        #expect(order.title == "New title")
        #expect(order.priority == .low)
    }

    @Test func anOrderAddedUnderATakenNumberGetsTheNextFreeOne() throws {
        var document = base
        let order = TrainingOrder(id: 3, title: "Another", request: "", stakeholderID: "dana-okafor", audience: "",
                                  received: Fixture.today, due: nil, checklist: document.template)
        let applied = try StoreOperation.addOrder(order).apply(to: &document)
        guard case .addOrder(let saved) = applied else { Issue.record("expected an added order"); return }
        #expect(saved.id == 12)
        #expect(document.order(id: 3)?.title == base.order(id: 3)?.title)
    }

    @Test func undoingAStageMoveIsRefusedOnceTheyMovedAgain() throws {
        var document = base
        let move = StoreOperation.moveStakeholder(id: "dana-okafor", to: .orderWithChange, at: Fixture.now, by: "ana")
        let undo = try #require(move.inverse(before: document))
        try move.apply(to: &document)
        try StoreOperation.moveStakeholder(id: "dana-okafor", to: .collaborator, at: Fixture.now, by: "ben").apply(to: &document)
        #expect(throws: OperationConflict("Dana Okafor has moved again since")) { try undo.apply(to: &document) }
    }

    @Test func aStakeholderWithOrdersCannotBeRemovedAndABatchIsAllOrNothing() {
        var document = base
        #expect(throws: OperationConflict("stakeholder \"dana-okafor\" still has orders")) {
            try StoreOperation.removeStakeholder("dana-okafor").apply(to: &document)
        }
        #expect(throws: OperationConflict.self) {
            try StoreOperation.batch([.deleteOrder(1), .deleteOrder(999)]).apply(to: &document)
        }
        #expect(document == base)
    }

    @Test func everyNewFieldSurvivesTheFile() throws {
        var document = base
        for operation in Self.samples where operation != .deleteOrder(3) { _ = try? operation.apply(to: &document) }
        document.updateOrder(id: 2) { order in
            order.decision = .redirected
            order.decisionReason = "A checklist at the dock fixes it"
            order.audienceSize = 120
            order.closingNote = "Handed over to ops"
            order.closedOn = Fixture.today
            order.businessProblem = "Near-misses"
            order.measurement = Measurement(metric: "Incidents", baseline: "14", target: "8", result: "9")
        }
        document.updateStakeholder(id: "dana-okafor") { $0.nextTouchpoint = Touchpoint(on: Fixture.today, purpose: "Coffee") }
        let reread = try StoreDocument(json: JSONReader.parse(JSONWriter.bytes(for: document.json)))
        #expect(reread == document)
        #expect(reread.order(id: 2)?.value.saving == 400)
    }
}
