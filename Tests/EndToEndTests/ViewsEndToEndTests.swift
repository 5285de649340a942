import Foundation
import Model
import TestSupport
import Testing

extension EndToEnd {
    /// Finding orders and switching views in the real binary, and the stand-up as text.
    @Suite struct ViewsEndToEndTests {
        let demo: DemoStoreFolder
        var folder: TemporaryFolder { demo.folder }
        var store: String { demo.store }

        init() throws {
            demo = try DemoStoreFolder()
        }

        @Test func searchNarrowsTheQueueAndViewsSwitch() throws {
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder)
            try session.waitFor("9 open")
            session.send("/")
            session.send("-l", "chloe")
            try session.waitFor("1 match")
            var screen = session.screen()
            #expect(screen.contains("Excel refresher for budget owners"))
            #expect(!screen.contains("Picking-error coaching"), "the queue narrowed as I typed")
            session.send("Enter")
            try session.waitFor("search: “chloe”")
            session.send("Escape")
            session.send("F")
            try session.waitFor("Filters cleared")

            session.send("2")
            try session.waitFor("Stakeholders · 6 people")
            try session.waitFor("Across the spectrum")
            session.send("3")
            try session.waitFor("4S across open orders")
            screen = session.screen()
            #expect(screen.contains("Stand-up · since"))
            #expect(screen.contains("← least done"))
            session.send("4")
            try session.waitFor("Archive · 2 delivered or closed")
            try session.waitFor("Code review habits workshop")
            session.send("1")
            try session.waitFor("Queue · 9 open")

            // The sort is remembered for the next run, in the state file, not the store.
            session.send("o")
            try session.waitFor("Sorted by priority")
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let stateFile = folder.file("state/fours/state.json")
            #expect(FileText.read(stateFile)?.contains("\"sort\": \"priority\"") == true)
            #expect(FileText.read(store)?.contains("\"sort\"") == false)

            let again = try TmuxSession(width: 120, height: 40, arguments: ["--store", store],
                                        folder: TemporaryFolder.sharing(folder, subfolder: "second"),
                                        environment: ["XDG_STATE_HOME": folder.file("state")])
            try again.waitFor("sort: priority")
            again.send("q")
            #expect(try again.exitStatus() == 0)
        }

        @Test func anOwnersMorningMineFirstThenTheStandupByPerson() throws {
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder,
                                          environment: ["FOURS_USER": "maya"])
            try session.waitFor("9 open")
            session.send("M")
            try session.waitFor("filter: owner: maya · 4 shown")
            var screen = session.screen()
            #expect(!screen.contains("Picking-error coaching"), "jon's order is filtered out")
            #expect(screen.contains("Onboarding path for platform engineers"), "an order maya shares with jon stays")
            // A new order is hers until she names someone else.
            session.send("a")
            try session.waitFor("New order")
            session.send("-l", "Sales coaching pilot")
            session.send("Tab", "Tab")
            session.send("-l", "Dana")
            session.send("Enter")
            try session.waitFor("saved")
            screen = try session.waitFor("Sales coaching pilot")
            #expect(screen.contains("5 shown"))
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let order = try #require(try demo.document().orders.first { $0.title == "Sales coaching pilot" })
            #expect(order.owners == ["maya"])
            #expect(FileText.read(store)?.contains("\"owners\": [\n        \"maya\"\n      ],\n      \"priority\"") == true)

            let standup = Command.run([try TmuxSession.binary(), "standup", "--store", store])
            // How many each ticked since the last working day depends on the day the test runs.
            #expect(standup.output.contains("\nBy person\n  jon: ") && standup.output.contains(" ticked · due #8 "),
                    "\(standup.output)")
            #expect(standup.output.contains("\nNot in touch for 30 days\n  "))
            #expect(standup.output.contains("\nValue delivered\n  "))
        }

        @Test func theStandupPrintsWithoutATerminal() throws {
            let fours = try TmuxSession.binary()
            let text = Command.run([fours, "standup", "--store", store])
            #expect(text.status == 0)
            #expect(text.output.hasPrefix("Stand-up "))
            #expect(text.output.contains("\nOverdue\n  #8 due "))
            let markdown = Command.run([fours, "standup", "--store", store, "--format", "markdown"])
            #expect(markdown.output.contains("\n## 4S across open orders\n\n- Shift Mindset"))
            let json = Command.run([fours, "standup", "--store", store, "--format", "json", "--since", "2026-01-01"])
            #expect(json.status == 0)
            #expect(json.output.contains("\"since\": \"2026-01-01\""))
            _ = try JSONReader.parse(Array(json.output.utf8))
            let bad = Command.run([fours, "standup", "--store", store, "--since", "someday"])
            #expect(bad.status == 1)
            #expect(bad.output.contains("--since someday is not a date"))
            // The form the help shows, with a minus.
            let relative = Command.run([fours, "standup", "--store", store, "--since", "-3d", "--format", "json"])
            #expect(relative.status == 0, "\(relative.output)")
            #expect(relative.output.contains("\"since\": \"\(Fixture.todayOnThisMachine.adding(days: -3))\""))
            let typo = Command.run([fours, "standup", "--store", store + ".typo"])
            #expect(typo.status == 1)
            #expect(typo.output.contains("there is no store at \(store).typo"))
        }

        @Test func theDemoNeverLandsInTheDefaultStore() throws {
            let home = try TemporaryFolder()
            let result = Command.run([try TmuxSession.binary(), "demo"],
                                     environment: ["HOME": home.path, "XDG_DATA_HOME": home.file("data"), "PATH": "/usr/bin:/bin"])
            #expect(result.status == 64, "a usage error: \(result.output)")
            #expect(result.output.contains("fours demo needs --store PATH"))
            #expect(!FileText.exists(home.file("data/fours/store.json")))
        }
    }
}
