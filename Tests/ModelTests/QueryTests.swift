import Model
import TestSupport
import Testing

@Suite struct QueryTests {
    let document: StoreDocument = {
        var document = Fixture.demo
        document.updateOrder(id: 3) { order in
            order.notes = [Note(id: "n", at: Fixture.now, by: "ana", text: "They track RÉCLAMATIONS weekly")]
        }
        return document
    }()

    private func ids(_ query: QueueQuery) -> [Int] {
        OrderQueue(document, query: query, today: Fixture.today).orderIDs
    }

    private func search(_ text: String, status: StatusFilter = .open) -> [Int] {
        var query = QueueQuery(status: status)
        query.search = text
        return ids(query)
    }

    @Test func searchIgnoresCaseAndAccentsAndLooksEverywhere() {
        #expect(search("FORKLIFT") == [2], "title, any case")
        #expect(search("auditors") == [2], "the request")
        #expect(search("chloe") == [6], "the stakeholder, without the accent")
        #expect(search("#safety".dropFirst().description) == [2], "a tag")
        #expect(search("#safety") == [2], "a tag as the dashboard writes it")
        #expect(search("near-misses") == [2], "the business problem")
        #expect(search("headcount") == [4], "a note on the order's stakeholder")
        #expect(search("restated the order").isEmpty, "the template's steps are on every order: they find nothing")
        var withOwnStep = document
        withOwnStep.updateOrder(id: 9) { order in
            order.checklist[.sureThing].append(ChecklistStep(id: "custom-shadow", title: "Shadowed a support call",
                                                             isCustom: true))
        }
        var query = QueueQuery()
        query.search = "shadowed"
        #expect(OrderQueue(withOwnStep, query: query, today: Fixture.today).orderIDs == [9], "a step someone added")
        #expect(search("reclamations") == [3], "a note, accents and case ignored")
        #expect(search("webinar returns") == [3], "every word must match")
        #expect(search("webinar forklift").isEmpty)
        #expect(search("code review").isEmpty, "closed orders are not in the open queue")
        #expect(search("code review", status: .all) == [10])
    }

    @Test func aLongListIsSearchedInStretchesAndKeepsItsOrder() throws {
        // The generated orders say which words they hold: tag (id % 8), team (id % 12).
        let big = GeneratedStore.make(orders: 30_000, now: Fixture.now)
        let index = SearchIndex(big)
        let ids = big.orders.map(\.id).reversed().map { $0 }
        let searches: [([String], (Int) -> Bool)] = [
            (["tag3"], { $0 % 8 == 3 }),
            (["person", "team 1"], { [1, 10, 11].contains($0 % 12) }),
            (["no such words"], { _ in false }),
        ]
        for (words, holds) in searches {
            let found = index.filter(ids, allOf: words)
            #expect(found.count == ids.filter(holds).count && found == ids.filter(holds), "\(words)")
            // Most of the orders but not all, still searched in stretches: only listed ones are found.
            let most = ids.filter { $0 % 3 != 0 }
            #expect(index.filter(most, allOf: words) == most.filter(holds), "\(words)")
            // A short list is searched an order at a time; an id the index does not know matches nothing.
            let few = [999_999] + ids.prefix(500)
            #expect(index.filter(few, allOf: words) == few.dropFirst().filter(holds), "\(words)")
        }

        // Ids far apart are found all the same.
        let text = String(decoding: JSONWriter.bytes(for: Fixture.demo.json), as: UTF8.self)
        let farApart = try #require(try? StoreDocument(json: JSONReader.parse(Array(text.replacing("\"id\": 3,", with: "\"id\": 50000000,").utf8))))
        #expect(SearchIndex(farApart).filter(farApart.orders.map(\.id), allOf: ["webinar"]) == [50_000_000])
    }

