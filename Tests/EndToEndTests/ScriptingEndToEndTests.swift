import Model
import TestSupport
import Testing
import Glibc

extension EndToEnd {
    /// Every scripting command on a real file, through the built binary: what it prints,
    /// its exit status, and what the store file holds afterwards.
    @Suite struct ScriptingEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        private func document() throws -> StoreDocument { try #require(try Store.readForMerge(path: store)) }

        /// A listing reads only the open orders of a file this machine knows, `show` the order
        /// with those it links to, and the calendar the open orders; each prints what a fours
        /// that reads the whole file (knowing nothing of it) prints.
        @Test func commandsReadingPartOfTheFilePrintWhatAWholeReadPrints() throws {
            // #12 follows up #3, and #13 follows up #12: a save, so the file is known sound here.
            #expect(run("follow-up", "3").status == 0 && run("follow-up", "12").status == 0)
            #expect(run("show", "12").output.contains("Led to #13"))
            let commands = [["list", "--sort", "progress"], ["list", "--json"], ["list", "--status", "all"], ["list", "--search", "coaching"],
                            ["show", "12"], ["show", "3"], ["show", "13", "--json"], ["show", "5"], ["calendar"]]
            // All here first: a fours elsewhere keeps its version of the file by a second name
            // for it, which changes its status, and this machine would then read it whole.
            let here = commands.map { demo.run($0) }
            let whole = commands.enumerated().map { index, arguments in
                var knowingNothing = environment
                knowingNothing["XDG_STATE_HOME"] = folder.file("fresh-state-\(index)")
                return Command.run([fours] + arguments, environment: knowingNothing)
            }
            for (arguments, (part, all)) in zip(commands, zip(here, whole)) {
                let (read, expected) = (Self.lines(part.output), Self.lines(all.output))
                #expect(part.status == 0 && !read.isEmpty && read == expected, "\(arguments)")
            }
        }

        /// The lines of a command's output, but for the moment a calendar file was made.
        private static func lines(_ output: String) -> [Substring] {
            output.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("DTSTAMP") }
        }

