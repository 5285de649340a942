@testable import Dashboard
import Model
import TestSupport
import Testing

@Suite struct ViewTests {
    var app = TestApp(size: Size(width: 80, height: 24))



    @Test mutating func searchNarrowsAsYouTypeEnterKeepsEscClears() {
        app.send(.startSearch)
        #expect(app.state.activeScopes == [.search])
        for character in "SAFÉTY" { app.send(KeyMap.standard.action(for: .character(character), in: app.state.activeScopes) ?? .cancel) }
        #expect(app.state.queue.orderIDs == [2], "accents and case ignored, narrowed while typing")
        #expect(app.lines.last?.hasPrefix("/SAFÉTY   Enter keeps the filter · Esc clears it · 1 match") == true)
        app.send(.endSearch(keep: true))
        #expect(app.state.searchField == nil)
        #expect(app.state.queue.orderIDs == [2])
        #expect(app.lines[0].contains("search: “SAFÉTY”"))
        app.send(.startSearch, .searchEdit(.deleteToStart), .searchEdit(.insert("dana")), .endSearch(keep: false))
        #expect(app.state.queue.count == 9)
    }

    @Test mutating func typingAndDeletingGiveTheSameResultAsSearchingAtOnce() {
        func direct(_ text: String) -> [Int] {
            var query = QueueQuery()
            query.search = text
            return OrderQueue(Fixture.demo, query: query, today: Fixture.today).orderIDs
        }
        app.send(.startSearch)
        for (index, character) in "forkl".enumerated() {
            app.send(.searchEdit(.insert(String(character))))
            #expect(app.state.queue.orderIDs == direct(String(Array("forkl").prefix(index + 1))))
        }
        app.send(.searchEdit(.backspace), .searchEdit(.backspace))
        #expect(app.state.queue.orderIDs == direct("for"))
        #expect(app.state.queue.count > direct("forkl").count)
        // Deleting goes back through what each shorter search showed, even after a change
        // to the store in between, and a word deleted at once lands where it should.
        app.send(.searchEdit(.insert("k")), .reloaded(Fixture.demo), .searchEdit(.backspace))
        #expect(app.state.queue.orderIDs == direct("for"))
        for length in (0..<3).reversed() {
            app.send(.searchEdit(.backspace))
            #expect(app.state.queue.orderIDs == direct(String("for".prefix(length))))
        }
        app.send(.searchEdit(.insert("forkl")), .searchEdit(.deleteWord))
        #expect(app.state.queue.orderIDs == direct(""))
    }

    @Test func theStandupIsMadeAwayFromTheKeysBeforeItIsShownAndAfterEachChange() throws {
        var state = AppState(document: Fixture.demo, size: Size(width: 120, height: 40), today: Fixture.today, user: "ana")
        guard case .doPageWork(let index)? = update(&state, .idle(quiet: false), now: Fixture.now).first, index.view == .queue else {
            Issue.record("the search index comes first")
            return
        }
        #expect(update(&state, .idle(quiet: false), now: Fixture.now).isEmpty, "one work at a time")
        _ = update(&state, .pageWorkDone(index.run()), now: Fixture.now)
        #expect(state.searchIndex == SearchIndex(state.document))
        guard case .doPageWork(let work)? = update(&state, .idle(quiet: false), now: Fixture.now).first else {
            Issue.record("once the search index is there, an idle moment asks for the stand-up")
            return
        }
        let (today, version) = (work.today, work.version)
        #expect(work.view == .standup && version == state.documentVersion && today == state.today)
        #expect(update(&state, .idle(quiet: false), now: Fixture.now).isEmpty, "asked for once")
        func shown(_ blocks: [String], version: Int) -> [String] {
            var state = state
            let made = PageWork.Result(view: .standup, version: version, today: today, value: [StandupBlock(title: "Queue", lines: blocks)])
            _ = update(&state, .pageWorkDone(made), now: Fixture.now)
            _ = update(&state, .showView(.standup), now: Fixture.now)
            return DashboardView(state: state, keyMap: .standard).render().lines
        }
        #expect(shown(["made away from the keys"], version: version).contains { $0.contains("made away from the keys") })
        // Made from a document changed since: the view makes its own.
        let stale = shown(["made before a change"], version: version - 1)
        #expect(!stale.contains { $0.contains("made before a change") } && stale.contains { $0.contains("9 open") }, "\(stale)")

        // Once taken it is up to date; after a tick the next quiet moment asks for the
        // changed document's, and no more while that one is being made.
        _ = update(&state, .pageWorkDone(work.run()), now: Fixture.now)
        #expect(update(&state, .idle(quiet: false), now: Fixture.now).isEmpty, "up to date")
        _ = update(&state, .focusChecklist, now: Fixture.now)
        _ = update(&state, .toggleStep, now: Fixture.now)
        #expect(update(&state, .idle(quiet: false), now: Fixture.now).isEmpty, "not while keys come")
        guard case .doPageWork(let again)? = update(&state, .idle(quiet: true), now: Fixture.now).first else {
            Issue.record("a change asks for the stand-up again")
            return
        }
        #expect(again.version == state.documentVersion && again.version != version)
        #expect(again.run().value as? [StandupBlock] == StandupPage.blocks(of: state.document, today: state.today))
        _ = update(&state, .toggleStep, now: Fixture.now)
        #expect(update(&state, .idle(quiet: true), now: Fixture.now).isEmpty, "one at a time")
    }

