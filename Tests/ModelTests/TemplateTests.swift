import Model
import TestSupport
import Testing

/// Templates and order types: edits made two ways merge by what they mean, open orders are
/// brought in line only as asked, and a store from before types, or with a type gone, opens.
@Suite struct TemplateTests {
    let at = Timestamp(secondsSince1970: Fixture.now.secondsSince1970 + 3_600)

    private func edited(_ edits: [TemplateChange]) throws -> StoreDocument {
        var document = Fixture.demo
        for edit in edits { try StoreOperation.editTemplate(edit).apply(to: &document) }
        return document
    }

    private func titles(_ checklist: Checklist?, _ section: ChecklistSection) -> [String] {
        checklist?[section].map(\.details.title) ?? []
    }

    @Test func templateEditsMadeTwoWaysAreAllKept() throws {
        let practice = try #require(Fixture.demo.template(of: "leadership-course")?[.strategicApproach][2])
        var reworded = practice.details
        reworded.title = "Planned weekly practice"
        let ours = try edited([
            TemplateChange(type: "leadership-course", .editStep(practice.id, from: practice.details, to: reworded)),
            TemplateChange(type: nil, .addStep(.sureThing, ChecklistStep(id: "shared-results", title: "Shared the results"), index: 3)),
        ])
        let pilot = OrderType(id: "pilot", name: "Pilot", template: .standardTemplate)
        let theirs = try edited([
            TemplateChange(type: "leadership-course", .moveStep(practice.id, to: 0)),
            TemplateChange(type: "compliance-refresher", .removeStep("compliance-job-aid")),
            TemplateChange(type: "pilot", .addType(pilot, index: 3)),
            TemplateChange(type: "onboarding-programme", .renameType(from: "Onboarding programme", to: "Onboarding")),
        ])
        let result = try StoreMerge.merge(base: Fixture.demo, ours: ours, theirs: theirs, by: "ana", at: at)
        let merged = result.document
        #expect(result.conflicts.isEmpty)
        #expect(titles(merged.template(of: "leadership-course"), .strategicApproach).first == "Planned weekly practice",
                "reworded here, moved there")
        #expect(titles(merged.template, .sureThing).last == "Shared the results")
        #expect(!titles(merged.template(of: "compliance-refresher"), .surpriseAndDelight).contains("Turned the rules into a one-page job aid"))
        #expect(merged.orderTypes.map(\.name) == ["Compliance refresher", "Onboarding", "Leadership course", "Pilot"])

