import Model
import TestSupport
import Testing

extension EndToEnd {
    /// Two teams' stores in one dashboard: the orders of both, named by their store, and
    /// each change saved in its order's own file.
    @Suite struct DepartmentEndToEndTests {
        let folder: TemporaryFolder
        let fours: String

        init() throws {
            folder = try TemporaryFolder()
            fours = try TmuxSession.binary()
            for team in ["sales", "ops"] {
                let demo = Command.run([fours, "demo", "--store", folder.file("\(team).json")])
                try #require(demo.status == 0, "\(demo.output)")
            }
        }

        /// `expression` over `d`, the team's file, as Python's JSON reader sees it.
        private func python(_ team: String, _ expression: String) throws -> JSONValue {
            let read = Command.run(["/usr/bin/env", "python3", "-c",
                                    "import json, sys; d = json.load(open(sys.argv[1])); print(json.dumps(\(expression)))",
                                    folder.file("\(team).json")])
            guard read.status == 0 else { throw TestFailure("python3 is needed for this check: \(read.output)") }
            return try JSONReader.parse(Array(read.output.utf8))
        }

        private static let whoTicked = "[s.get('tickedBy') for s in [o for o in d['orders'] if o['id'] == 8][0]['checklist']['shiftMindset']]"

        @Test func aTickInTheDepartmentViewIsSavedInItsOrdersOwnStore() throws {
            let sales = folder.file("sales.json"), operations = folder.file("ops.json")
            let salesBefore = try #require(FileText.read(sales))
            let session = try TmuxSession(width: 140, height: 40, arguments: ["--store", sales, "--store", operations], folder: folder)
            try session.waitFor("2 stores together (sales, ops): each change goes to its order's own store")
            try session.waitFor("Queue · 18 open")
            // Both teams have an order #8, told apart by their store.
            try session.waitFor("▶ sales#8  ! Picking-error coaching")
            try session.waitFor("  ops#8    ! Picking-error coaching")

            // To ops#8, into its checklist, its second step: ticked.
            try session.press("j", "Tab", "j", "Space", until: "Ticked “Agreed with them what success looks like” on ops#8 (3/12 done) · saved")
            #expect(try python("ops", Self.whoTicked) == .array([.string("jon"), .string("e2e-tester"), .null]))
            #expect(FileText.read(sales) == salesBefore, "the other team's store is not written")

            // Another process ticks an order of the sales store: it shows.
            let tick = Command.run([fours, "tick", "8", "3", "--store", sales], environment: ["FOURS_USER": "ben"])
            #expect(tick.status == 0, "\(tick.output)")
            try session.press("Left", "k", until: "▶ sales#8")
            try session.waitFor("[✓] Restated the order as a business outcome  ben")

            // What belongs to a store as a whole is not changed from here.
            try session.press("a", until: "Not in a department's view: add orders and stakeholders")
            // Each team's people, told apart by their store.
            try session.press("2", until: "Dana Okafor · sales")
            try session.waitFor("Dana Okafor · ops")
            session.send("q")
            #expect(try session.exitStatus() == 0)
            #expect(try python("sales", Self.whoTicked) == .array([.string("jon"), .null, .string("ben")]))
            #expect(try python("ops", "len(d['orders'])") == .number(11) && (try python("sales", "len(d['orders'])")) == .number(11))
        }

        @Test func theStoresListedInTheEnvironmentOpenTogetherAndAMissingOneIsNamed() throws {
            // The sales store named twice is shown once.
            let stores = ["sales", "ops", "missing", "sales"].map { folder.file("\($0).json") }.joined(separator: ":")
            let session = try TmuxSession(width: 160, height: 30, arguments: [], folder: folder, environment: ["FOURS_STORES": stores])
            try session.waitFor("2 stores together (sales, ops): each change goes to its order's own store; left out: there is no store at")
            try session.waitFor("missing.json")
            try session.waitFor("Queue · 18 open")
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }
    }
}
