import Foundation
import Model
import TestSupport
import Testing

extension EndToEnd {
    /// Finding orders and switching views in the real binary, and the stand-up as text.
    @Suite struct ViewsEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        @Test func searchNarrowsTheQueueAndViewsSwitch() throws {
            let session = try openedDashboard()
            session.send("/")
            try session.press("-l", "chloe", until: "1 match")
            var screen = session.screen()
            #expect(screen.contains("Excel refresher for budget owners"))
            #expect(!screen.contains("Picking-error coaching"), "the queue narrowed as I typed")
            try session.press("Enter", until: "search: “chloe”")
            session.send("Escape")
            try session.press("F", until: "Filters cleared")

            try session.press("2", until: "Stakeholders · 6 people")
            try session.waitFor("Across the spectrum")
            try session.press("3", until: "4S across open orders")
            screen = session.screen()
            #expect(screen.contains("Stand-up · since"))
            #expect(screen.contains("← least done"))
            try session.press("4", until: "Archive · 2 delivered or closed")
            try session.waitFor("Code review habits workshop")
            try session.press("1", until: "Queue · 9 open")

            // The sort is remembered for the next run, in the state file, not the store.
            try session.press("o", until: "Sorted by priority")
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

        @Test func aViewSavedInTheDashboardIsListedFromTheCommandLine() throws {
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder,
                                          environment: ["FOURS_USER": "maya"])
            try session.waitFor("9 open")
            try session.press("M", "o", "R", until: "sort: priority, reversed")
            try session.press("s", until: "Save this view")
            session.send("-l", "Maya, least urgent first")
            try session.press("Enter", until: "Saved the view “Maya, least urgent first”")
            session.send("q")
            // The state file is the person's own, beside the store's folder here; the store is untouched.
            let state = ["XDG_STATE_HOME": folder.file("state"), "FOURS_STORE": store]
            let listed = Command.run([try TmuxSession.binary(), "list", "--view", "maya, LEAST urgent first"], environment: state)
            #expect(listed.status == 0, "\(listed.output)")
            let rows = listed.output.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
            // maya's open orders, by priority, reversed: the low one first, the high ones last.
            let document = try demo.document()
            let mine = document.orders.filter { $0.status.isOpen && $0.owners.contains("maya") }
            let rank: [Priority: Int] = [.high: 0, .medium: 1, .low: 2]
            let expected = mine.sorted { (rank[$0.priority]!, $0.due ?? .init(ordinal: .max)) < (rank[$1.priority]!, $1.due ?? .init(ordinal: .max)) }
                .reversed().map { "#\($0.id)" }
            #expect(rows == Array(expected), "\(listed.output)")
            let unknown = Command.run([try TmuxSession.binary(), "list", "--view", "nope"], environment: state)
            #expect(unknown.status != 0 && unknown.output.contains("the views are: Maya, least urgent first"), "\(unknown.output)")
        }

        @Test func anOwnersMorningMineFirstThenTheStandupByPerson() throws {
            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder,
                                          environment: ["FOURS_USER": "maya"])
            try session.waitFor("9 open")
            try session.press("M", until: "filter: owner: maya · 4 shown")
            var screen = session.screen()
            #expect(!screen.contains("Picking-error coaching"), "jon's order is filtered out")
            #expect(screen.contains("Onboarding path for platform engineers"), "an order maya shares with jon stays")
            // A new order is hers until she names someone else.
            try session.press("a", until: "New order")
            session.send("-l", "Sales coaching pilot")
            session.send("Tab", "Tab")
            session.send("-l", "Dana")
            try session.press("Enter", until: "saved")
            screen = try session.waitFor("Sales coaching pilot")
            #expect(screen.contains("5 shown"))
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let order = try #require(try demo.document().orders.first { $0.title == "Sales coaching pilot" })
            #expect(order.owners == ["maya"])
            #expect(FileText.read(store)?.contains("\"owners\": [\n        \"maya\"\n      ],\n      \"priority\"") == true)

            let standup = Command.run([try TmuxSession.binary(), "standup", "--store", store])
            // What else jon did since the last working day (a note, a move) depends on the weekday.
            let jon = standup.output.split(separator: "\n").first { $0.hasPrefix("  jon: ") } ?? ""
            #expect(standup.output.contains("\nBy person\n  jon: ") && jon.contains(" ticked · ") && jon.contains(" · due #8 "),
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
            #expect(relative.output.contains("\"since\": \"\(Fixture.clock.today.adding(days: -3))\""))
            let typo = Command.run([fours, "standup", "--store", store + ".typo"])
            #expect(typo.status == 1)
            #expect(typo.output.contains("there is no store at \(store).typo"))
        }

        /// Each day of one week, named, with what the stand-up should cover worked out apart
        /// from fours: the last working day by the calendar, the ticks since its first moment
        /// counted from the file by Foundation's JSON reader and calendar.
        @Test(arguments: [
            ("2026-12-14", "2026-12-11"), ("2026-12-15", "2026-12-14"), ("2026-12-16", "2026-12-15"),
            ("2026-12-17", "2026-12-16"), ("2026-12-18", "2026-12-17"), ("2026-12-19", "2026-12-18"),
            ("2026-12-20", "2026-12-18"),
        ])
        func theStandupFitsEveryMorningOfTheWeek(day: String, since: String) throws {
            let week = try TemporaryFolder()
            let store = week.file("store.json")
            let clock = [WallClock.environmentKey: day]
            #expect(Command.run([try TmuxSession.binary(), "demo", "--store", store], environment: clock).status == 0)
            let expected = try Self.ticks(in: store, from: since, through: day)
            let text = Command.run([try TmuxSession.binary(), "standup", "--store", store],
                                   environment: clock.merging(ProcessEnvironment.current) { first, _ in first })
            #expect(text.status == 0)
            let sinceDay = try #require(CalendarDay(iso: since)).shortDescription
            #expect(text.output.hasPrefix("Stand-up \(day)\n"), "\(text.output)")
            #expect(text.output.contains(" · \(expected) step\(expected == 1 ? "" : "s") ticked since \(sinceDay)\n"),
                    "\(text.output)")
            #expect(text.output.contains("\nTicked since \(sinceDay)\n"))

            let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: week, environment: clock)
            try session.waitFor("9 open")
            session.send("3")
            let screen = try session.waitFor("4S across open orders")
            #expect(screen.contains("Stand-up · since \(sinceDay)"))
            for heading in ["← least done", "Surprise and Delight", "Stakeholders on the spectrum", "5 Strategic partner",
                            "Ticked since \(sinceDay)", "Open orders", "By person"] {
                #expect(screen.contains(heading), "\(heading) on \(day)\n\(screen)")
            }
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        /// How many steps in the store were ticked from the start of `first` to the end of
        /// `last`, local time.
        private static func ticks(in store: String, from first: String, through last: String) throws -> Int {
            let data = try #require(FileManager.default.contents(atPath: store))
            let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .current
            let formatter = ISO8601DateFormatter()
            func start(of day: String, plusDays extra: Int = 0) throws -> Date {
                let parts = day.split(separator: "-").compactMap { Int($0) }
                return try #require(calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + extra)))
            }
            let window = try start(of: first)..<start(of: last, plusDays: 1)
            let orders = file["orders"] as? [[String: Any]] ?? []
            let steps = orders.flatMap { ($0["checklist"] as? [String: [[String: Any]]] ?? [:]).values.joined() }
            return steps.compactMap { ($0["tickedAt"] as? String).flatMap(formatter.date(from:)) }.filter(window.contains).count
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