        // The same step reworded two ways is a conflict about the store, the other kept.
        var otherWording = practice.details
        otherWording.title = "Planned practice at work"
        let other = try edited([TemplateChange(type: "leadership-course", .editStep(practice.id, from: practice.details, to: otherWording))])
        let twoWays = try StoreMerge.merge(base: Fixture.demo, ours: ours, theirs: other, by: "ana", at: at)
        #expect(twoWays.conflicts.count == 1 && twoWays.conflicts.first?.subject == .store)
        #expect(titles(twoWays.document.template(of: "leadership-course"), .strategicApproach).last == "Planned weekly practice")
    }

    @Test func openOrdersFollowTheTemplateOnlyAsAskedAndKeepWhatIsTicked() throws {
        var document = Fixture.demo
        let order = try #require(document.order(id: 5))
        #expect(order.details.type == "leadership-course")
        // On the order: one of its steps ticked, one added by hand.
        let ticked = "leadership-peers", unticked = "leadership-practice"
        let custom = ChecklistStep(id: "custom-coach", title: "Booked a coach", isCustom: true)
        for operation: StoreOperation in [
            .setStep(order: 5, step: ticked, tick: Tick(at: at, by: "ana")),
            .setStep(order: 5, step: unticked, tick: nil),
            .addStep(order: 5, section: .surpriseAndDelight, step: custom, index: 3),
            .editTemplate(TemplateChange(type: "leadership-course", .removeStep(ticked))),
            .editTemplate(TemplateChange(type: "leadership-course", .removeStep(unticked))),
            .editTemplate(TemplateChange(type: "leadership-course",
                                         .addStep(.shiftMindset, ChecklistStep(id: "sponsor-met", title: "Met the sponsor"), index: 0))),
        ] { try operation.apply(to: &document) }
        let untouched = try #require(document.order(id: 5))
        #expect(untouched.checklist == order.checklist.with(ticked, tickedBy: "ana", at: at).adding(custom, to: .surpriseAndDelight),
                "a template edit alone leaves the orders as they are")

        let catchUp = document.catchingUp(type: "leadership-course")
        let inverse = try #require(StoreOperation.batch(catchUp).inverse(before: document))
        let before = document
        try StoreOperation.batch(catchUp).apply(to: &document)
        let caughtUp = try #require(document.order(id: 5)).checklist
        #expect(caughtUp[.shiftMindset].first?.id == "sponsor-met" && caughtUp[.shiftMindset].first?.isDone == false)
        #expect(caughtUp.location(ofStep: unticked) == nil, "an unticked step the template dropped goes")
        #expect(caughtUp.location(ofStep: ticked) != nil, "a ticked one stays")
        #expect(caughtUp.location(ofStep: custom.id) != nil, "a step added by hand stays")
        #expect(document.order(id: 1)?.checklist == before.order(id: 1)?.checklist, "orders of another type are not touched")
        #expect(document.catchingUp(type: "leadership-course").isEmpty, "in line once")
        try inverse.apply(to: &document)
        #expect(document == before, "undone as one change")
    }

    @Test func aStoreFromBeforeTypesAndOneWithATypeGoneOpenAsTheyAre() throws {
        // As an older fours writes it: no types, no type on an order.
        var old = Fixture.demo
        old.orderTypes = []
        for order in old.orders { old.updateOrder(id: order.id) { $0.details.type = "" } }
        let older = StoreDocument.read(old.json)
        #expect(older.problems.isEmpty && older.document.orderTypes.isEmpty)
        #expect(older.document.typeName(of: "") == "Standard")

        // A type removed (here, or by someone else): its orders keep its id and their steps.
        var gone = Fixture.demo
        try StoreOperation.editTemplate(TemplateChange(type: "compliance-refresher", .removeType)).apply(to: &gone)
        let reading = StoreDocument.read(gone.json)
        #expect(reading.problems.isEmpty)
        let order = try #require(reading.document.order(id: 3))
        #expect(order.details.type == "compliance-refresher" && order.checklist == Fixture.demo.order(id: 3)?.checklist)
        #expect(reading.document.typeName(of: "compliance-refresher") == "compliance-refresher (no longer a type)")
        #expect(reading.document.catchingUp(type: "compliance-refresher").isEmpty)
        #expect(reading.document.newChecklist(ofType: "compliance-refresher") == reading.document.template)

        // A section with no steps reads, and counts nothing.
        var empty = Fixture.demo
        for step in empty.template[.surpriseAndDelight] {
            try StoreOperation.editTemplate(TemplateChange(type: nil, .removeStep(step.id))).apply(to: &empty)
        }
        let emptied = StoreDocument.read(empty.json).document
        #expect(emptied.template[.surpriseAndDelight].isEmpty && emptied.template.progress(of: .surpriseAndDelight).total == 0)

        // Two types under one id: said with its place, the first kept.
        guard case .object(var root) = Fixture.demo.json, case .array(var types)? = root["orderTypes"] else {
            Issue.record("the demo has types")
            return
        }
        types.append(types[0])
        root["orderTypes"] = .array(types)
        let twice = StoreDocument.read(.object(root))
        #expect(twice.problems.map(\.problem) == ["another order type already has the id \"compliance-refresher\""])
    }
}

private extension Checklist {
    func with(_ id: String, tickedBy by: String, at: Timestamp) -> Checklist {
        var copy = self
        if let (section, index) = location(ofStep: id) { copy[section][index].tick = Tick(at: at, by: by) }
        return copy
    }

    func adding(_ step: ChecklistStep, to section: ChecklistSection) -> Checklist {
        var copy = self
        copy[section].append(step)
        return copy
    }
}