    @Test func theSearchIndexIsAskedForOnceKeptThroughTicksAndDroppedByNotes() throws {
        var state = AppState(document: GeneratedStore.make(orders: 1_000, now: Fixture.now), size: Size(width: 120, height: 40),
                             today: Fixture.today, user: "ana")
        guard case .doPageWork(let work)? = update(&state, .idle(quiet: false), now: Fixture.now).first else {
            Issue.record("an idle moment asks for the index")
            return
        }
        #expect(update(&state, .idle(quiet: false), now: Fixture.now).isEmpty, "asked for once")
        let made = work.run()
        _ = update(&state, .pageWorkDone(made), now: Fixture.now)
        let built = try #require(state.searchIndex)
        #expect(built == SearchIndex(state.document))
        _ = update(&state, .focusChecklist, now: Fixture.now)
        _ = update(&state, .toggleStep, now: Fixture.now)
        #expect(state.searchIndex == built, "a tick changes nothing a search finds")
        _ = update(&state, .addNote, now: Fixture.now)
        _ = update(&state, .form(.edit(.insert("zebra"))), now: Fixture.now)
        _ = update(&state, .submitForm, now: Fixture.now)
        #expect(state.searchIndex == nil, "a note does")
        // An index of the document before the note comes too late: it is not taken, and
        // a new one is asked for.
        _ = update(&state, .pageWorkDone(made), now: Fixture.now)
        #expect(state.searchIndex == nil)
        guard case .doPageWork(let again)? = update(&state, .idle(quiet: false), now: Fixture.now).first else {
            Issue.record("a new index is asked for")
            return
        }
        _ = update(&state, .pageWorkDone(again.run()), now: Fixture.now)
        #expect(state.searchIndex == SearchIndex(state.document))
    }

    @Test mutating func aNoteJustWrittenIsFoundBySearch() {
        // A search first, so that its index exists before the note.
        app.send(.startSearch, .searchEdit(.insert("zebra")), .endSearch(keep: false))
        app.send(.addNote, .form(.edit(.insert("Zebra crossing near the loading bay"))), .submitForm)
        app.send(.startSearch, .searchEdit(.insert("zebra")))
        #expect(app.state.queue.orderIDs == [8])
    }

    @Test mutating func filtersAreShownInTheHeaderAndClearedWithOneKey() {
        app.send(.openFilters)
        #expect(app.state.form?.title == "Filter the queue")
        app.send(.form(.nextField), .form(.edit(.insert("marco"))), .form(.nextField), .form(.nextField), .form(.nextField),
             .form(.nextField), .form(.nextField), .form(.edit(.right)))
        let effects = app.send(.submitForm)
        #expect(app.state.queue.orderIDs == [8])
        #expect(effects == [.savePreferences(app.state.queueQuery)])
        #expect(app.lines[0].contains("filter: stakeholder: Marco Silva, overdue"))
        app.send(.clearFilters)
        #expect(app.state.queue.count == 9)
        #expect(!app.lines[0].contains("filter:"))
    }

