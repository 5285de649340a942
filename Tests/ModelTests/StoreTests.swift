import Foundation
import Model
import TestSupport
import Testing
import Glibc

@Suite struct StoreTests: InAStoreFolder {
    let folder: TemporaryFolder

    private func tick(_ step: String, on order: Int, by user: String = "ana") -> StoreOperation {
        .setStep(order: order, step: step, tick: Tick(at: Fixture.now, by: user))
    }

    @Test func missingFileIsAnEmptyStoreCreatedOnTheFirstChange() throws {
        let nested = folder.file("a/b/store.json")
        let store = try Store(path: nested)
        #expect(store.document.orders.isEmpty)
        #expect(!FileText.exists(nested))
        try Store.create(path: path, document: Fixture.demo)
        let demo = try Store(path: path)
        #expect(demo.document == Fixture.demo)
    }

    @Test func aTickIsSavedAtOnceAsASmallSortedDiff() throws {
        try Store.create(path: path, document: Fixture.demo)
        let before = try #require(FileText.read(path))
        let store = try Store(path: path)
        try store.apply(tick("success-defined", on: 1))
        let after = try #require(FileText.read(path))
        // The save itself is one line more at the top of the list of saves.
        let isSave = { (line: Substring) in line.hasPrefix("    \"20") }
        let (beforeSaves, afterSaves) = (before.split(separator: "\n").filter(isSave), after.split(separator: "\n").filter(isSave))
        #expect(afterSaves.count == 2 && Array(afterSaves.dropFirst()) == beforeSaves)
        let beforeLines = before.split(separator: "\n", omittingEmptySubsequences: false).filter { !isSave($0) }
        let afterLines = after.split(separator: "\n", omittingEmptySubsequences: false).filter { !isSave($0) }
        // Two lines more (tickedAt, tickedBy), inserted inside the one step; nothing else moves.
        #expect(afterLines.count == beforeLines.count + 2)
        let firstDifference = try #require(beforeLines.indices.first { beforeLines[$0] != afterLines[$0] })
        #expect(Array(afterLines[(firstDifference + 2)...]) == Array(beforeLines[firstDifference...]))
        #expect(afterLines[firstDifference...].prefix(2).contains(#"            "tickedBy": "ana","#))
        #expect(after.hasPrefix("{\n  \"name\": "))
        let reopened = try Store(path: path)
        #expect(reopened.document.order(id: 1)?.checklist.progress.done == 2)
    }

