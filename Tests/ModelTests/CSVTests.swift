@testable import Model
import TestSupport
import Testing

@Suite struct CSVTests {
    /// What a CSV text reads as: its records, or the row whose quote never closes.
    enum Reading: Equatable {
        case records([[String]])
        case unclosedQuote(row: Int)
    }

    /// Reads a whole text as the import does, a comma between fields.
    static func decode(_ text: String) -> Reading {
        var reader = CSVReader(separator: UInt8(ascii: ","))
        do {
            return .records(try reader.read(Array(text.utf8)) + reader.finish())
        } catch {
            guard case .unclosedQuote(let row) = error else { return .records([]) }
            return .unclosedQuote(row: row)
        }
    }

    @Test func whatIsWrittenReadsBackFieldForField() {
        let rows = [["plain", "with, comma", "with \"quotes\"", ""], ["two\nlines", "crlf\r\ninside", "café ✓", "x"]]
        let text = String(decoding: CSVText.encode(columns: ["a", "b", "c", "d"], rows: rows, byteOrderMark: false), as: UTF8.self)
        #expect(Self.decode(text) == .records([["a", "b", "c", "d"]] + rows))
    }

    @Test func lineEndsBlankLinesAndStrayQuotes() {
        #expect(Self.decode("a,b\r\n1,2\r3,4\n\n5,\"\"\n") == .records([["a", "b"], ["1", "2"], ["3", "4"], [""], ["5", ""]]))
        #expect(Self.decode("a,b") == .records([["a", "b"]]), "no line break at the end")
        #expect(Self.decode("") == .records([]))
        #expect(Self.decode("5\" screen,\"said \"\"hi\"\"\"\n") == .records([["5\" screen", "said \"hi\""]]))
    }

    @Test func aQuoteThatNeverClosesNamesItsRow() {
        #expect(Self.decode("title\nfine\n\"open,x\nmore\n") == .unclosedQuote(row: 3))
        #expect(Self.decode("\"a\nb\",c\n\"d") == .unclosedQuote(row: 2), "a quoted line break stays in its row")
    }
}