    /// A small store's texts are all read; a big one's are ruled out by their grams first.
    @Test(arguments: [3_000, 30_000])
    func aSearchFindsWhatReadingEachOrdersTextFinds(orders: Int) {
        // Words of the generated orders' own letters: common and rare pairs, runs of three
        // and more, several words at once, and words running from one order's text into the
        // next (a generated text ends with its stakeholder, "person 7", and the next begins
        // "generated order 8"). Each order's text read on its own is the measure.
        let big = GeneratedStore.make(orders: orders, now: Fixture.now)
        let index = SearchIndex(big)
        let ids = big.orders.map(\.id)
        let lists = [ids, ids.filter { $0 % 3 != 0 }.reversed(), Array(ids.suffix(700))]
        var searches: [[String]] = [
            ["7generated"], ["n 3gen"], ["tag3", "1generated"], ["gen"], ["ge"], ["g"], ["order 2999"],
            ["team 1", "person 1"], ["zq"], ["q"], ["ready-made", "#tag7"], ["4 a"], ["ed"],
        ]
        let letters = Array("generatd o12345#pq")
        var seed: UInt64 = 11
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<40 {
            searches.append((0..<1 + next(2)).map { _ in String((0..<1 + next(5)).map { _ in letters[next(letters.count)] }) })
        }
        for words in searches {
            for list in lists {
                let found = index.filter(list, allOf: words)
                let read = list.filter { index.holds($0, allOf: words) }
                let same = found == read
                #expect(same, "\(words) in \(list.count) orders: \(found.count) found, \(read.count) read")
            }
        }
        #expect(index.filter(ids, allOf: ["7generated"]).isEmpty && index.filter(ids, allOf: ["gen"]).count == ids.count)
    }

    @Test func eachStakeholdersOrdersAreCountedOpenAndDone() {
        let counts = StakeholderOrderCounts(document)
        for stakeholder in document.stakeholders {
            let orders = document.orders.filter { $0.stakeholderID == stakeholder.id }
            #expect(counts[stakeholder.id] == StakeholderOrderCounts.Counts(open: orders.count { $0.status.isOpen },
                                                                         done: orders.count { !$0.status.isOpen }))
        }
        #expect(counts["nobody"] == StakeholderOrderCounts.Counts())
        #expect(document.stakeholders.contains { counts[$0.id].open > 0 && counts[$0.id].done > 0 }, "the demo has both")
    }

    @Test func eachFilterNarrowsTheQueue() {
        var byStakeholder = QueueQuery()
        byStakeholder.stakeholderID = "dana-okafor"
        #expect(ids(byStakeholder) == [1, 7])
        var byStage = QueueQuery()
        byStage.stage = .collaborator
        #expect(ids(byStage) == [3, 9])
        var byTag = QueueQuery()
        byTag.tag = "Workshop"
        #expect(ids(byTag) == [1])
        var byPriority = QueueQuery()
        byPriority.priority = .low
        #expect(ids(byPriority) == [6])
        var overdue = QueueQuery()
        overdue.due = .overdue
        #expect(ids(overdue) == [8, 1])
        var thisWeek = QueueQuery()
        thisWeek.due = .thisWeek
        #expect(ids(thisWeek) == [7, 2, 3])
        #expect(ids(QueueQuery(status: .closed)) == [10, 11])
        #expect(ids(QueueQuery(status: .all)).count == 11)
        var both = QueueQuery()
        both.stakeholderID = "marco-silva"
        both.due = .overdue
        #expect(ids(both) == [8])
        #expect(both.filterDescriptions(in: document) == ["stakeholder: Marco Silva", "overdue"])
        #expect(both.cleared(showing: .open) == QueueQuery())
    }

    @Test(arguments: [
        (QueueSort.dueDate, [8, 1, 7, 2, 3, 6, 4, 5, 9]),
        (.priority, [8, 1, 2, 5, 7, 3, 4, 9, 6]),
        (.progress, [7, 6, 1, 9, 8, 2, 3, 5, 4]),
        (.age, [5, 2, 4, 8, 1, 3, 7, 9, 6]),
        (.stakeholder, [3, 9, 6, 1, 7, 4, 8, 2, 5]),
        (.stage, [1, 7, 6, 8, 2, 3, 9, 4, 5]),
    ])
    func eachSortOrdersTheQueue(sort: QueueSort, expected: [Int]) {
        #expect(ids(QueueQuery(sort: sort)) == expected)
    }

    @Test func theArchiveIsNewestFirst() {
        var document = self.document
        document.updateOrder(id: 10) { $0.closedOn = Fixture.today.adding(days: -20) }
        document.updateOrder(id: 11) { $0.closedOn = Fixture.today.adding(days: -3) }
        #expect(OrderQueue(document, query: QueueQuery(status: .closed, sort: .closedRecently)).orderIDs == [11, 10])
    }

    @Test func preferencesRoundTripThroughTheStateFile() throws {
        let folder = try TemporaryFolder()
        let path = ViewPreferences.path(environment: ["XDG_STATE_HOME": folder.path, "HOME": "/nowhere"])
        #expect(path == folder.path + "/fours/state.json")
        #expect(ViewPreferences.load(from: path) == ViewPreferences(), "no file: the defaults")
        var query = QueueQuery(status: .all, sort: .stage)
        query.tag = "safety"
        query.stage = .orderWithChange
        query.due = .thisWeek
        query.search = "not remembered"
        try ViewPreferences(queue: query).save(to: path)
        var expected = query
        expected.search = ""
        #expect(ViewPreferences.load(from: path).queue == expected)
        try FileText.write("{ not json", to: path)
        #expect(ViewPreferences.load(from: path) == ViewPreferences(), "a damaged file: the defaults")
    }

    @Test func ownersFilterAndSearchTheQueue() {
        var mine = QueueQuery()
        mine.owner = "MAYA"
        #expect(ids(mine) == [1, 3, 4, 5], "any of an order's owners, in any case")
        #expect(search("jon") == [8, 7, 2, 4])
        #expect(QueueQuery().isFiltered == false && mine.isFiltered)
        #expect(mine.filterDescriptions(in: document) == ["owner: MAYA"])
    }
}