    @Test func theDocumentHandedOutStopsSharingItsOrdersWithTheStoresAndStaysAsItWas() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        let handedOut = store.document
        let sharedAtFirst = store.document.sharesOrders(with: handedOut)
        store.stopSharingOrders(with: handedOut)
        let sharedAfter = store.document.sharesOrders(with: handedOut)
        #expect(sharedAtFirst && !sharedAfter)
        #expect(store.document == handedOut, "the same orders, in storage of their own")
        try store.apply(tick("success-defined", on: 1))
        #expect(handedOut.order(id: 1)?.checklist.progress.done == 1, "a save leaves the copy handed out alone")
        #expect(store.document.order(id: 1)?.checklist.progress.done == 2)
    }

    @Test func theFilesSavesReplacedAreLetGo() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        for round in 0..<10 {
            try store.apply(.setStep(order: 1, step: "success-defined", tick: round.isMultiple(of: 2) ? Tick(at: Fixture.now, by: "ana") : nil))
        }
        // Each replaced file is closed on another thread: soon none is held open here.
        func replacedStillOpen() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).filter { entry in
                var target = [UInt8](repeating: 0, count: 4096)
                let length = readlink("/proc/self/fd/\(entry)", &target, target.count)
                let name = String(decoding: target.prefix(max(0, length)), as: UTF8.self)
                return name.hasPrefix(folder.path) && name.hasSuffix("(deleted)")
            }.count
        }
        let deadline = ContinuousClock.now + .seconds(3)
        while replacedStillOpen() > 0 && ContinuousClock.now < deadline { usleep(10_000) }
        #expect(replacedStillOpen() == 0)
    }

    @Test func keepsTheFileModeAndLeavesNoTemporaryFiles() throws {
        try Store.create(path: path, document: Fixture.demo)
        chmod(path, 0o600)
        let store = try Store(path: path)
        try store.apply(tick("success-defined", on: 1))
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        let listing = Command.run(["/bin/ls", "-A", folder.path]).output
        #expect(listing.split(separator: "\n").sorted() == ["store.json", "store.json.bak", "store.json.lock"])
    }

    @Test func twoWritersLoseNothing() throws {
        try Store.create(path: path, document: Fixture.demo)
        let first = try Store(path: path)
        let second = try Store(path: path)
        try first.apply(tick("success-defined", on: 2, by: "ana"))
        // The second store read the file before the first saved; its save must re-read.
        try second.apply(tick("outcome-framing", on: 2, by: "ben"))
        let merged = second.document
        let order = try #require(merged.order(id: 2))
        #expect(order.checklist[.shiftMindset].map(\.tick?.by) == ["jon", "ana", "ben"])
        let onDisk = try Store(path: path).document
        #expect(onDisk == merged)
    }

    @Test func anOperationOnSomethingDeletedElsewhereIsRefusedAndLosesNothing() throws {
        var withoutOrderThree = Fixture.demo
        try Store.create(path: folder.file("source.json"), document: withoutOrderThree)
        let store = try Store(path: folder.file("source.json"))
        // Someone else rewrites the file without order #3.
        let text = try #require(FileText.read(folder.file("source.json")))
        let edited = text.replacingOccurrences(of: "\"id\": 3,", with: "\"id\": 30,")
        try FileText.write(edited, to: folder.file("source.json"))
        let error = storeError { () throws(StoreError) in try store.apply(tick("success-defined", on: 3)) }
        #expect(error == .refused("not saved: order #3 no longer exists (changed by someone else)"))
        #expect(FileText.read(folder.file("source.json")) == edited)
        withoutOrderThree = store.document
        #expect(withoutOrderThree.order(id: 30) != nil)
    }

    @Test(arguments: [
        ("{\"schemaVersion\": 1, \"orders\": [,]}", "store.json:1:33: unexpected ','"),
        ("{\n  \"schemaVersion\": 1,\n  \"stakeholders\": [{\"id\": \"x\", \"name\": \"X\", \"stage\": \"guru\"}]\n}",
         "store.json:3:54: stakeholders[0].stage unknown value \"guru\"; expected one of: orderTaker,"),
        ("{\"schemaVersion\": 1, \"stakeholders\": [], \"orders\": [{\"id\": 1, \"title\": \"T\", \"stakeholder\": \"nobody\", \"received\": \"2026-01-01\"}]}",
         "orders[0].stakeholder no stakeholder has the id \"nobody\""),
        ("{\"schemaVersion\": 1, \"template\": {\"luck\": []}}", "template.luck unknown 4S section"),
        ("{\"schemaVersion\": 1, \"stakeholders\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}",
         "stakeholders[1].id another stakeholder already has the id \"a\""),
        ("[]", "expected an object, found a list"),
        ("{\"schemaVersion\": \"one\"}", "schemaVersion expected a whole number, found the string \"one\""),
    ])
    func aBadFileIsReportedPreciselyAndNeverOverwritten(text: String, expected: String) throws {
        try FileText.write(text, to: path)
        let error = try #require(storeError { () throws(StoreError) in _ = try Store(path: path) })
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.message.contains(path))
        #expect(FileText.read(path) == text)
    }

    @Test func fieldsThisVersionDoesNotKnowSurviveASave() throws {
        try Store.create(path: path, document: Fixture.demo)
        var text = try #require(FileText.read(path))
        text = text.replacingOccurrences(of: "{\n  \"name\": ", with: "{\n  \"futureTopLevel\": [1, 2],\n  \"name\": ")
        text = text.replacingOccurrences(of: "\"id\": \"partner-questions\",",
                                         with: "\"id\": \"partner-questions\",\n\"evidenceLink\": \"https://example.test/x\",")
        text = text.replacingOccurrences(of: "\"id\": \"dana-okafor\",", with: "\"id\": \"dana-okafor\", \"pronouns\": \"she/her\",")
        try FileText.write(text, to: path)
        let store = try Store(path: path)
        try store.apply(tick("success-defined", on: 1))
        let saved = try #require(FileText.read(path))
        #expect(saved.contains("\"futureTopLevel\": [\n    1,\n    2\n  ]"))
        // Every order's step, the template's and each order type's template's.
        #expect(saved.components(separatedBy: "\"evidenceLink\": \"https://example.test/x\"").count - 1
            == Fixture.demo.orders.count + 1 + Fixture.demo.orderTypes.count)
        #expect(saved.contains("\"pronouns\": \"she/her\""))
    }

    @Test func ownersAndSettingsAreWrittenReadAndMergedLikeEveryField() throws {
        var document = Fixture.demo
        document.settings.followUpDays = 14
        try Store.create(path: path, document: document)
        let text = try #require(FileText.read(path))
        #expect(text.contains("\"owners\": [\n        \"jon\",\n        \"maya\"\n      ]"))
        #expect(text.components(separatedBy: "\"owners\"").count - 1 == 9, "orders nobody owns have no owners member")
        #expect(text.contains("\"settings\": {\n    \"followUpDays\": 14\n  }"))
        let store = try Store(path: path)
        #expect(store.document == document)

        // Someone gives #4 a new owner while someone else renames it: both survive.
        let base = try #require(document.order(id: 4)).details
        var renamed = base
        renamed.title = "Onboarding path, second run"
        try store.apply(.editOrder(4, from: base, to: renamed))
        var reassigned = base
        reassigned.owners = ["ana"]
        try store.apply(.editOrder(4, from: base, to: reassigned))
        #expect(try Store(path: path).document.order(id: 4).map { [$0.title] + $0.owners } == ["Onboarding path, second run", "ana"])

        try FileText.write(text.replacingOccurrences(of: "\"followUpDays\": 14", with: "\"followUpDays\": 0"), to: path)
        let error = try #require(storeError { () throws(StoreError) in _ = try Store(path: path) })
        #expect(error.message.contains("settings.followUpDays must be from 1 to 3650, found 0"), "\(error.message)")
    }

    @Test func changesRecordWhoAndWhenForTheStandup() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        store.author = "ana"
        store.clock = .starting(at: Fixture.now)
        let order = try #require(store.document.order(id: 4))
        var details = order.details
        details.title = "Onboarding, second run"
        details.priority = .low
        try store.apply(.editOrder(4, from: order.details, to: details))
        try store.apply(.batch([.addStakeholder(Stakeholder(id: "omar", name: "Omar Haddad")), tick("success-defined", on: 1)]))
        let document = try Store(path: path).document
        #expect(document.activity.map(\.what) == ["edited #4: title, priority", "added the stakeholder Omar Haddad"],
                "a tick carries its own who and when")
        #expect(document.activity.map(\.by) == ["ana", "ana"] && document.activity.map(\.order) == [4, nil])
        // The demo's day: the tick and the edits are on it.
        let today = Fixture.today
        let ana = StandupReport(document, today: today).people.first { $0.name == "ana" }
        #expect(ana?.changes == ["edited #4: title, priority", "added the stakeholder Omar Haddad"])
        #expect(StandupReport(document, today: today).text.contains(
            "  ana: 1 ticked · edited #4: title, priority · added the stakeholder Omar Haddad · nothing due this week\n"))

        // Another machine's log joins this one's in a merge.
        var theirs = Fixture.demo
        theirs.activity = [ActivityEntry(at: Fixture.now, by: "ben", order: 2, what: "deleted #2")]
        let merged = try StoreMerge.merge(base: Fixture.demo, ours: document, theirs: theirs, by: "ana", at: Fixture.now).document
        #expect(merged.activity.map(\.by).sorted() == ["ana", "ana", "ben"])
    }

    @Test func everyFieldOfAnEditedTypeIsInItsTable() {
        // A field left out of its table would not be read, written or merged: it would be lost.
        func fields(of value: Any) -> Int {
            Mirror(reflecting: value).children.count { $0.label != "preserved" }
        }
        #expect(fields(of: OrderDetails(title: "t", stakeholderID: "s", received: Fixture.today)) == OrderDetails.mergeFields.count)
        #expect(fields(of: StakeholderDetails(name: "n")) == StakeholderDetails.mergeFields.count)
        #expect(fields(of: StepDetails(title: "t")) == StepDetails.mergeFields.count)
        #expect(fields(of: Measurement()) == Measurement.mergeFields.count)
        #expect(fields(of: ValueEstimate()) == ValueEstimate.mergeFields.count)
        #expect(Set(OrderDetails.mergeFields.map(\.name)).count == OrderDetails.mergeFields.count, "names are unique")
    }

    @Test func everyFieldOfAnOrderIsWrittenAndReadBack() throws {
        // Each field set to something other than its default goes through the file and back.
        var details = OrderDetails(title: "T", request: "R", stakeholderID: "dana-okafor", audience: "A",
                                   received: Fixture.today, due: Fixture.today, priority: .high, status: .inProgress,
                                   tags: ["x"], arrival: .earlyInvolvement)
        details.owners = ["maya"]
        details.businessProblem = "B"
        details.audienceSize = 12
        details.decision = .accepted
        details.decisionReason = "why"
        details.closingNote = "done"
        details.closedOn = Fixture.today
        details.measurement = Measurement(metric: "m", baseline: "1", target: "2", result: "3")
        details.value = ValueEstimate(hoursSavedPerPerson: 1.5, people: 4, costPerHour: 50)
        details.sourceID = "row-9"
        details.followUpOf = 2
        details.type = "compliance-refresher"
        let unchanged = OrderDetails(title: "T", stakeholderID: "dana-okafor", received: Fixture.today)
        #expect(details.changedFields(from: unchanged).count == OrderDetails.mergeFields.count - 3,
                "every field but title, stakeholder and received differs from its default")
        var document = Fixture.demo
        let id = document.nextOrderID
        document.add(TrainingOrder(id: id, details: details, checklist: document.template))
        try Store.create(path: path, document: document)
        #expect(try Store(path: path).document.order(id: id)?.details == details)
    }

    @Test func aReloadTakesUnchangedOrdersAsTheyWereAndStillChecksWhatSpansThem() throws {
        try Store.create(path: path, document: Fixture.demo)
        let mine = try Store(path: path)
        let theirs = try Store(path: path)
        let order = try #require(theirs.document.order(id: 3))
        var details = order.details
        details.title = "Renamed by them"
        try theirs.apply(.editOrder(3, from: order.details, to: details))
        #expect(try mine.reloadIfChanged())
        #expect(mine.document == (try Store(path: path)).document, "the same as reading the file afresh")
        #expect(mine.document.order(id: 3)?.title == "Renamed by them")

        // Orders deleted before others move those others: one place, then two.
        for deleted in [[1], [2, 4]] {
            for id in deleted { try theirs.apply(.deleteOrder(id)) }
            #expect(try mine.reloadIfChanged())
            #expect(mine.document == (try Store(path: path)).document, "the same as reading the file afresh")
        }

        // Someone removes a stakeholder by hand: the orders that name her did not change,
        // and are still checked.
        var text = try #require(FileText.read(path))
        // She is the last in the list: her entry goes with the comma before it.
        let start = try #require(text.range(of: ",\n    {\n      \"id\": \"chloe-martin\""))
        let end = try #require(text.range(of: "\n    }", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        try FileText.write(text, to: path)
        let error = try #require(storeError { () throws(StoreError) in _ = try mine.reloadIfChanged() })
        #expect(error.message.contains("no stakeholder has the id \"chloe-martin\""), "\(error.message)")
    }

    @Test func aBigStoreReadsOnEveryCoreAsItWouldInOnePass() throws {
        // Enough orders to be shared between threads, with problems far apart: the
        // document and every problem, with its place, are those of a plain parse.
        var text = String(decoding: JSONWriter.bytes(for: GeneratedStore.make(orders: 1_500, now: Fixture.now).json),
                          as: UTF8.self)
        func replace(_ old: String, with new: String, inOrder id: Int) throws {
            let start = try #require(text.range(of: "\n      \"id\": \(id),\n")).lowerBound
            let range = try #require(text.range(of: old, range: start..<text.endIndex))
            text.replaceSubrange(range, with: new)
        }
        try replace("\"stakeholder\": \"", with: "\"stakeholder\": \"nobody-", inOrder: 700)
        try replace("\"priority\": \"", with: "\"priority\": \"very-", inOrder: 900)
        try replace("\"id\": 1200", with: "\"id\": 3", inOrder: 1200)
        try FileText.write(text, to: path)

        let reading = try #require(try Store.check(path: path))
        let plain = StoreDocument.read(try JSONReader.parse(Array(text.utf8)))
        #expect(reading.problems.count == 3)
        #expect(reading.problems.map(\.description) == plain.problems.map(\.description))
        #expect(reading.document == plain.document)

        // A syntax error is reported where it is, even with a later one in another order.
        try replace("\"title\": ", with: "\"title\" ", inOrder: 1400)
        try replace("\"priority\": ", with: "\"priority\" ", inOrder: 800)
        try FileText.write(text, to: path)
        let expected = try #require(thrownError { () throws(JSONSyntaxError) in _ = try JSONReader.parse(Array(text.utf8)) })
        let error = try #require(storeError { () throws(StoreError) in _ = try Store.check(path: path) })
        #expect(error.message.contains("\(expected.position.line):\(expected.position.column)"), "\(error.message)")
        #expect(error.message.contains(expected.problem))
    }

    @Test(arguments: [
        // What fours writes, and what a person may write by hand: all read as the careful reader reads them.
        #"{"shiftMindset": [{"id": "partner-questions", "title": "Asked partner questions about the business problem", "tickedAt": "2026-11-20T09:00:00Z", "tickedBy": "ana"}, {"id": "success-defined", "title": "Agreed with them what success looks like"}]}"#,
        #"{"sureThing": [{"id": "x", "title": "A \"quoted\" step, caf\u00e9, 大塚", "note": "n", "hidden": true, "custom": true}], "shiftMindset": []}"#,
        #"{"surpriseAndDelight": [{"id": "y", "title": "t", "tickedAt": null, "tickedBy": "bo", "note": null, "hidden": null, "custom": false}]}"#,
        #"{}"#,
        #"{"shiftMindset": [{"id": "z", "title": "t", "colour": "blue"}]}"#,
        #"{"shiftMindset": [{"id": "z", "title": "t"}], "sureThing": [{"id": "z", "title": "u"}]}"#,
        #"{"shiftMindset": [{"id": "z", "title": "t", "tickedAt": "yesterday"}]}"#,
        #"{"shiftMindset": [{"title": "t"}]}"#,
        #"{"shiftMindset": [{"id": 3, "title": "t"}]}"#,
        #"{"afterthoughts": [{"id": "z", "title": "t"}]}"#,
        #"{"shiftMindset": {"id": "z"}}"#,
        #"null"#,
    ])
    func aChecklistReadStraightFromItsTextReadsAsTheCarefulReaderReadsIt(checklist: String) throws {
        // The same checklist on orders far apart in a store big enough to be read on every core.
        let orders = (1...600).map { id in
            """
                {"id": \(id), "title": "Order \(id)", "stakeholder": "s", "received": "2026-01-01",
                 "checklist": \(id % 200 == 0 ? checklist : "{}")}
            """
        }
        try expectReadAsTheCarefulReaderReadsIt(orders) { "\($0.orders.filter { $0.id % 200 == 0 }.map(\.checklist))" }
    }

    @Test(arguments: [
        // What fours writes, and what a person may write by hand: all read as the careful reader reads them.
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "due": "2026-02-01", "priority": "high", "status": "inProgress", "tags": ["a", "b"], "owners": [], "arrival": "transactionalRequest", "audienceSize": 12, "measurement": {"metric": "m", "baseline": "1"}, "value": {"hoursSavedPerPerson": 2.5, "people": 3}, "notes": [{"id": "n1", "at": "2026-01-02T10:00:00Z", "by": "ana", "text": "called"}]"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "due": null, "request": null, "closingNote": "", "decision": "declined", "closedOn": "2026-01-03""#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "colour": "blue""#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "notes": [{"id": "n1", "at": "2026-01-02T10:00:00Z", "text": "t", "mood": "good"}]"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "notes": [{"id": "n1", "text": "no time"}]"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "measurement": {"metric": "m", "unit": "%"}"#,
        #""title": 3, "stakeholder": "s", "received": "2026-01-01""#,
        #""stakeholder": "s", "received": "2026-01-01""#,
        #""title": "T", "stakeholder": "s", "received": null"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "priority": "urgent""#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "due": "next week""#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "audienceSize": 2.5"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "audienceSize": -1"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "tags": ["a", 1]"#,
        #""title": "T", "stakeholder": "s", "received": "2026-01-01", "value": {"costPerHour": "lots"}"#,
        #""title": "T", "stakeholder": "nobody", "received": "2026-01-01""#,
    ])
    func anOrderReadStraightFromItsTextReadsAsTheCarefulReaderReadsIt(members: String) throws {
        // The same order on orders far apart in a store big enough to be read on every core,
        // its id first, last, and once not a whole number.
        let orders = (1...600).map { id in
            guard id % 200 == 0 else {
                return #"{"id": \#(id), "title": "Order \#(id)", "stakeholder": "s", "received": "2026-01-01"}"#
            }
            return id == 400 ? #"{\#(members), "id": \#(id)}"# : id == 600 ? #"{"id": 599.5, \#(members)}"# : #"{"id": \#(id), \#(members)}"#
        }
        try expectReadAsTheCarefulReaderReadsIt(orders) { "\($0.orders.filter { $0.id % 200 == 0 })" }
    }

    /// Reads a store of `orders` as `fours check` and the dashboard do (found by brackets,
    /// read on every core, the dashboard's checklists after the rest) and expects what a
    /// plain parse and the careful reader give: the document, as it would be written too
    /// (members this version does not know count), and every problem. `shown` says what
    /// of a document to show when they differ.
    private func expectReadAsTheCarefulReaderReadsIt(_ orders: [String], shown: (StoreDocument) -> String) throws {
        let text = """
            {"schemaVersion": 1, "stakeholders": [{"id": "s", "name": "S"}], "orders": [
            \(orders.joined(separator: ",\n"))
            ]}
            """
        try FileText.write(text, to: path)
        let reading = try #require(try Store.check(path: path))
        let plain = StoreDocument.read(try JSONReader.parse(Array(text.utf8)))
        #expect(reading.problems.map(\.description) == plain.problems.map(\.description))
        let written = JSONWriter.bytes(for: reading.document.json) == JSONWriter.bytes(for: plain.document.json)
        #expect(reading.document == plain.document && written, "\(shown(reading.document))")
        let later = storeError { () throws(StoreError) in
            let store = try Store(path: path, checklistsLater: true)
            try store.takeLaterReading(store.laterReading.read())
            #expect(store.laterReading.isEmpty)
            #expect(store.document == plain.document, "\(shown(store.document))")
        }
        #expect((later == nil) == plain.problems.isEmpty, "\(String(describing: later))")
    }

    @Test func aChecklistWithARepeatedMemberIsASyntaxErrorWhereItIs() throws {
        for checklist in [#"{"shiftMindset": [{"id": "a", "title": "t", "id": "b"}]}"#,
                          #"{"shiftMindset": [], "shiftMindset": []}"#] {
            let order = #"{"id": 1, "title": "T", "stakeholder": "s", "received": "2026-01-01", "checklist": "# + checklist + "}"
            let twice = #"{"id": 2, "title": "T", "stakeholder": "s", "received": "2026-01-01", "checklist": {}, "checklist": {}}"#
            for orderText in [order, twice] {
                let text = #"{"schemaVersion": 1, "stakeholders": [{"id": "s", "name": "S"}], "orders": ["# + "\n"
                    + orderText + "\n]}"
                try FileText.write(text, to: path)
                let expected = try #require(thrownError { () throws(JSONSyntaxError) in _ = try JSONReader.parse(Array(text.utf8)) })
                let error = try #require(storeError { () throws(StoreError) in _ = try Store.check(path: path) })
                #expect(error.message.contains("\(expected.position.line):\(expected.position.column)"), "\(error.message)")
                #expect(error.message.contains(expected.problem))
            }
        }
    }

    @Test func createRefusesToReplaceAnExistingFile() throws {
        try FileText.write("precious", to: path)
        let error = storeError { () throws(StoreError) in try Store.create(path: path, document: Fixture.demo) }
        #expect(error == .alreadyExists(path: path))
        #expect(FileText.read(path) == "precious")
    }

    /// Also as the dashboard opens a store: its orders are digested with the checklists it
    /// reads after the first frame.
    @Test(arguments: [false, true])
    func reloadNoticesAnotherWritersChangeButNotASecondName(checklistsLater: Bool) throws {
        try Store.create(path: path, document: Fixture.demo)
        let watcher = try Store(path: path, checklistsLater: checklistsLater)
        if checklistsLater {
            #expect(!watcher.laterReading.isEmpty)
            try watcher.takeLaterReading(watcher.laterReading.read(orders: [1]))
            #expect(!watcher.laterReading.isEmpty, "the digests come with the rest")
            try watcher.takeLaterReading(watcher.laterReading.read())
            #expect(watcher.laterReading.isEmpty && watcher.document == Fixture.demo)
        }
        let changedByNothing = try watcher.reloadIfChanged()
        #expect(!changedByNothing)
        // Another writer keeps its backup as a second name: the file's status changes, its text does not.
        #expect(link(path, path + ".bak") == 0)
        let changedByLink = try watcher.reloadIfChanged()
        #expect(!changedByLink)
        try Store(path: path).apply(tick("success-defined", on: 1, by: "ben"))
        let changedByTick = try watcher.reloadIfChanged()
        #expect(changedByTick)
        #expect(watcher.document.order(id: 1)?.checklist[.shiftMindset][1].tick?.by == "ben")

        // The watcher saves a change; a second name for what it wrote is no change either.
        let read = try #require(FileText.read(path))
        try watcher.apply(tick("partner-questions", on: 1, by: "ana"))
        #expect(unlink(path + ".bak") == 0 && link(path, path + ".bak") == 0)
        let changedByLinkAfterSave = try watcher.reloadIfChanged()
        #expect(!changedByLinkAfterSave)
        // Someone puts back the file it read before its save: that is a change.
        try FileText.write(read, to: path)
        let changedByRestore = try watcher.reloadIfChanged()
        #expect(changedByRestore)
        #expect(watcher.document.order(id: 1)?.checklist[.shiftMindset][0].tick?.by != "ana")
    }

    @Test func theFileAsOpenedIsKeptAsABackupBeforeTheFirstSave() throws {
        try Store.create(path: path, document: Fixture.demo)
        let original = try #require(FileText.read(path))
        let store = try Store(path: path)
        #expect(!FileText.exists(store.backupPath))
        try store.apply(tick("success-defined", on: 1))
        try store.apply(tick("outcome-framing", on: 1))
        #expect(FileText.read(store.backupPath) == original)
        #expect(FileText.read(path) != original)
    }

    @Test func readOnlyNeverWrites() throws {
        try Store.create(path: path, document: Fixture.demo)
        let original = FileText.read(path)
        let store = try Store(path: path, readOnly: true)
        let error = storeError { () throws(StoreError) in try store.apply(tick("success-defined", on: 1)) }
        #expect(error == .readOnly(path: path, reason: "opened with --read-only"))
        #expect(FileText.read(path) == original)
        #expect(!FileText.exists(path + ".lock"))
    }

    @Test(arguments: ["\n", "\r\n"])
    func aFileFromANewerVersionOpensReadOnly(lineEnd: String) throws {
        try Store.create(path: path, document: Fixture.demo)
        var text = try #require(FileText.read(path)).replacingOccurrences(of: "\n", with: lineEnd)
        text = text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")
        text = text.replacingOccurrences(of: "\"stage\": \"orderTaker\"", with: "\"stage\": \"newStageName\"")
        try FileText.write(text, to: path)
        let store = try Store(path: path)
        #expect(store.readOnlyReason == "written by a newer fours (schema 2); update fours to change it")
        #expect(store.document.orders.count == Fixture.demo.orders.count)
        #expect(storeError { () throws(StoreError) in try store.apply(tick("success-defined", on: 1)) } != nil)
        #expect(FileText.read(path) == text)
    }

    @Test func aChangeThatKeepsSizeAndTimeIsStillNoticed() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        var before = stat()
        stat(path, &before)
        // Someone renames a stakeholder to a name of the same length, in place, and the
        // modification time is put back: only the content tells.
        let text = try #require(FileText.read(path))
        try FileText.write(text.replacingOccurrences(of: "Dana Okafor", with: "Dina Okafor"), to: path)
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        try store.apply(tick("success-defined", on: 1))
        let merged = store.document
        #expect(merged.stakeholder(id: "dana-okafor")?.name == "Dina Okafor")
    }

    @Test func checkListsEveryProblemInFileOrder() throws {
        let text = """
            {
              "schemaVersion": 1,
              "stakeholders": [{"id": "a", "name": "A", "stage": "guru"}, {"id": "a", "name": "B"}],
              "orders": [
                {"id": 1, "title": "T", "stakeholder": "zz", "received": "2026-01-01", "priority": "urgent"},
                {"id": 1, "title": "U", "stakeholder": "a", "received": "2026-01-02"}
              ]
            }
            """
        try FileText.write(text, to: path)
        let reading = try #require(try Store.check(path: path))
        #expect(reading.problems.map(\.description) == [
            "3:54: stakeholders[0].stage unknown value \"guru\"; expected one of: orderTaker, orderWithChange, collaborator, trustedPartner, strategicPartner",
            "3:70: stakeholders[1].id another stakeholder already has the id \"a\"",
            "5:44: orders[0].stakeholder no stakeholder has the id \"zz\"; add them under \"stakeholders\" or fix the id",
            "5:88: orders[0].priority unknown value \"urgent\"; expected one of: high, medium, low",
            "6:12: orders[1].id another order already has the id 1",
        ])
        #expect(FileText.read(path) == text)
    }

    @Test func aSaveWritesOnlyWhatChangedAndKeepsAnotherWritersUnknownFields() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        try store.apply(tick("success-defined", on: 1))
        // Another tool adds a field this version does not know to a different order.
        let text = try #require(FileText.read(path))
        try FileText.write(text.replacingOccurrences(of: "\"id\": 3,", with: "\"id\": 3,\n\"costCentre\": \"CC-17\","), to: path)
        try store.apply(tick("outcome-framing", on: 1))
        let saved = try #require(FileText.read(path))
        // The order the other tool changed is written again as it wrote it: a small diff.
        #expect(saved.contains("\"id\": 3,\n\"costCentre\": \"CC-17\","))
        // The rest is what writing the whole document gives.
        let reread = try Store(path: path).document
        #expect(reread == store.document)
        let canonical = String(decoding: JSONWriter.bytes(for: reread.json), as: UTF8.self)
        #expect(saved.replacingOccurrences(of: "\"id\": 3,\n\"costCentre\": \"CC-17\",", with: "\"id\": 3,")
                == canonical.replacingOccurrences(of: "      \"costCentre\": \"CC-17\",\n", with: ""))
    }

    @Test func savesCopyUnchangedOrdersFromTheFileInItsOwnStyle() throws {
        try Store.create(path: path, document: Fixture.demo)
        let canonical = { (document: StoreDocument) in
            "\u{FEFF}" + String(decoding: JSONWriter.bytes(for: document.json), as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        }
        try FileText.write(canonical(Fixture.demo), to: path)
        let store = try Store(path: path)
        // Each save copies the orders it leaves alone from the file the one before wrote.
        for (step, order) in [("success-defined", 1), ("partner-questions", 3), ("outcome-framing", 1), ("success-defined", 11)] {
            try store.apply(tick(step, on: order))
            #expect(FileText.read(path) == canonical(store.document), "after ticking #\(order)")
        }
        #expect(try Store(path: path).document == store.document)
    }

    @Test func aFileBrokenByAnotherProcessIsNeverOverwritten() throws {
        try Store.create(path: path, document: Fixture.demo)
        let store = try Store(path: path)
        let broken = "{ \"schemaVersion\": 1, \"orders\": [ half a file"
        try FileText.write(broken, to: path)
        let reloadError = storeError { () throws(StoreError) in try store.reloadIfChanged() }
        #expect(reloadError?.message.contains("expected a value") == true)
        #expect(store.document == Fixture.demo, "the last good document stays")
        let saveError = storeError { () throws(StoreError) in try store.apply(tick("success-defined", on: 1)) }
        #expect(saveError != nil)
        #expect(FileText.read(path) == broken)
        // Once someone fixes the file, the same change saves.
        try Store.create(path: folder.file("fixed.json"), document: Fixture.demo)
        try FileText.write(try #require(FileText.read(folder.file("fixed.json"))), to: path)
        try store.apply(tick("success-defined", on: 1))
        #expect(try Store(path: path).document.order(id: 1)?.checklist[.shiftMindset][1].tick?.by == "ana")
    }
}