/// What goes out of the store as CSV and comes back in: every column an export writes is
/// read by the import into the same value.
@Suite struct CSVExchangeTests {
    /// Rows as the import reads a file's bytes.
    static func read(_ bytes: [UInt8]) throws -> [[String]] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var reader = CSVReader(separator: CSVReader.separator(of: body))
        return try reader.read(body) + reader.finish()
    }

    @Test func everyFieldOfAnOrderComesBackFromItsCSV() throws {
        var document = Fixture.demo
        document.updateOrder(id: 2) { order in
            order.title = "=HYPERLINK(\"https://example.test\")"
            order.request = " +1 for the new line\nand a second one"
            order.audience = "＝ full-width sign"
            order.audienceSize = 25
            order.due = CalendarDay(iso: "2027-01-31")
            order.priority = .low
            order.status = .delivered
            order.tags = ["safety", "video"]
            order.owners = ["ana", "ben"]
            order.arrival = .earlyInvolvement
            order.businessProblem = "-5 incidents a month"
            order.decision = .redirected
            order.decisionReason = "'=already an apostrophe"
            order.closingNote = "@team: done"
            order.closedOn = CalendarDay(iso: "2027-01-30")
            order.measurement = Measurement(metric: "Incidents", baseline: "14", target: "under 8", result: "6")
            order.value = ValueEstimate(hoursSavedPerPerson: 1.5, people: 120, costPerHour: 38.25)
            order.sourceID = "REQ-7"
            order.followUpOf = 1
        }
        let order = try #require(document.order(id: 2))
        let bytes = CSVText.encode(columns: OrderExchange.orderColumns, rows: [OrderExchange.orderRow(order, in: document)])
        let rows = try Self.read(bytes)
        let plan = try IntakeImport(headings: rows[0]).plan(rows: Array(rows.dropFirst()), into: StoreDocument(), now: Fixture.now,
                                                            user: "ana", dateOrder: nil)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let imported = try #require(plan.orders.first)
        #expect(imported.id == order.id)
        var (sent, back) = (JSONObject(), JSONObject())
        OrderDetails.table.write(order.details, into: &sent)
        OrderDetails.table.write(imported.details, into: &back)
        for field in OrderDetails.table.fields.map(\.name) {
            if OrderColumn.all.contains(where: { $0.field == field }) {
                #expect(back[field] == sent[field], "\(field) comes back as it went")
            } else {
                #expect(OrderColumn.notCarried[field] != nil, "\(field) is neither in a column nor said to be left out")
            }
        }
        for section in ChecklistSection.allCases {
            #expect(imported.checklist.progress(of: section).done == order.checklist.progress(of: section).done)
        }
    }

    @Test(arguments: ["=1+1", " =1+1", "\n=1+1", "＝1+1", "+1", "-x", "@SUM(A1)", "\tx", "'=1", "''=1", "＋1", "　=1"])
    func aFormulaIsGuardedOnTheWayOutAndTheGuardTakenOffOnTheWayIn(text: String) throws {
        let cell = try #require(try Self.read(CSVText.encode(columns: ["a"], rows: [[text]], byteOrderMark: false)).last?.first)
        #expect(cell.hasPrefix("'"), "a spreadsheet would run \(text.debugDescription)")
        #expect(CSVText.unguarded(cell) == text)
    }

    @Test(arguments: ["-12.5", "plain", "it's fine", "'quoted'", "a = b"])
    func textThatIsNoFormulaGoesAsItIs(text: String) throws {
        let cell = try #require(try Self.read(CSVText.encode(columns: ["a"], rows: [[text]], byteOrderMark: false)).last?.first)
        #expect(cell == text && CSVText.unguarded(cell) == text)
    }

    @Test func aSheetSeparatedBySemicolonsOrTabsReadsAsOneSeparatedByCommas() throws {
        let comma = try Self.read(Array("Timestamp,Requester,Course name\r\n25/11/2026,Dana,\"Excel; pivots\"\r\n".utf8))
        let semicolon = try Self.read(Array("\u{FEFF}Timestamp;Requester;Course name\r\n25/11/2026;Dana;\"Excel; pivots\"\r\n".utf8))
        let tab = try Self.read(Array("Timestamp\tRequester\tCourse name\n25/11/2026\tDana\tExcel; pivots\n".utf8))
        #expect(comma == semicolon && semicolon == tab)
        #expect(comma == [["Timestamp", "Requester", "Course name"], ["25/11/2026", "Dana", "Excel; pivots"]])
        let intake = try IntakeImport(headings: comma[0])
        #expect(intake.columns[.title] == 2, "Course name is a title")
    }

    @Test func aHugeCellIsRefusedWhereItIsMetWithoutReadingOn() {
        var reader = CSVReader(separator: UInt8(ascii: ","), longestField: 40_000)
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
        #expect(throws: CSVReader.Failure.fieldTooLong(row: 2, limit: 40_000)) {
            _ = try reader.read(Array("title,stakeholder\n".utf8))
            for _ in 0..<16_384 { _ = try reader.read(chunk) }
        }
    }

    @Test func headingsThatRepeatOrNameNothingAreRefusedWithTheReason() {
        #expect(throws: IntakeError.headings("columns 1 and 3 are both headed “title”; rename one so that each heading says what its column holds")) {
            _ = try IntakeImport(headings: ["Title", "Requester", "title"])
        }
        do {
            _ = try IntakeImport(headings: ["Timestamp|Requester|Course"])
            Issue.record("a sheet with no title column is refused")
        } catch {
            #expect(error.message.contains("no column holds the title"))
        }
        #expect(throws: IntakeError.self) { _ = try IntakeImport(headings: ["Title", "Requester"], mapping: ["Course": "title"]) }
    }

    @Test func rowsARepeatedTitleOfNothingAndAThirteenthMonthAreReported() throws {
        let intake = try IntakeImport(headings: ["title", "stakeholder", "due"])
        let plan = intake.plan(rows: [["Excel", "Dana", ""], ["\u{0}\u{200B} ", "Dana", ""], ["Excel", "Dana", ""],
                                      ["Pivots", "Dana", "2026-13-01"]],
                               into: StoreDocument(), now: Fixture.now, user: "ana", dateOrder: nil)
        #expect(plan.orders.map(\.title) == ["Excel"])
        #expect(plan.repeated.map { [$0.row, $0.of] } == [[4, 2]])
        #expect(plan.problems.map(\.row) == [3, 5])
        #expect(plan.problems.first?.reason.contains("no character that shows") == true)
        #expect(plan.problems.last?.reason == "due “2026-13-01” is not a day of the calendar (year, month, day)")
    }
}
