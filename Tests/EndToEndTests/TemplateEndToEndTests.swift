import Foundation
import Model
import TestSupport
import Testing

extension EndToEnd {
    /// A lead shapes an order type's 4S steps in the dashboard and from the command line; the
    /// file, read by Python's JSON reader, holds what they did.
    @Suite struct TemplateEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        private func stepIDs(type: String, section: String) throws -> JSONValue {
            try python("[s['id'] for s in [t for t in d['orderTypes'] if t['id'] == '\(type)'][0]['template']['\(section)']]")
        }

        @Test func aTypesStepsShapedInTheEditorReachItsOpenOrderWhenAsked() throws {
            let session = try openedDashboard()
            try session.press("t", until: "4S templates")
            try session.press("Right", "Right", "Right", until: "Managers change what they do at work")
            // On "Agreed a needs analysis" (the heading, then six lines down), a step after it.
            try session.press("j", "j", "j", "j", "j", "j", "a", until: "New step in Strategic Approach, the Leadership course template")
            session.send("-l", "Booked practice partners")
            session.send("Tab")
            session.send("-l", "Each manager knows who to call")
            try session.press("Enter", until: "saved")
            #expect(try stepIDs(type: "leadership-course", section: "strategicApproach")
                    == .array(["measurement-built-in", "needs-analysis-agreed", "booked-practice-partners", "leadership-practice"].map(JSONValue.string)))
            // The open order is not touched until asked.
            let orderSteps = "[s['id'] for s in [o for o in d['orders'] if o['id'] == 5][0]['checklist']['strategicApproach']]"
            #expect(try python(orderSteps) == .array(["measurement-built-in", "needs-analysis-agreed", "leadership-practice"].map(JSONValue.string)))
            try session.press("A", until: "Bring 1 open order (adding 1 step) in line")
            try session.press("y", until: "Brought 1 open order")
            try session.waitFor("saved")
            #expect(try python(orderSteps)
                    == .array(["measurement-built-in", "needs-analysis-agreed", "booked-practice-partners", "leadership-practice"].map(JSONValue.string)))
            session.send("t", "q")
        }

        @Test func theCommandLineShapesTemplatesAndTypesAndAnOrderStartsFromItsType() throws {
            let fours = try TmuxSession.binary()
            var environment = ProcessEnvironment.current
            environment["FOURS_STORE"] = store
            environment["FOURS_USER"] = "ana"
            environment["XDG_STATE_HOME"] = folder.file("state")
            environment["NO_COLOR"] = "1"
            func run(_ arguments: String...) -> Command.Result { Command.run([fours] + arguments, environment: environment) }

            let added = run("template", "add", "sure", "Shared the results with their team", "--type", "onboarding", "--explain", "At their next team meeting")
            #expect(added.status == 0 && added.output.hasPrefix("Added “Shared the results with their team” to Sure Thing in the Onboarding programme template"),
                    "\(added.output)")
            let twin = run("template", "add", "sure", "shared the results with THEIR team", "--type", "onboarding")
            #expect(twin.status != 0 && twin.output.contains("already"), "\(twin.output)")
            #expect(run("template", "move", "sure:4", "1", "--type", "onboarding").status == 0)
            let shown = run("template", "show", "--type", "onboarding", "--json")
            guard case .object(let json) = try JSONReader.parse(Array(shown.output.utf8)), case .object(let sections)? = json["sections"],
                  case .array(let sure)? = sections["sureThing"], case .object(let first)? = sure.first else {
                Issue.record("the template as JSON: \(shown.output)")
                return
            }
            #expect(first["title"] == .string("Shared the results with their team") && first["number"] == .number(10))
            guard case .array(let ids) = try stepIDs(type: "onboarding-programme", section: "sureThing") else { return }
            #expect(ids.first == .string("shared-the-results-with-their"))

            // A new order of the type starts from its steps; a type it does not have is refused by name.
            let order = run("add", "--title", "Onboarding for the data team", "--stakeholder", "Lena", "--type", "onboarding")
            #expect(order.status == 0, "\(order.output)")
            let newSteps = try python("[s['id'] for s in d['orders'][-1]['checklist']['sureThing']] + [d['orders'][-1]['type']]")
            #expect(newSteps == .array(["shared-the-results-with-their", "business-conversation", "insight-recorded",
                                        "follow-up-planned", "onboarding-programme"].map(JSONValue.string)))
            let unknown = run("add", "--title", "X", "--stakeholder", "Lena", "--type", "webinar")
            #expect(unknown.status != 0 && unknown.output.contains("no order type is called “webinar”; the types are: Standard, Compliance refresher"))

            // A type renamed and taken back with fours undo.
            #expect(run("template", "rename-type", "onboarding", "Onboarding").status == 0)
            #expect(try python("[t['name'] for t in d['orderTypes']]") == .array(["Compliance refresher", "Onboarding", "Leadership course"].map(JSONValue.string)))
            #expect(run("undo").status == 0)
            #expect(try python("[t['name'] for t in d['orderTypes']]")
                    == .array(["Compliance refresher", "Onboarding programme", "Leadership course"].map(JSONValue.string)))
        }
    }
}