        @Test func readingCommandsPrintTablesAndJSON() throws {
            let list = run("list", "--stakeholder", "marco")
            #expect(list.status == 0)
            #expect(list.output.hasPrefix("ID  Title                                   Stakeholder  Due         4S    Status\n"))
            #expect(list.output.contains("#8  Picking-error coaching for shift leads  Marco Silva  ")
                        && list.output.contains("  2/12  in progress\n"))
            #expect(list.output.split(separator: "\n").count == 3)
            let json = run("list", "--overdue", "--json")
            guard case .array(let orders) = try JSONReader.parse(Array(json.output.utf8)) else { throw TestFailure("not a list") }
            #expect(orders.count == 2)
            let show = run("show", "#1")
            #expect(show.output.contains("  1   [x] Asked partner questions about the business problem"))
            #expect(show.output.contains("  12  [ ] Planned the next touchpoint with them"))
            #expect(run("list", "--due-within", "7d").output.split(separator: "\n").count == 6, "two overdue, three due in the week")
            let people = run("stakeholders", "--json")
            guard case .array(let stakeholders) = try JSONReader.parse(Array(people.output.utf8)) else { throw TestFailure("not a list") }
            #expect(stakeholders.count == 6)
        }

        @Test func changingCommandsSaveThroughTheStoreAndSayWhatTheyDid() throws {
            #expect(run("tick", "1", "success looks like").output == "Ticked “Agreed with them what success looks like” on #1 (2/12 done)\n")
            #expect(run("tick", "1", "sure:1").status == 0)
            #expect(run("untick", "#1", "1").output.hasPrefix("Unticked “Asked partner questions"))
            var order = try #require(try document().order(id: 1))
            #expect(order.checklist[.shiftMindset].map { $0.tick?.by } == [nil, "ana", nil])
            #expect(order.checklist[.sureThing][0].tick?.by == "ana")

            #expect(run("stage", "dana", "up", "--note", "asked us in early").output == "Dana Okafor: Order taker → Order with a change\n")
            #expect(run("stage", "marco", "4").status == 0)
            #expect(try document().stakeholder(id: "dana-okafor")?.stageHistory.last?.note == "asked us in early")
            #expect(run("note", "7", "They", "track", "it", "weekly").output == "Noted on #7\n")
            #expect(run("note", "--stakeholder", "chloé", "Budget season starts in March").status == 0)
            #expect(try document().order(id: 7)?.notes.last.map { [$0.by, $0.text] } == ["ana", "They track it weekly"])

            let added = run("add", "--title", "Sales pilot", "--stakeholder", "Nora New", "--due", "2026-12-24",
                            "--tags", "pilot, sales", "--json")
            guard case .object(let json) = try JSONReader.parse(Array(added.output.utf8)) else { throw TestFailure(added.output) }
            #expect(json["id"] == .number(12) && json["owners"] == .array([.string("ana")]))
            #expect(run("edit", "12", "--priority", "high", "--title", "Sales pilot, second run").output
                        == "Changed #12: title, priority\n")
            order = try #require(try document().order(id: 12))
            #expect(order.title == "Sales pilot, second run" && order.priority == .high && order.tags == ["pilot", "sales"])
            #expect(try document().stakeholder(id: order.stakeholderID)?.name == "Nora New")
            #expect(run("close", "12", "--note", "pilot done").output == "Marked #12 delivered with 12 4S steps open\n")
            #expect(try document().order(id: 12)?.closingNote == "pilot done")
            #expect(run("reopen", "12").status == 0)
            let refused = run("delete", "12")
            #expect(refused.status == 1 && refused.output.contains("needs --yes when no one is at a terminal"))
            #expect(run("delete", "12", "--yes").status == 0)
            #expect(try document().order(id: 12) == nil)
            // Who did what goes to the activity log, as in the dashboard.
            #expect(try document().activity.map(\.what).contains("edited #12: title, priority"))
        }

        @Test func aCommandsChangeShowsInAnOpenDashboard() throws {
            let session = try openedDashboard()
            /// The row of #7, whatever day it is due.
            func rowOfSeven(_ screen: String) -> Substring? { screen.split(separator: "\n").first { $0.contains("#7 ") } }
            #expect(rowOfSeven(session.screen())?.contains("▱▱▱ ▱▱▱ ▱▱▱ ▱▱▱") == true)
            #expect(run("tick", "7", "1").status == 0)
            try session.waitFor("Reloaded: the store was changed elsewhere")
            try session.waitUntil("the first step of #7 ticked in its row") { rowOfSeven($0)?.contains("▰▱▱ ▱▱▱ ▱▱▱ ▱▱▱") == true }
            session.send("q")
            #expect(try session.exitStatus() == 0)
        }

        @Test func undoTakesBackYourLastChangeUnlessSomeoneChangedItSince() throws {
            #expect(run("undo").output.contains("nothing to undo: ana made no change with fours commands"))
            #expect(run("tick", "1", "2").status == 0)
            #expect(run("add", "--title", "Sales pilot", "--stakeholder", "Nora New").status == 0)
            #expect(run("stage", "dana", "up").status == 0)
            #expect(run("undo").output == "Undid: moved a stakeholder to Order with a change\n")
            #expect(try document().stakeholder(id: "dana-okafor").map { [$0.stage.rawValue, $0.stageHistory.count] } == [1, 0])
            #expect(run("undo").output.hasPrefix("Undid: added the stakeholder Nora New; added #12"))
            #expect(try document().order(id: 12) == nil && document().stakeholders.count == 6)
            // Someone else ticks another step of #1: ana's tick is no longer hers alone to take back.
            var ben = environment
            ben["FOURS_USER"] = "ben"
            #expect(Command.run([fours, "tick", "1", "3"], environment: ben).status == 0)
            let refused = run("undo")
            #expect(refused.status == 1 && refused.output.contains("order #1 has changed since"), "\(refused.output)")
            #expect(try document().order(id: 1)?.checklist[.shiftMindset].map { $0.tick?.by } == ["maya", "ana", "ben"])
            #expect(Command.run([fours, "undo"], environment: ben).output == "Undid: ticked a step of #1\n")
            #expect(run("undo").output == "Undid: ticked a step of #1\n")
            #expect(try document().order(id: 1)?.checklist[.shiftMindset].map { $0.tick?.by } == ["maya", nil, nil])
        }

        @Test func mistakesSayWhatToDo() {
            let unknown = run("show", "99")
            #expect(unknown.status == 1 && unknown.output == "fours: there is no order #99; fours list shows the orders\n")
            let ambiguous = run("stage", "a", "up")
            #expect(ambiguous.status == 1 && ambiguous.output.contains("could be Dana Okafor, Marco Silva, Aiko Tanaka"))
            let step = run("tick", "1", "success")
            #expect(step.status == 0, "a unique part of the step's text")
            let vague = run("tick", "1", "the")
            #expect(vague.status == 1 && vague.output.contains("use the step's number"))
            let usage = run("tick", "1")
            #expect(usage.status == 64, "a usage error is EX_USAGE, as argument-parser gives it")
            let top = run("stage", "samuel", "up")
            #expect(top.status == 1 && top.output.contains("the top of the spectrum"))
            #expect(run("edit", "1").status == 64)
        }

        @Test func exportReadsBackInASpreadsheetsCSVReaderCellForCell() throws {
            let hostile = "=HYPERLINK(\"http://x\",\"click\")"
            #expect(run("edit", "3", "--title", hostile, "--problem", "Line one\nline \"two\", with a comma").status == 0)
            let csv = folder.file("orders.csv")
            #expect(run("export", "--out", csv).status == 0)
            let bytes = Array((FileText.read(csv) ?? "").utf8)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "the byte-order mark spreadsheets need for accents")
            // Python's csv module follows the spreadsheet dialect; it reads the file independently.
            let read = Command.run(["/usr/bin/env", "python3", "-c",
                                    "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))",
                                    csv])
            #expect(read.status == 0, "python3 is needed for this check: \(read.output)")
            guard case .array(let rows) = try JSONReader.parse(Array(read.output.utf8)) else { throw TestFailure(read.output) }
            let document = try document()
            let expected = [OrderExchange.orderColumns] + document.orders.map { OrderExchange.orderRow($0, in: document) }
            #expect(rows.count == expected.count)
            for (row, wanted) in zip(rows, expected) {
                guard case .array(let cells) = row else { continue }
                let texts = cells.map { cell -> String in if case .string(let text) = cell { text } else { "" } }
                let neutral = wanted.map { $0.hasPrefix("=") ? "'" + $0 : $0 }
                #expect(texts == neutral)
            }
            #expect(FileText.read(csv)?.contains("'=HYPERLINK") == true, "a formula is written as text")
            let markdown = run("export", "--stakeholders", "--format", "markdown")
            #expect(markdown.output.hasPrefix("| id | name | role |"))
        }

        @Test func aDepartmentsStoresAreListedStoodUpAndReportedTogether() throws {
            // A second team's store with the same numbers; a third that is not there.
            let sales = folder.file("sales.json")
            #expect(run("demo", "--store", sales).status == 0)
            #expect(run("edit", "8", "--title", "Sales pipeline coaching", "--store", sales).status == 0)
            let missing = folder.file("gone.json")
            let listed = run("list", "--store", store, "--store", missing, "--store", sales, "--overdue")
            #expect(listed.status == 0 && listed.output.contains("there is no store at \(missing); the others are shown"))
            let rows = listed.output.split(separator: "\n").filter { $0.contains("#8 ") }
            #expect(rows.count == 2 && rows.contains { $0.contains("Sales pipeline coaching") }
                        && rows.contains { $0.contains("Picking-error coaching for shift leads") }, "\(listed.output)")

            // The stand-up together, each order named by its store, then each team's.
            var department = environment
            department["FOURS_STORES"] = "\(store):\(sales)"
            department["FOURS_STORE"] = nil
            let standup = Command.run([fours, "standup"], environment: department)
            #expect(standup.output.contains("store#8 due") && standup.output.contains("sales#8 due"), "\(standup.output)")
            #expect(standup.output.components(separatedBy: ": stand-up ").count - 1 == 3, "together, then two teams")

            // The report: a series per team; every demo order came in within the last six months.
            let report = Command.run([fours, "report", "--format", "json"], environment: department)
            guard case .object(let json) = try JSONReader.parse(Array(report.output.utf8)), case .array(let teams)? = json["teams"] else {
                throw TestFailure("no teams in \(report.output)")
            }
            #expect(teams.count == 2)
            for team in teams {
                guard case .object(let entry) = team, case .object(let figures)? = entry["figures"] else { continue }
                #expect(figures["received"] == .number(11))
            }
            let none = run("list", "--store", missing, "--store", folder.file("also-gone.json"))
            #expect(none.status == 1 && none.output.contains("none of the stores opened"))
        }

        @Test func manyOrdersChangeAtOnceAsOneChangeRecordedWithWho() throws {
            let closed = run("close", "3", "5", "8", "10")
            #expect(closed.output == "Marked #3, #5, #8 delivered (#10 is delivered already)\n", "\(closed.output)")
            // #2 has #safety and #video already; #1 and #3 neither.
            let tagged = run("tag", "+safety", "-video", "1-3")
            #expect(tagged.output == "Added #safety to #1, #3; took #video off #2\n", "\(tagged.output)")
            let before = try document()
            #expect(run("edit", "1", "2", "--owners", "ana", "--due", "+1w").output == "Changed #1: due, owners; #2: due, owners\n")
            // The file as Python reads it: what changed, and the activity saying who did it (3 + 3 + 2 edits).
            let read = Command.run(["/usr/bin/env", "python3", "-c", """
                import json, sys
                d = json.load(open(sys.argv[1]))
                o = {x['id']: x for x in d['orders']}
                print(json.dumps([[o[i]['status'] for i in (3, 5, 8)], [sorted(o[i]['tags']) for i in (1, 2, 3)],
                                  o[2].get('owners'), [a['by'] for a in d['activity'] if a['what'].startswith('edited #')][-8:]]))
                """, store])
            #expect(read.output == "[[\"delivered\", \"delivered\", \"delivered\"], [[\"q4\", \"safety\", \"workshop\"], [\"safety\"], "
                        + "[\"customer-education\", \"safety\", \"webinar\"]], [\"ana\"], [\"ana\", \"ana\", \"ana\", \"ana\", \"ana\", \"ana\", \"ana\", \"ana\"]]\n",
                    "\(read.output)")
            // One fours undo takes back the last change, on both its orders.
            #expect(run("undo").status == 0)
            let after = try document()
            #expect([1, 2].allSatisfy { after.order(id: $0)?.details == before.order(id: $0)?.details })
            #expect(run("close", "99").output.contains("there is no order #99"))
            #expect(run("tag", "+x").output.contains("name the orders"))
        }

        @Test func anExportImportedIntoAnEmptyStoreGivesTheSameOrders() throws {
            let csv = folder.file("orders.csv")
            #expect(run("export", "--no-bom", "--out", csv).status == 0)
            let empty = folder.file("empty.json")
            let imported = run("import", csv, "--store", empty)
            #expect(imported.output == "Imported 11 orders, 6 new stakeholders and 3 new order types from \(csv).\n", "\(imported.output)")
            let original = try document()
            let copy = try #require(try Store.readForMerge(path: empty))
            // Every column comes back as it went, the order's number too; the 4S as far as a count says.
            for order in original.orders {
                let back = try #require(copy.order(id: order.id), "#\(order.id)")
                #expect(back.details == order.details, "#\(order.id)")
                for section in ChecklistSection.allCases {
                    #expect(back.checklist.progress(of: section).done == order.checklist.progress(of: section).done)
                }
            }
            let again = run("import", csv, "--store", empty)
            #expect(again.output.contains("Imported 0 orders") && again.output.contains("11 rows were there already"))
        }

        /// Every order and stakeholder moves whole through a JSON export, or a whole store file,
        /// as Python's own JSON reader sees the two files.
        @Test func aJSONExportOrAnotherTeamsStoreMovesEveryOrderWhole() throws {
            // Another team's store, the same as ours until ours changes #2.
            let other = folder.file("other.json")
            try FileText.write(try #require(FileText.read(store)), to: other)
            #expect(run("note", "2", "Seen on the floor").status == 0 && run("tick", "2", "3").status == 0)
            #expect(run("stage", "dana", "strategic", "--note", "asked us in early").status == 0)
            let overTheStore = run("export", "--format", "json", "--out", store)
            #expect(overTheStore.status == 1 && overTheStore.output.contains("is the store itself"), "\(overTheStore.output)")
            let export = folder.file("export.json")
            #expect(run("export", "--format", "json", "--out", export).status == 0)
            let empty = folder.file("empty.json")
            let imported = run("import", export, "--store", empty)
            #expect(imported.output == "Imported 11 orders, 6 new stakeholders and 3 new order types from \(export).\n", "\(imported.output)")
            let compare = """
                import json, sys
                a, b = (json.load(open(p, encoding='utf-8')) for p in sys.argv[1:3])
                for key in ('orders', 'stakeholders'):
                    left, right = ({x['id']: x for x in d[key]} for d in (a, b))
                    print(key, 'same' if left == right else 'differ: ' + str(sorted(k for k in left if left[k] != right.get(k))))
                """
            let same = Command.run(["/usr/bin/env", "python3", "-c", compare, store, empty])
            #expect(same.output == "orders same\nstakeholders same\n", "\(same.output)")
            #expect(run("import", export, "--store", empty).output.contains("Imported 0 orders from \(export); 11 orders were there already."))

            // In the other team's store #2 is another order now: ours takes a new number.
            let moved = run("import", store, "--store", other)
            #expect(moved.output == "#2 is #12 here: the store had a #2 already\n"
                    + "Imported 1 order from \(store); 10 orders were there already.\n", "\(moved.output)")
            let there = try #require(try Store.readForMerge(path: other).flatMap { $0.order(id: 12) })
            #expect(there.notes.map(\.text).contains("Seen on the floor") && there.checklist.progress.done == 7)
        }

        /// Each option of `fours edit` changes its field, and `fours show` says so.
        @Test func everyFieldOfAnOrderIsEditedAndShownFromTheCommandLine() throws {
            let edits: [(option: String, value: String, shown: String)] = [
                ("--title", "Forklift refresher", "#2 Forklift refresher"), ("--request", "Shorter videos", "Request: Shorter videos"),
                ("--stakeholder", "Aiko", "Stakeholder: Aiko Tanaka"), ("--audience", "Night shift", "Audience: Night shift"),
                ("--audience-size", "40", "(40 people)"), ("--received", "2026-11-20", "received 2026-11-20"),
                ("--due", "31/01/2027", "due 2027-01-31"), ("--priority", "low", "low priority"), ("--tags", "safety,night", "#night"),
                ("--owners", "ana,ben", "Owners: ana, ben"), ("--arrival", "earlyInvolvement", "Arrived as: early involvement"),
                ("--problem", "Near-misses", "Business problem: Near-misses"), ("--decision", "redirected", "Decision: redirected"),
                ("--decision-reason", "A checklist fixes it", ": A checklist fixes it"), ("--closing-note", "Done early", "Closing note: Done early"),
                ("--metric", "Incidents", "Measurement: Incidents"), ("--baseline", "14", "baseline 14"), ("--target", "8", "target 8"),
                ("--result", "6", "result 6"), ("--hours-saved", "2.5", "2.5 h each"), ("--people", "150", "150 people"),
                ("--cost-per-hour", "40", "40 an hour"), ("--source-id", "REQ-9", "row REQ-9"),
            ]
            for edit in edits {
                let result = run("edit", "2", edit.option, edit.value)
                #expect(result.status == 0 && result.output.hasPrefix("Changed #2: "), "\(edit.option): \(result.output)")
                #expect(run("show", "2").output.contains(edit.shown), "\(edit.option) shows as \(edit.shown)")
            }
            let order = try #require(try document().order(id: 2))
            #expect(order.value.saving == 2.5 * 150 * 40 && order.decision == .redirected && order.sourceID == "REQ-9")
            #expect(run("edit", "2", "--people", "1.5").status == 1, "a count is a whole number")
            #expect(run("edit", "2", "--decision", "maybe").output.contains("not one of accepted"))
        }

        @Test func aBriefGathersWhatToReadBeforeAMeeting() throws {
            #expect(run("note", "--stakeholder", "lena", "Wants a pilot team first").status == 0)
            let text = run("brief", "lena")
            #expect(text.status == 0 && text.output.hasPrefix("Brief: Lena Brandt, VP Engineering, Engineering\n"), "\(text.output)")
            for shown in ["\nStage\n  4 Trusted partner\n", "\nThree R's\n  rapport 3/3 · reputation 3/3 · relationships 2/3\n",
                          "\nOpen orders\n  #4 ", "\nDelivered\n  #10 Code review habits workshop, delivered ",
                          "ana: Wants a pilot team first\n"] {
                #expect(text.output.contains(shown), "\(shown)")
            }
            let json = run("brief", "lena", "--format", "json")
            guard case .object(let brief) = try JSONReader.parse(Array(json.output.utf8)) else { throw TestFailure(json.output) }
            #expect(brief["stageNumber"] == .number(4))
            guard case .array(let open)? = brief["openOrders"], case .array(let done)? = brief["delivered"],
                  case .array(let notes)? = brief["notes"] else { throw TestFailure(json.output) }
            #expect(open.count == 1 && done.count == 1 && notes.count == 2)
            #expect(run("brief", "lena", "--format", "markdown").output.hasPrefix("# Brief: Lena Brandt"))
            #expect(run("brief", "nobody").status == 1)
        }

        @Test func aFollowUpOrderIsLinkedBothWays() throws {
            let added = run("follow-up", "2", "--due", "+3w")
            #expect(added.output == "Added #12 “Needs analysis after #2”, following up #2\n", "\(added.output)")
            #expect(run("show", "12").output.contains("Follows up #2 “Re-shoot the forklift safety videos”"))
            #expect(run("show", "2").output.contains("Led to #12 “Needs analysis after #2”"))
            let order = try #require(try document().order(id: 12))
            #expect(order.followUpOf == 2 && order.stakeholderID == "marco-silva" && order.due == Fixture.clock.today.adding(days: 21))
            #expect(run("follow-up", "99").status == 1)
        }

        @Test func aStakeholderIsEditedFromTheCommandLine() throws {
            let edited = run("edit-stakeholder", "dana", "--role", "Chief Revenue Officer", "--rapport", "2",
                             "--touchpoint", "15/01/2027", "--purpose", "Pipeline review", "--date-format", "dmy")
            #expect(edited.output == "Changed Dana Okafor: role, rapport, nextTouchpoint\n", "\(edited.output)")
            let dana = try #require(try document().stakeholder(id: "dana-okafor"))
            #expect(dana.role == "Chief Revenue Officer" && dana.rapport == 2)
            #expect(dana.nextTouchpoint?.on.description == "2027-01-15" && dana.nextTouchpoint?.purpose == "Pipeline review")
            #expect(run("edit-stakeholder", "dana", "--rapport", "4").output.contains("--rapport 4 is not from 0 to 3"))
            #expect(run("edit-stakeholder", "dana", "--touchpoint", "none").status == 0)
            #expect(try document().stakeholder(id: "dana-okafor")?.nextTouchpoint == nil)
            #expect(run("edit-stakeholder", "dana").status == 64, "nothing to change is a usage error")
        }

        @Test func commandsAsPeopleTypeThem() throws {
            let first = Command.run([fours, "--store", store, "list", "--stage", "strategic"], environment: environment)
            #expect(first.status == 0 && first.output.contains("#5"), "the store before the command: \(first.output)")
            #expect(run("edit", "3", "--due", "31/12/2026").status == 0)
            #expect(try document().order(id: 3)?.due?.description == "2026-12-31")
            let either = run("edit", "3", "--due", "03/04/2027")
            #expect(either.status == 1 && either.output.contains("could be day first or month first"))
            #expect(run("edit", "3", "--due", "03/04/2027", "--date-format", "mdy").status == 0)
            #expect(try document().order(id: 3)?.due?.description == "2027-03-04")
            let month = run("edit", "3", "--due", "2026-13-01")
            #expect(month.status == 1 && month.output.contains("is not a day of the calendar"))
            #expect(run("stage", "dana", "strategic").output == "Dana Okafor: Order taker → Strategic partner\n")
            #expect(run("stage", "dana", "strategic").output == "Dana Okafor is at 5 Strategic partner already\n")
            let vague = run("stage", "dana", "order")
            #expect(vague.status == 1 && vague.output.contains("could be 1 order taker or 2 order with a change"), "\(vague.output)")
            let fresh = Command.run([fours, "list"], environment: environment.merging(["FOURS_STORE": folder.file("new/none.json")]) { $1 })
            #expect(fresh.status == 0 && fresh.output.contains("there is no store at \(folder.file("new/none.json")) yet"),
                    "\(fresh.output)")
            let badMap = run("import", folder.file("none.csv"), "--map", "Course")
            #expect(badMap.status == 64, "a --map without = is a usage error: \(badMap.output)")
        }

        @Test func anIntakeSheetWithItsOwnHeadingsAndDates() throws {
            let sheet = folder.file("intake.csv")
            try FileText.write(#"""
                Timestamp,Requested by,Course name,What do you need?,Team,Number of participants,Needed by,Urgency
                25/11/2026 09:12:00,Dana Okafor,Negotiation basics,Two sessions,Sales,12,15/12/2026,Urgent
                26/11/2026 10:00:00,Omar Haddad,"Excel, advanced","Pivot tables, ""fast""",Finance,,03/01/2027,low

                """#, to: sheet)
            let dry = run("import", sheet, "--map", "Course name=title", "--date-format", "dmy", "--dry-run")
            #expect(dry.output.contains("Would import 2 orders and 1 new stakeholder; nothing was saved."), "\(dry.output)")
            #expect(try document().orders.count == 11, "a dry run saves nothing")
            #expect(run("import", sheet, "--map", "Course name=title", "--date-format", "dmy").status == 0)
            let document = try document()
            let negotiation = try #require(document.orders.first { $0.title == "Negotiation basics" })
            #expect(negotiation.stakeholderID == "dana-okafor" && negotiation.priority == .high && negotiation.audienceSize == 12)
            #expect(negotiation.received.description == "2026-11-25" && negotiation.due?.description == "2026-12-15")
            let excel = try #require(document.orders.first { $0.title == "Excel, advanced" })
            #expect(excel.request == "Pivot tables, \"fast\"" && excel.due?.description == "2027-01-03" && excel.priority == .low)
            // The same sheet as Excel saves "CSV UTF-8" in much of Europe, piped in: semicolons, a byte-order mark, CRLF.
            let european = folder.file("european.csv")
            try FileText.write("\u{FEFF}Timestamp;Requested by;Course name;Needed by\r\n"
                               + "25/11/2026;Dana Okafor;Negotiation basics;15/12/2026\r\n"
                               + "26/11/2026;Omar Haddad;\"Excel; advanced\";03/01/2027\r\n", to: european)
            let piped = Command.run(["/bin/sh", "-c", "'\(fours)' import - --date-format dmy --store '\(folder.file("eu.json"))' < '\(european)'"],
                                    environment: environment)
            #expect(piped.output == "Imported 2 orders and 2 new stakeholders from -.\n", "\(piped.output)")
            #expect(try Store.readForMerge(path: folder.file("eu.json"))?.orders.map(\.title) == ["Negotiation basics", "Excel; advanced"])
            let ambiguous = run("import", sheet, "--map", "Course name=title", "--store", folder.file("other.json"))
            #expect(ambiguous.status == 1 && ambiguous.output.contains("row 3: due “03/01/2027” could be day first or month first"))
        }

        @Test func hostileFilesGiveAClearErrorNeverACrash() throws {
            let open = folder.file("open.csv")
            try FileText.write("title,stakeholder\nfine,Dana Okafor\n\"never closed,Dana Okafor\nmore,rows\n", to: open)
            let unbalanced = run("import", open)
            #expect(unbalanced.status == 1 && unbalanced.output.contains("row 3 opens a quote that never closes"))
            // A gigabyte in one cell, through a pipe: refused where the cell outgrows any answer, not read on.
            let gigabyte = "(printf 'title,stakeholder\\n'; head -c 1073741824 /dev/zero | tr '\\0' x) "
                + "| timeout 60 '\(fours)' import - --store '\(store)'"
            let long = Command.run(["/bin/sh", "-c", gigabyte])
            #expect(long.status == 1 && long.output.contains("-: row 2 has a cell over 40 KB"), "\(long.output)")
            let latin = folder.file("latin1.csv")
            let bytes = Array("title,stakeholder\nCaf".utf8) + [0xE9] + Array(",Dana Okafor\n".utf8)
            _ = bytes.withUnsafeBufferPointer { buffer in
                let file = fopen(latin, "wb")
                defer { fclose(file) }
                return fwrite(buffer.baseAddress, 1, buffer.count, file)
            }
            let notUTF8 = run("import", latin)
            #expect(notUTF8.status == 1 && notUTF8.output.contains("is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”"))
            let noTitle = folder.file("headings.csv")
            try FileText.write("foo,bar\n1,2\n", to: noTitle)
            #expect(run("import", noTitle).output.contains("no column holds the title"))
            #expect(try document().orders.count == 11, "nothing was imported")
        }

        @Test func theCommandLineItselfVersionHelpCheckAndAnEmptyStorePath() throws {
            let version = run("--version")
            #expect(version.status == 0 && version.output == "0.1.0\n")
            let help = run("--help")
            #expect(help.status == 0 && help.output.contains("SUBCOMMANDS:") && help.output.contains("  import "))
            #expect(!help.output.contains("merge-driver"), "what git runs is kept out of the list")
            let sound = run("check", "--store", store)
            #expect(sound.status == 0 && sound.output == "\(store): sound. 11 orders (9 open), 6 stakeholders.\n")
            let broken = folder.file("broken.json")
            try FileText.write("{\n  \"schemaVersion\": 1,\n  \"orders\": [,]\n}\n", to: broken)
            let bad = run("check", "--store", broken)
            #expect(bad.status == 1 && bad.output.hasPrefix("fours: \(broken):3:14: unexpected ',', expected a value"), "\(bad.output)")
            let missing = run("check", "--store", folder.file("nowhere.json"))
            #expect(missing.status == 1 && missing.output.contains("there is no store at"))
            let empty = run("list", "--store", "")
            #expect(empty.status == 64 && empty.output.contains("--store needs a path"))
        }

        @Test func textFromTheStoreNeverReachesATerminalRaw() throws {
            let hostile = "Evil \u{1B}]0;pwned\u{07} \u{1B}[31mred \u{9B}31m"
            #expect(run("edit", "1", "--title", hostile).status == 0)
            #expect(run("stage", "dana", "up", "--note", hostile).status == 0)
            // The store's own name too, as a hand edit would leave it.
            let text = try #require(FileText.read(store))
            try FileText.write(text.split(separator: "\"name\": \"Learning & Development\"", omittingEmptySubsequences: false)
                .joined(separator: "\"name\": \"L&D \\u001b[41mteam\""), to: store)
            for arguments in [["list"], ["show", "1"], ["stakeholders"], ["standup"], ["report", "--format", "markdown"],
                              ["report", "--out", folder.file("r.html")], ["export", "--format", "markdown"]] {
                let output = Command.run([fours] + arguments, environment: environment).output
                #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" },
                        "fours \(arguments.joined(separator: " "))")
                if arguments.first != "stakeholders" {
                    #expect(output.contains("\\x1b"), "shown as an escape: fours \(arguments.joined(separator: " "))")
                }
            }
            // CSV keeps the data as it is for a file or a pipe, and shows it safely on a terminal.
            #expect(run("export").output.contains(hostile))
            let script = "export FOURS_STORE='\(store)'; '\(fours)' export; echo done-exporting; sleep 30"
            let session = try TmuxSession(width: 200, height: 40, script: script, folder: folder)
            let screen = try session.waitFor("done-exporting")
            #expect(screen.contains("1,Evil \\x1b]0;pwned\\x07 \\x1b[31mred \\x9b31m,"), "\(screen)")
        }

        @Test func shellCompletionsAreGenerated() throws {
            for shell in ["bash", "zsh", "fish"] {
                let script = run("--generate-completion-script", shell)
                #expect(script.status == 0 && script.output.contains("fours") && script.output.contains("tick"), "\(shell)")
            }
            // What the scripts ask fours for: the open orders' numbers (as Python reads the
            // file), the stakeholders' names. Asked again once fours knows the file sound, and
            // after changes, the numbers come without reading the orders, and are the same.
            let open = "[o['id'] for o in d['orders'] if o['status'] in ('new', 'inProgress')]"
            for change in [[], ["close", "3"], ["reopen", "3"], ["close", "5"]] {
                if !change.isEmpty { #expect(demo.run(change).status == 0) }
                for _ in 0..<2 {
                    let orders = run("---completion", "show", "--", "positional@0", "2", "0")
                    #expect(.array(orders.output.split(separator: "\n").map { .number(Double($0)!) }) == (try python(open)), "\(change)")
                }
            }
            #expect(try python("[3 in \(open), 5 in \(open)]") == .array([.bool(true), .bool(false)]))
            // What a shell asks for `fours reopen <Tab>` (the words typed come last): the others.
            let closed = run("---completion", "reopen", "--", "positional@0", "2", "0", "fours", "reopen", "")
            #expect(.array(closed.output.split(separator: "\n").map { .number(Double($0)!) })
                        == (try python("[o['id'] for o in d['orders'] if o['status'] in ('delivered', 'closed')]")), "\(closed.output)")
            let names = run("---completion", "stage", "--", "positional@0", "2", "0")
            #expect(names.output.contains("Chloé Martin\n"))
        }
    }
}
