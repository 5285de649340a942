@testable import Dashboard
import Model
import TestSupport
import Testing

@Suite struct ViewTests {
    var state = AppState(document: Fixture.demo, size: Size(width: 80, height: 24), today: Fixture.today, user: "ana")

    @discardableResult
    private mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { update(&state, $0, now: Fixture.now) }
    }

    private var lines: [String] { DashboardView(state: state, keyMap: .standard).render().lines }

    @Test mutating func searchNarrowsAsYouTypeEnterKeepsEscClears() {
        send(.startSearch)
        #expect(state.activeScopes == [.search])
        for character in "SAFÉTY" { send(KeyMap.standard.action(for: .character(character), in: state.activeScopes) ?? .cancel) }
        #expect(state.queue.orderIDs == [2], "accents and case ignored, narrowed while typing")
        #expect(lines.last?.hasPrefix("/SAFÉTY   Enter keeps the filter · Esc clears it · 1 match") == true)
        send(.endSearch(keep: true))
        #expect(state.searchField == nil)
        #expect(state.queue.orderIDs == [2])
        #expect(lines[0].contains("search: “SAFÉTY”"))
        send(.startSearch, .searchEdit(.deleteToStart), .searchEdit(.insert("dana")), .endSearch(keep: false))
        #expect(state.queue.count == 9)
    }

    @Test mutating func filtersAreShownInTheHeaderAndClearedWithOneKey() {
        send(.openFilters)
        #expect(state.form?.title == "Filter the queue")
        send(.form(.nextField), .form(.edit(.insert("marco"))), .form(.nextField), .form(.nextField), .form(.nextField),
             .form(.nextField), .form(.edit(.right)))
        let effects = send(.submitForm)
        #expect(state.queue.orderIDs == [8])
        #expect(effects == [.savePreferences(state.queueQuery)])
        #expect(lines[0].contains("filter: stakeholder: Marco Silva, overdue"))
        send(.clearFilters)
        #expect(state.queue.count == 9)
        #expect(!lines[0].contains("filter:"))
    }

    @Test mutating func sortCyclesAndIsShownAndRemembered() {
        let effects = send(.cycleSort)
        #expect(state.queueQuery.sort == .priority)
        #expect(effects == [.savePreferences(state.queueQuery)])
        #expect(lines[0].contains("sort: priority"))
        for _ in 0..<5 { send(.cycleSort) }
        #expect(state.queueQuery.sort == .dueDate)
    }

    @Test mutating func numberKeysSwitchViewsEachWithItsOwnKeys() {
        #expect(KeyMap.standard.action(for: .character("3"), in: state.activeScopes) == .showView(.standup))
        send(.showView(.stakeholders))
        #expect(state.activeScopes == [.stakeholders, .everywhere])
        #expect(lines[0].contains("Stakeholders · 6 people"))
        #expect(state.selectedStakeholder?.name == "Samuel Reyes")
        send(.moveDown)
        #expect(state.selectedStakeholder?.name == "Lena Brandt")
        send(.showStakeholderOrders)
        #expect(state.view == .queue)
        #expect(state.queue.orderIDs == [4, 10])

        send(.clearFilters, .moveDown)
        let selected = state.selectedOrder?.id
        send(.showView(.archive))
        #expect(state.activeScopes == [.archive, .everywhere])
        #expect(state.queue.orderIDs == [11, 10])
        #expect(lines[1].contains("Closed"))
        send(.closeOrReopenOrder)
        #expect(state.document.order(id: 11)?.status == .inProgress, "reopened from the archive")
        send(.showView(.queue))
        #expect(state.selectedOrder?.id == selected, "the queue keeps its place")
    }

    @Test mutating func theStandupFitsEightyByTwentyFour() {
        send(.showView(.standup))
        let expected = [
            " fours │ Learning & Development │ Stand-up · since Nov 24            2026-11-25",
            " 9 open · 2 overdue · 3 due this week · 10 steps ticked since Nov 24",
            "",
            " Overdue                                  4S across open orders",
            "  #8 due Nov 20 · 4S 2/12 · Picking-er…    Shift Mindset        ▰▰▰▰▱▱▱▱ 13/27",
            "  #1 due Nov 23 · 4S 1/12 · One-hour t…    Strategic Approach   ▰▰▱▱▱▱▱▱ 7/27",
        ]
        #expect(Array(lines.prefix(6)) == expected)
        #expect(lines.contains { $0.contains("Ticked since Nov 24") })
        #expect(lines.contains { $0.contains("Stakeholders on the spectrum") })
        #expect(lines.count == 24)
    }

    @Test mutating func aCompactStandupFitsASplitPane() {
        state.size = Size(width: 60, height: 16)
        send(.showView(.standup))
        let shown = lines
        #expect(shown[1] == " 9 open · 2 overdue · 3 due this week · 10 steps ticked si…")
        #expect(shown.contains(" Overdue"))
        #expect(!shown.contains { $0.contains("too small") })
    }
}
