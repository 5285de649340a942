@testable import Model
import TestSupport
import Testing

@Suite struct ReportTests {
    /// The demo, with a touchpoint missed and decisions taken, over June to the demo's day.
    let document: StoreDocument = {
        var document = Fixture.demo
        document.updateStakeholder(id: "chloe-martin") { chloe in
            chloe.nextTouchpoint = Touchpoint(on: Fixture.today.adding(days: -40), purpose: "Budget review")
        }
        document.updateOrder(id: 6) { $0.decision = .redirected }
        document.updateOrder(id: 9) { $0.decision = .declined }
        return document
    }()
    var from: CalendarDay { CalendarDay(iso: "2026-06-01")! }
    var report: PartnershipReport { PartnershipReport(document, from: from, to: Fixture.today) }

    @Test func theFiguresOfAKnownPeriod() {
        let report = self.report
        #expect(report.spectrum.map(\.month.description) == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        // Samuel became a strategic partner in September, Lena trusted in October, Aiko a
        // collaborator and Marco an order with a change in November; each stood a stage
        // lower before, since a day the store does not say. Dana and Chloé never moved: they
        // count from their first order, Chloé's on Oct 21, Dana's on Nov 16.
        #expect(report.spectrum.map(\.counts) == [[1, 1, 1, 1, 0], [1, 1, 1, 1, 0], [1, 1, 1, 1, 0], [1, 1, 1, 0, 1],
                                                  [2, 1, 0, 1, 1], [2, 1, 1, 1, 1]])
        #expect(report.arrivals.suffix(2).map { [$0.transactional, $0.collaborative, $0.earlyInvolvement] } == [[2, 0, 1], [6, 2, 0]])
        #expect(report.earlyShare == 1.0 / 11)
        #expect(report.sections.map(\.progress.description) == ["17/33", "11/33", "7/33", "14/33"])
        #expect(report.neglectedSection == .surpriseAndDelight)
        #expect(report.delivered.map(\.id) == [10, 11] && report.hoursSaved == 120 && report.saving == 5_400)
        #expect(report.moves.map(\.stakeholder) == ["Samuel Reyes", "Lena Brandt", "Aiko Tanaka", "Marco Silva"])
        #expect(report.moves.filter(\.isUp).count == 4)
        #expect(report.touchpoints.map { "\($0.stakeholder) \($0.kept)" } == ["Chloé Martin false", "Aiko Tanaka true"])
        #expect(report.decisions.map(\.count) == [8, 1, 0, 1, 1])
        #expect(report.notYesShare == 2.0 / 3)
        #expect(report.threeRs.first { $0.stakeholder == "Lena Brandt" }.map { [$0.rapport, $0.reputation, $0.relationships] }
            == [3, 3, 2])
    }

    @Test func theStandupAndTheReportNeverDisagree() {
        let standup = StandupReport(document, today: Fixture.today)
        let months = Trends.Month.last(6, endingWith: Trends.Month(Fixture.today))
        let report = PartnershipReport(document, from: months[0].first, to: Fixture.today)
        #expect(standup.trend == report.arrivals)
        #expect(standup.spectrum.map(\.count) == report.spectrum.last?.counts)
    }

    @Test func theHeadlinesStandBesideThePeriodBefore() throws {
        // From June 1 to Nov 25: every demo order came in (11, one as early involvement; the
        // 4S: 17 + 11 + 7 + 14 of 4 × 33 steps), two were delivered with 5,400 saved, and four
        // stakeholders moved up. The 178 days before hold nothing.
        #expect(report.headlines.map { [$0.figure, $0.now, $0.before] } == [
            ["Orders received", "11", "0"], ["Early involvement", "9%", "—"], ["4S completion", "37%", "—"],
            ["Value delivered", "5,400 saved", "none shown"], ["Moves toward partnership", "4 up, 0 back", "0 up, 0 back"],
        ])
        #expect(report.markdown.contains("## The period at a glance\n\nEach figure beside the same one for the period before, "
                                         + "2025-12-05 to 2026-05-31."))
        #expect(report.html.contains("<dd class=\"now\">5,400 saved</dd><dd class=\"before\">none shown the period before</dd>"))
    }

    @Test func longListsAreSummedAndNoLabelIsCut() throws {
        // Thirty deliveries: the page lists the 25 most recent and sums the 5 before them.
        var busy = document
        for index in 0..<28 {
            var details = OrderDetails(title: "Delivery \(index) of a long series of workshops", stakeholderID: "dana-okafor",
                                       received: Fixture.today.adding(days: -60))
            details.status = .delivered
            details.closedOn = Fixture.today.adding(days: -40 + index)
            details.value = ValueEstimate(hoursSavedPerPerson: 1, people: 10, costPerHour: nil)
            busy.add(TrainingOrder(id: 100 + index, details: details, checklist: busy.template))
        }
        let long = PartnershipReport(busy, from: from, to: Fixture.today)
        #expect(long.delivered.count == 30)
        let rows = long.deliveredTable.rows
        #expect(rows.count == 26 && rows[0][0] == "5 more, delivered earlier" && rows[0][7] == "50")
        guard case .object(let json) = long.json, case .array(let all)? = json["delivered"] else { throw TestFailure("no list") }
        #expect(all.count == 30, "the JSON lists every one")
        // A title wraps at its words inside the chart's label room; nothing of it is lost.
        #expect(SVGChart.wrapped("#10 Code review habits workshop", width: 26) == ["#10 Code review habits", "workshop"])
        #expect(SVGChart.wrapped("Supercalifragilisticexpialidocious-training", width: 26)
                == ["Supercalifragilisticexpial", "idocious-training"])
        #expect(report.html.contains(">#10 Code review habits</text>") && report.html.contains(">workshop</text>"))
    }

    @Test func theStandupBreaksTheOpenOrdersDownByType() {
        let rows = StandupReport(document, today: Fixture.today).types.rows
        // The demo's open orders of the store's template are #1, #2, #6, #7, #8 and #9, with
        // 1, 6, 0, 0, 2 and 1 of their 12 steps ticked; one order open of each type.
        #expect(rows.map(\.name) == ["Standard", "Compliance refresher", "Onboarding programme", "Leadership course"])
        #expect(rows.map(\.open) == [6, 1, 1, 1])
        #expect(rows.first?.openProgress == Progress(done: 10, total: 72))
        let block = StandupReport(document, today: Fixture.today).blocks.first { $0.title.hasPrefix("By order type") }
        #expect(block?.lines.last == "Leadership course    ▰▰▰▰▱▱ 8/12   1 open · 0 came in")
        // A store with no types says nothing of them.
        var plain = document
        plain.orderTypes = []
        for order in plain.orders { plain.updateOrder(id: order.id) { $0.details.type = "" } }
        #expect(StandupReport(plain, today: Fixture.today).types.rows.isEmpty)
    }

    @Test func tablesForMarkdownAndJSON() throws {
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# Learning & Development: the partnership story, 2026-06-01 to 2026-11-25\n"))
        #expect(markdown.contains("| Month | Request | Conversation | Early | Early share |\n| --- | --- | --- | --- | --- |\n"))
        #expect(markdown.contains("| Oct 2026 | 2 | 0 | 1 | 33% |\n"))
        guard case .object(let root) = report.json else { throw TestFailure("not an object") }
        #expect(Set(root.memberNames) == ["store", "from", "to", "spectrum", "arrivals", "earlyShare", "sections", "leastDone",
                                           "delivered", "hoursSaved", "saving", "moves", "touchpoints", "threeRs", "decisions",
                                           "notYesShare", "ledToFollowUp", "types", "headline", "teams"])
        // Per order type: what arrived in the period and its 4S, what is open, what was delivered.
        #expect(markdown.contains("## By order type\n"))
        // #5 has 3 + 2 + 1 + 2 of 12 steps ticked; #3 and #11, 6 and 3 of 12, one delivered.
        #expect(markdown.contains("| Leadership course | 1 | 8 of 12 | 67% | 1 | 0 |\n"))
        #expect(markdown.contains("| Compliance refresher | 2 | 9 of 24 | 38% | 1 | 1 |\n"))
        #expect(root["saving"] == .number(5_400))
        #expect(root["ledToFollowUp"] == .number(0))
        // A delivered order that led to another is counted, and names it.
        var followed = document
        var next = followed.followUpDraft(of: try #require(followed.order(id: 10)), on: Fixture.today, by: "maya")
        next.title = "Feedback workshop"
        followed.add(TrainingOrder(id: 12, details: next, checklist: followed.template))
        let report = PartnershipReport(followed, from: from, to: Fixture.today)
        #expect(report.ledToFollowUp == 1 && report.delivered.first { $0.id == 10 }?.followUps == [12])
        #expect(report.markdown.contains("1 of them led to a follow-up order"))
    }

    @Test func anEmptyStoreAndAOnePersonStoreMakeSensiblePages() throws {
        let empty = PartnershipReport(StoreDocument(), from: from, to: Fixture.today)
        let page = empty.html
        #expect(!page.contains("<svg"), "no empty chart frames")
        #expect(page.components(separatedBy: "Nothing in this period.").count - 1 == 8)
        var one = StoreDocument(name: "Solo")
        one.add(Stakeholder(id: "dana", name: "Dana <b>Okafor</b>"))
        let solo = PartnershipReport(one, from: from, to: Fixture.today)
        #expect(solo.html.contains("<h1>Solo: the partnership story</h1>"))
        #expect(solo.html.contains("Dana &lt;b&gt;Okafor&lt;/b&gt;"), "text from the store is escaped")
        #expect(solo.spectrum.last?.counts == [1, 0, 0, 0, 0])
    }

    @Test func thePageIsWellFormedAndSelfContained() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("report.html")
        let page = report.html
        try UserFile.write(page, to: path)
        // An independent parser: Python's XML reader, which refuses anything not well formed.
        let parsed = Command.run(["/usr/bin/env", "python3", "-c",
                                  "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); "
                                      + "print(len(r.findall('.//{http://www.w3.org/2000/svg}svg')))", path])
        #expect(parsed.status == 0, "python3 is needed to check the page: \(parsed.output)")
        #expect(parsed.output == "8\n", "a chart for each section with figures")
        for fetched in ["<script", "http://", "https://", "@import", "url("] where fetched != "http://" {
            #expect(!page.contains(fetched), "nothing is fetched or run: \(fetched)")
        }
        #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        #expect(page.contains("prefers-color-scheme:dark") && page.contains("@media print"))
        // Every chart has its table; the order types' stands alone.
        #expect(page.components(separatedBy: "<table>").count - 1 == 9, "every chart has its table")
        #expect(page.contains("<h2>By order type</h2>"))
    }
}
