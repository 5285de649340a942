@testable import Model
import TestSupport
import Testing

/// A checklist keeps its steps apart from its ticks, the steps shared between the
/// checklists that have the same; it must still behave as four plain lists of steps.
@Suite struct ChecklistTests {
    @Test func aChecklistChangesAsFourPlainListsOfStepsWould() throws {
        var generator = SeededGenerator(seed: 11)
        // Two checklists from one template share their steps at first: a change to one
        // must never show in the other.
        var checklists = [Checklist.standardTemplate, Checklist.standardTemplate]
        var plain = checklists.map { checklist in ChecklistSection.allCases.map { checklist[$0] } }
        var added = 0
        for round in 0..<3_000 {
            let which = Int.random(in: 0..<2, using: &generator)
            let section = ChecklistSection.allCases.randomElement(using: &generator)!
            var steps = plain[which][section.index]
            let index = steps.indices.randomElement(using: &generator)
            switch (Int.random(in: 0..<8, using: &generator), index) {
            case (0...2, let index?):
                steps[index].tick = Tick(at: Timestamp(secondsSince1970: Int64(round)), by: ["ana", "ben"].randomElement(using: &generator)!)
            case (3, let index?): steps[index].tick = nil
            case (4, _):
                added += 1
                steps.insert(ChecklistStep(id: "step-\(added)", title: "Step \(added)", isCustom: true),
                             at: Int.random(in: 0...steps.count, using: &generator))
            case (5, let index?): steps.remove(at: index)
            case (6, let index?):
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: steps[index].details.title += " again"
                case 1: steps[index].details.note = "note \(round)"
                default: steps[index].details.isHidden.toggle()
                }
            default:
                // Back to the template's steps, ticks and all kept where the ids match.
                steps = Checklist.standardTemplate[section].map { step in
                    var kept = step
                    kept.tick = steps.first { $0.id == step.id }?.tick
                    return kept
                }
            }
            plain[which][section.index] = steps
            checklists[which][section] = steps

            for (checklist, sections) in zip(checklists, plain) {
                for section in ChecklistSection.allCases {
                    let expected = sections[section.index]
                    try #require(checklist[section] == expected, "round \(round), \(section)")
                    let shown = expected.filter { !$0.details.isHidden }
                    try #require(checklist.progress(of: section) == Progress(done: shown.filter { $0.tick != nil }.count, total: shown.count))
                    for (position, step) in expected.enumerated() {
                        let found = try #require(checklist.location(ofStep: step.id), "round \(round): \(step.id)")
                        try #require(found.section == section && found.index == position)
                    }
                }
                try #require(checklist.unticked.progress.done == 0)
                var walked: [String] = []
                checklist.forEachTick { section, step, tick in walked.append("\(section) \(step.id) \(tick.by) \(tick.at)") }
                let ticked = ChecklistSection.allCases.flatMap { section in
                    sections[section.index].compactMap { step in step.tick.map { "\(section) \(step.id) \($0.by) \($0.at)" } }
                }
                try #require(walked == ticked, "round \(round)")
                try #require(checklist.customSteps == sections.joined().filter(\.isCustom))
                try #require(checklist.steps(includingHidden: false).map(\.step) == sections.joined().filter { !$0.details.isHidden })
                var sure: [String] = []
                checklist.forEachTick(in: .sureThing) { _, step, _ in sure.append(step.id) }
                try #require(sure == sections[ChecklistSection.sureThing.index].filter { $0.tick != nil }.map(\.id))
            }
            try #require((checklists[0] == checklists[1]) == (plain[0] == plain[1]), "round \(round)")
        }
    }

    @Test func ordersReadWithTheirTemplatesStepsShareThemAndKeepTheirOwnTicks() throws {
        var written = GeneratedStore.make(orders: 300, now: Fixture.now)
        // One order's step has a member this version does not know: its steps stay its own.
        let odd = try #require(written.orders.first { $0.checklist[.shiftMindset].count > 1 }).id
        written.updateOrder(id: odd) { $0.checklist[.shiftMindset][1].preserved.object = JSONObject(["x-kept": .number(1)]) }
        var document = try StoreDocument.read(bytes: JSONWriter.bytes(for: written.json)).document
        let template = Checklist.standardTemplate
        let standard = document.orders.filter { order in
            ChecklistSection.allCases.allSatisfy { order.checklist[$0].map(\.withoutTick) == template[$0] }
        }
        try #require(standard.count >= 200 && standard.contains { $0.id == odd })
        let reference = try #require(standard.first { $0.id != odd }).checklist
        #expect(standard.filter { !$0.checklist.sharesSteps(with: reference) }.map(\.id) == [odd])
        let saved = String(decoding: JSONWriter.bytes(for: document.json), as: UTF8.self)
        #expect(saved.components(separatedBy: "\"x-kept\": 1").count == 2)

        // A tick in one of the orders sharing their steps changes that order alone.
        let (one, other) = (standard[1].id, standard[2].id)
        let before = try #require(document.order(id: other)).checklist
        document.updateOrder(id: one) { $0.checklist[.sureThing][0].tick = Tick(at: Fixture.now, by: "dana") }
        #expect(document.order(id: one)?.checklist[.sureThing][0].tick?.by == "dana")
        #expect(document.order(id: other)?.checklist == before)
        #expect(document.order(id: one)?.checklist.sharesSteps(with: reference) == true)
    }
}