    @Test mutating func sortCyclesAndIsShownAndRemembered() {
        let effects = app.send(.cycleSort)
        #expect(app.state.queueQuery.sort == .priority)
        #expect(effects == [.savePreferences(app.state.queueQuery)])
        #expect(app.lines[0].contains("sort: priority"))
        for _ in 2..<QueueSort.queueCycle.count { app.send(.cycleSort) }
        #expect(app.state.queueQuery.sort == .type)
        #expect(app.state.queue.orderIDs.prefix(6).allSatisfy { app.state.document.order(id: $0)?.details.type.isEmpty == true },
                "the standard orders first")
        app.send(.cycleSort)
        #expect(app.state.queueQuery.sort == .dueDate)
    }

    @Test mutating func numberKeysSwitchViewsEachWithItsOwnKeys() {
        #expect(KeyMap.standard.action(for: .character("3"), in: app.state.activeScopes) == .showView(.standup))
        app.send(.showView(.stakeholders))
        #expect(app.state.activeScopes == [.stakeholders, .selection, .everywhere])
        #expect(app.lines[0].contains("Stakeholders · 6 people"))
        #expect(app.state.selectedStakeholder?.name == "Samuel Reyes")
        app.send(.moveDown)
        #expect(app.state.selectedStakeholder?.name == "Lena Brandt")
        let lines = app.lines
        let notes = lines.firstIndex { $0.contains("Notes") }
        let note = lines.firstIndex { $0.contains("Her goal this year") }
        #expect(notes != nil && note != nil && notes! < note!, "her notes sit under their own heading")
        #expect(lines.contains { $0.contains("3 R's: rapport 3/3") }, "the R's spelled out")
        app.send(.showStakeholderOrders)
        #expect(app.state.view == .queue)
        #expect(app.state.queue.orderIDs == [4, 10])

        app.send(.clearFilters, .moveDown)
        let selected = app.state.selectedOrder?.id
        app.send(.showView(.archive))
        #expect(app.state.activeScopes == [.archive, .orderLists, .selection, .everywhere])
        #expect(app.state.queue.orderIDs == [11, 10])
        #expect(app.lines[1].contains("Closed"))
        app.send(.closeOrReopenOrder)
        #expect(app.state.document.order(id: 11)?.status == .inProgress, "reopened from the archive")
        app.send(.showView(.queue))
        #expect(app.state.selectedOrder?.id == selected, "the queue keeps its place")
    }

    @Test mutating func orderKeysDoNothingWhereNoOrderIsShown() {
        app.send(.showView(.stakeholders))
        #expect(app.send(.closeOrReopenOrder, .deleteOrder, .toggleStep).isEmpty)
        #expect(app.state.confirmation == nil && app.state.form == nil)
        app.send(.editMeasurement)
        #expect(app.state.form == nil)
        app.click(x: 5, y: app.state.layout.queue.y + 3)
        #expect(app.state.selectedStakeholder?.name == "Aiko Tanaka")
        #expect(app.state.document == Fixture.demo)
    }

    @Test mutating func theStandupAtEightyByTwentyFourLeadsWithTheDayAndScrollsToTheRest() {
        app.send(.showView(.standup))
        let expected = [
            " fours │ Learning & Development │ Stand-up · since Nov 24            2026-11-25",
            " 9 open · 2 overdue · 3 due this week · 7 steps ticked since Nov 24",
            "",
            " Overdue                                  4S across open orders",
            "  #8 due Nov 20 · 4S 2/12 · Picking-er…    Shift Mindset        ▰▰▰▰▱▱▱▱ 13/27",
            "  #1 due Nov 23 · 4S 1/12 · One-hour t…    Strategic Approach   ▰▰▱▱▱▱▱▱ 7/27",
        ]
        #expect(Array(app.lines.prefix(6)) == expected)
        // Who did what and who has what due, people not in touch and the value delivered: all on the first screen.
        for shown in ["  jon: 2 ticked · due #8 Nov 20, #7 No…", "  maya: 5 ticked · due #1 Nov 23, #3 N…",
                      "    Dana Okafor, no contact recorded", "    Nov 2026: 2 delivered · 120 h and 5,…",
                      "    Aiko Tanaka, Nov 22 (overdue): Revie…"] {
            #expect(app.lines.contains { $0.hasSuffix(shown) || $0.hasPrefix(shown) }, "\(shown)")
        }
        #expect(app.lines.count == 24)
        #expect(!app.lines.contains { $0.contains("Stakeholders on the spectrum") })
        app.send(.moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown)
        #expect(app.lines.contains { $0.contains("Stakeholders on the spectrum") })
    }

    @Test mutating func theStandupAndTheStakeholdersShowAChangeThatArrivesWhileTheyAreKept() throws {
        app.send(.showView(.standup))
        #expect(app.lines[1].contains("7 steps ticked"))
        app.send(.showView(.stakeholders))
        #expect(app.lines.contains { $0.contains("Dana Okafor") && $0.contains("Taker") })
        var fromDisk = Fixture.demo
        try StoreOperation.setStep(order: 5, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ben"))
            .apply(to: &fromDisk)
        let dana = try #require(fromDisk.stakeholder(id: "dana-okafor"))
        try StoreOperation.moveStakeholder(id: dana.id, to: .orderWithChange, at: Fixture.now, by: "ben").apply(to: &fromDisk)
        app.send(.reloaded(fromDisk))
        #expect(app.lines.contains { $0.contains("Dana Okafor") && $0.contains("Change") })
        app.send(.showView(.standup))
        #expect(app.lines[1].contains("8 steps ticked"))
    }

    @Test mutating func aCompactStandupFitsASplitPane() {
        app.state.size = Size(width: 60, height: 16)
        app.send(.showView(.standup))
        let shown = app.lines
        #expect(shown[1] == " 9 open · 2 overdue · 3 due this week · 7 steps ticked sin…")
        #expect(shown.contains(" Overdue"))
        #expect(!shown.contains { $0.contains("too small") })
    }
}

