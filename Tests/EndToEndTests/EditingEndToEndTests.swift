import Foundation
import Model
import TestSupport
import Testing

extension EndToEnd {
    /// A person runs an order from intake to delivery without opening the JSON file.
    @Suite struct EditingEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        @Test func markedOrdersAreClosedTogetherAndUndoneTogether() throws {
            let session = try openedDashboard()
            // The first two rows of the queue: #8, then #1.
            try session.press("v", "v", until: "2 marked")
            try session.press("c", until: "Mark #8, #1 delivered? (2 marked orders; u undoes it)")
            try session.press("y", until: "Marked #8, #1 delivered (u undoes it)")
            try session.waitFor("saved")
            let statuses = "[o['status'] for o in d['orders'] if o['id'] in (1, 8)]"
            #expect(try python(statuses) == .array([.string("delivered"), .string("delivered")]))
            try session.press("u", until: "Undid")
            try session.waitFor("saved")
            #expect(try python(statuses) == .array([.string("inProgress"), .string("inProgress")]))
        }

        @Test func anOrderFromIntakeToDelivery() throws {
            let session = try openedDashboard()

            // A new order from a stakeholder nobody has met yet.
            try session.press("a", until: "New order")
            session.send("-l", "Mentoring for new managers")
            session.send("Tab", "Tab")
            try session.press("-l", "Priya Patel", until: "“Priya Patel” is a new stakeholder")
            session.send("Tab", "Tab", "Tab")
            session.send("-l", "+10d")
            try session.press("Enter", until: "New order #12 “Mentoring for new managers” · saved")
            var order = try #require(try demo.document().order(id: 12))
            #expect(order.title == "Mentoring for new managers")
            #expect(order.due == Fixture.clock.today.adding(days: 10))
            #expect(try demo.document().stakeholder(id: order.stakeholderID)?.name == "Priya Patel")

            // Its due date moves.
            try session.press("e", until: "Edit order #12")
            for _ in 0..<5 { session.send("Tab") }
            session.send("C-u")
            session.send("-l", "+3d")
            try session.press("Enter", until: "Edit of #12 · saved")
            order = try #require(try demo.document().order(id: 12))
            #expect(order.due == Fixture.clock.today.adding(days: 3))

            // An own step in Sure Thing, ticked.
            try session.press("Tab", "G", "+", until: "New step in Sure Thing")
            session.send("-l", "Invited Priya to our team demo")
            try session.press("Enter", until: "New step “Invited Priya to our team demo” · saved")
            try session.press("G", "Space", until: "Ticked “Invited Priya to our team demo” on #12 (1/13 done) · saved")
            var step = try #require(try demo.document().order(id: 12)?.checklist[.sureThing].last)
            #expect(step.isCustom && step.tick?.by == "e2e-tester")

            // Undo the tick, redo it.
            try session.press("u", until: "Undid tick of “Invited Priya to our team demo” · saved")
            step = try #require(try demo.document().order(id: 12)?.checklist[.sureThing].last)
            #expect(step.tick == nil)
            try session.press("C-r", until: "Redid tick of “Invited Priya to our team demo” · saved")
            step = try #require(try demo.document().order(id: 12)?.checklist[.sureThing].last)
            #expect(step.tick?.by == "e2e-tester")

            // Delivered, with twelve steps still open: it asks first.
            try session.press("c", until: "12 of 13 4S steps on #12 are still open. Close it anyway?")
            try session.press("y", until: "Close #12 Mentoring for new managers")
            session.send("Tab")
            session.send("-l", "Pilot group of five")
            try session.press("Enter", until: "#12 marked delivered · saved")
            order = try #require(try demo.document().order(id: 12))
            #expect(order.status == .delivered)
            #expect(order.closingNote == "Pilot group of five")
            let screen = session.screen()
            #expect(!screen.contains("Mentoring for new managers  "), "a delivered order leaves the queue")
            #expect(screen.contains("9 open"))

            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func escapeSavesNothing() throws {
            let before = FileText.read(store)
            let session = try openedDashboard()
            try session.press("e", until: "Edit order #8")
            session.send("-l", " (urgent)")
            session.send("Tab")
            session.send("-l", "more words")
            try session.press("Escape", until: "Cancelled: nothing was saved")
            try session.press("a", until: "New order")
            session.send("-l", "Never saved")
            session.send("Escape")
            try session.waitUntil("the form to close") { !$0.contains("New order") }
            session.send("q")
            #expect(try session.exitStatus() == 0)
            #expect(FileText.read(store) == before)
        }
    }
}