@Suite struct StandupTests {
    let report = StandupReport(Fixture.demo, today: Fixture.today)

    @Test func theLastWorkingDaySkipsTheWeekend() throws {
        let monday = try #require(CalendarDay(iso: "2026-11-23"))
        #expect(StandupReport.lastWorkingDay(before: monday).description == "2026-11-20")
        #expect(StandupReport.lastWorkingDay(before: monday.adding(days: 2)).description == "2026-11-24")
        #expect(StandupReport.lastWorkingDay(before: monday.adding(days: 6)).description == "2026-11-27")
    }

    @Test func theFiguresForAKnownDay() {
        #expect(report.since.description == "2026-11-24")
        #expect(report.open.count == 9)
        #expect(report.overdue.map(\.id) == [8, 1])
        #expect(report.dueThisWeek.map(\.id) == [7, 2, 3])
        #expect(report.ticks.count == 7)
        #expect(report.ticks.allSatisfy { $0.section == .sureThing })
        #expect(report.stageMoves.map(\.stakeholder) == ["Marco Silva"])
        #expect(report.touchpointsDue.map(\.stakeholder) == ["Aiko Tanaka", "Marco Silva"],
                "Aiko's is overdue, Samuel's a week away")
        #expect(report.sectionCompletion.map(\.progress.description) == ["13/27", "7/27", "4/27", "10/27"])
        #expect(report.neglectedSection == .surpriseAndDelight)
        #expect(report.spectrum.map(\.count) == [2, 1, 1, 1, 1])
        let november = report.trend.last
        #expect(november?.month.description == "2026-11")
        #expect(november.map { [$0.transactional, $0.collaborative, $0.earlyInvolvement] } == [6, 2, 0])
        #expect(report.trend.count == 6)
    }

    @Test func ticksCountFromTheDayGiven() throws {
        let sinceLastWeek = StandupReport(Fixture.demo, today: Fixture.today, since: Fixture.today.adding(days: -7))
        #expect(sinceLastWeek.ticks.count > report.ticks.count)
        #expect(sinceLastWeek.ticks.map(\.at) == sinceLastWeek.ticks.map(\.at).sorted(by: >), "newest first")
    }

    @Test func textForAChat() {
        let text = report.text
        #expect(text.hasPrefix("Stand-up 2026-11-25\n\nQueue\n  9 open · 2 overdue · 3 due this week · 7 steps ticked since Nov 24\n"))
        #expect(text.contains("""

            Overdue
              #8 due Nov 20 · 4S 2/12 · Picking-error coaching for shift leads (Marco Silva)
              #1 due Nov 23 · 4S 1/12 · One-hour time-management workshop (Dana Okafor)

            """))
        #expect(text.contains("  Surprise and Delight ▰▱▱▱▱▱▱▱ 4/27 ← least done\n"))
        #expect(text.contains("  Marco Silva, Nov 27: Walk the warehouse floor together\n"))
        #expect(!text.contains("0 / 0 / 0"), "months with no orders are left out")
        #expect(report.trend.contains { $0.transactional + $0.collaborative + $0.earlyInvolvement == 0 },
                "there are such months in the demo")
    }

    @Test func markdownForAChat() {
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# Stand-up 2026-11-25\n\n## Queue\n\n- 9 open"))
        #expect(markdown.contains("## Due this week\n\n- #7 Nov 26 · 4S 0/12 · Objection-handling e-learning (Dana Okafor)\n"))
        #expect(markdown.contains("## Stakeholders on the spectrum\n\n- 1 Order taker         2   ■■■■■■■■■■\n"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        guard case .object(let root) = report.json else { Issue.record("not an object"); return }
        #expect(Set(root.memberNames) == ["date", "since", "open", "overdue", "dueThisWeek", "ticked", "stageMoves",
                                           "touchpointsDue", "sections", "leastDone", "spectrum", "arrivals", "people",
                                           "followUpDays", "notInTouch", "valueDelivered", "types"])
        #expect(root["leastDone"] == .string("surpriseAndDelight"))
        guard case .array(let overdue) = root["overdue"], case .object(let first) = overdue.first else {
            Issue.record("overdue is not a list of objects")
            return
        }
        #expect(first["id"] == .number(8))
        #expect(first["due"] == .string("2026-11-20"))
        #expect(first["done"] == .number(2) && first["total"] == .number(12))
        // It reads back as JSON.
        #expect(try JSONReader.parse(JSONWriter.bytes(for: report.json)) == report.json)
    }

    @Test func theStandupGroupsByPersonAndListsWhoIsDueAndWhoIsQuiet() {
        #expect(report.people.map(\.name) == ["jon", "maya"])
        #expect(report.people.map(\.ticked) == [2, 5])
        #expect(report.people.map { $0.due.map(\.id) } == [[8, 7, 2], [1, 3]])
        var unowned = Fixture.demo
        unowned.updateOrder(id: 7) { $0.owners = [] }
        let people = StandupReport(unowned, today: Fixture.today).people
        #expect(people.last.map { [$0.name, "\($0.due.map(\.id))"] } == ["", "[7]"], "orders nobody owns come last")
        #expect(StandupReport(unowned, today: Fixture.today).text.contains("  no owner: 0 ticked · due #7 Nov 26\n"))

        #expect(report.followUpDays == 30)
        #expect(report.quiet.map(\.stakeholder) == ["Dana Okafor"] && report.quiet[0].lastContact == nil)
        var strict = Fixture.demo
        strict.settings.followUpDays = 2
        let quiet = StandupReport(strict, today: Fixture.today).quiet
        #expect(quiet.map(\.stakeholder) == ["Dana Okafor", "Chloé Martin", "Marco Silva"], "never first, then the longest quiet")
        #expect(quiet.last?.lastContact?.description == "2026-11-23")
    }

    @Test func valueAddsUpOverTheOrdersDeliveredThisMonthAndQuarter() {
        var document = Fixture.demo
        // Delivered in October: in the quarter, not the month; a closed order saves nothing.
        document.updateOrder(id: 11) { order in
            order.closedOn = CalendarDay(iso: "2026-10-30")
            order.value = ValueEstimate(hoursSavedPerPerson: 0.5, people: 10)
        }
        document.updateOrder(id: 6) { order in
            order.status = .closed
            order.closedOn = Fixture.today
            order.value = ValueEstimate(hoursSavedPerPerson: 100, people: 100, costPerHour: 100)
        }
        let value = StandupReport(document, today: Fixture.today).value
        #expect(value.map(\.period) == ["Nov 2026", "Q4 2026"])
        #expect(value.map(\.delivered) == [1, 2])
        #expect(value.map(\.hoursSaved) == [120, 125])
        #expect(value.map(\.saving) == [5_400, 5_400], "an estimate without a cost per hour adds hours, not money")
        #expect(StandupReport(document, today: Fixture.today).text.contains("""

            Value delivered
              Nov 2026: 1 delivered · 120 h and 5,400 saved (estimates on 1)
              Q4 2026: 2 delivered · 125 h and 5,400 saved (estimates on 2)

            """))
    }
}

@Suite struct StakeholderBriefTests {
    @Test func aBriefShowsNothingFromTheStoreRawOnATerminal() throws {
        var document = Fixture.demo
        let hostile = "\u{1B}]0;pwned\u{07} \u{1B}[31mred \u{9B}31m"
        document.updateStakeholder(id: "lena-brandt") { $0.name += hostile; $0.role = hostile }
        let person = try #require(document.stakeholder(id: "lena-brandt"))
        let brief = StakeholderBrief(person, in: document)
        for text in [brief.text, brief.markdown] {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(text)")
            #expect(text.contains("\\x1b]0;pwned"))
        }
        #expect(brief.open.map(\.id) == [4] && brief.done.map(\.id) == [10] && brief.insights.count == 1)
    }

    /// Printed, a brief with no notes offers no dashboard key; the dashboard says its own.
    @Test func aBriefWithoutNotesSaysHowToAddOneOnlyWhereItIsShown() throws {
        let dana = try #require(Fixture.demo.stakeholders.first { $0.name == "Dana Okafor" })
        let printed = StakeholderBrief(dana, in: Fixture.demo).text
        #expect(printed.contains("no notes yet\n") && !printed.contains("adds one"), "\(printed)")
        #expect(StakeholderBrief(dana, in: Fixture.demo, addingNotes: "n adds one").text.contains("no notes yet: n adds one"))
    }
}