/// A stakeholder's brief, over the stakeholders view.
@Suite struct BriefTests {
    @Test func bShowsTheSelectedStakeholdersBriefOnOneScreen() throws {
        var app = TestApp(size: Size(width: 120, height: 40))
        app.send(.showView(.stakeholders))
        while app.state.selectedStakeholder?.name != "Lena Brandt" { app.send(.moveDown) }
        #expect(KeyMap.standard.action(for: .character("b"), in: app.state.activeScopes) == .showBrief)
        app.send(.showBrief)
        let text = app.lines.joined(separator: "\n")
        for shown in ["Brief: Lena Brandt", "Lena Brandt, VP Engineering, Engineering", "4 Trusted partner",
                      "Collaborator → Trusted partner by maya", "rapport 3/3 · reputation 3/3 · relationships 2/3",
                      "#4 ", "Onboarding path for platform engineers", "#10 Code review habits workshop, delivered",
                      "Her goal this year"] {
            #expect(text.contains(shown), "\(shown)")
        }
        #expect(app.state.activeScopes.first == .brief)
        app.send(.closeOverlay)
        #expect(app.state.overlays.top == nil && app.lines[0].contains("Stakeholders"))
    }

    /// The brief says how to add a note when there is none, and that key adds one about
    /// them there, which the brief then shows.
    @Test func nInTheBriefNotesTheStakeholderAndTheBriefShowsIt() throws {
        var app = TestApp(size: Size(width: 120, height: 40))
        app.send(.showView(.stakeholders))
        while app.state.selectedStakeholder?.name != "Dana Okafor" { app.send(.moveDown) }
        app.send(.readOnlyChanged(reason: "opened with --read-only"), .showBrief)
        #expect(app.lines.contains { $0.contains("no notes yet") } && !app.lines.contains { $0.contains("n adds one") },
                "read-only: no key offered")
        app.send(.readOnlyChanged(reason: nil))
        #expect(app.lines.contains { $0.contains("no notes yet: n adds one") })
        #expect(KeyMap.standard.action(for: .character("n"), in: app.state.activeScopes) == .addNote)
        app.send(.addNote, .form(.edit(.insert("Wants numbers before any workshop"))))
        #expect(app.send(.submitForm).persisted.count == 1)
        let dana = try #require(app.state.document.stakeholders.first { $0.name == "Dana Okafor" })
        #expect(dana.notes.map(\.text) == ["Wants numbers before any workshop"])
        #expect(app.state.overlays.top is BriefOverlay)
        #expect(app.lines.contains { $0.contains("Wants numbers before any workshop") })
    }
}
