@testable import Dashboard
import Foundation
import Model
import TestSupport
import Testing

@Suite struct RenderTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    private func render(_ size: Size, _ actions: [Action] = [], document: StoreDocument = Fixture.demo) -> [String] {
        var state = AppState(document: document, size: size, today: Fixture.today, user: "ana")
        for action in actions { _ = update(&state, action, now: Fixture.now) }
        return DashboardView(state: state, keyMap: .standard).render().lines
    }

    @Test func mainScreenAt80x24() {
        let expected = """
 fours │ Learning & Development │ Queue · 9 open · 2 overdue · 3 due this week
  ID    Order                    Owner  Stakeholder Due     4S progress     Stg
▶ #8  ! Picking-error coaching … jon    Marco Silva 5d late ▰▱▱ ▱▱▱ ▱▱▱ ▰▱▱ 2
  #1  ! One-hour time-managemen… maya   Dana Okafor 2d late ▰▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1
  #7    Objection-handling e-le… jon    Dana Okafor Nov 26  ▱▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1
  #2  ! Re-shoot the forklift s… jon    Marco Silva Nov 28  ▰▰▱ ▰▱▱ ▰▰▱ ▰▱▱ 2
  #3    Webinar series on the n… maya   Aiko Tanaka Nov 30  ▰▰▰ ▰▱▱ ▱▱▱ ▰▰▱ 3!
  #6  ↓ Excel refresher for bud…        Chloé Mart… Dec 07  ▱▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1
  #4    Onboarding path for pla… jon, … Lena Brandt Dec 19  ▰▰▰ ▰▰▰ ▰▱▱ ▰▰▰ 4
────────────────────────────────────────────────────────────────────────────────
 #8 Picking-error coaching for shift leads  carried by jon
 Due 2026-11-20 (5 days overdue) · high priority · in progress · received 2026-…
 Arrived as a transactional request · for Shift leads  #coaching #quality
 “Picking errors doubled since the new layout. Shift leads need training on it,
 fast.”

 4S checklist 2/12 ▰▰▱▱▱▱▱▱▱▱▱▱
 Shift Mindset 1/3 ▰▱▱  Work inside the order as an equal partner, not a help d…
   [✓] Asked partner questions about the business problem  jon, Nov 17
   [ ] Agreed with them what success looks like
   [ ] Restated the order as a business outcome
 Strategic Approach 0/3 ▱▱▱  Deliver as asked, and set up the next order to go …
   ↓ 17 more lines
 ↑↓ move  → checklist  a add  e edit  / search  f filter  M mine  > stage  n no…
"""
        #expect(render(Size(width: 80, height: 24)) == expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func checklistFocusAt120x40ShowsEveryStepAndTheTicks() {
        let lines = render(Size(width: 120, height: 40), [.moveDown, .focusChecklist, .moveDown, .toggleStep])
        #expect(lines[0].hasPrefix(" fours │ Learning & Development │ Queue · 9 open · 2 overdue · 3 due this week"))
        #expect(lines[0].hasSuffix("2/9 │ 2026-11-25"))
        // A high-priority mark, the title (its tags when they fit), the type (blank for the
        // standard template), the owner; one cell per step.
        #expect(lines[1].hasPrefix("  ID    Order                                  Type         Owner     Stakeholder"), "\(lines[1])")
        #expect(lines[3] == "▶ #1  ! One-hour time-management workshop                   maya      Dana Okafor     2d late ▰▰▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker")
        #expect(lines.contains { $0.hasPrefix("  #5  ! Manager training for the reorganisati… Leadership … maya") })
        #expect(lines.contains(" 4S checklist 2/12 ▰▰▱▱▱▱▱▱▱▱▱▱"))
        #expect(lines.contains("   [✓] Asked partner questions about the business problem  maya, Nov 18"))
        #expect(lines.contains("   [✓] Agreed with them what success looks like  ana, Nov 25"))
        #expect(lines.contains(" Sure Thing 0/3 ▱▱▱  Always in your hands: learn their business, build the relationship."))
        #expect(lines.contains("   [ ] Planned the next touchpoint with them"))
        #expect(lines.last?.hasPrefix(" ↑↓ move  Space tick  + add step  ← queue") == true)
        #expect(lines.last?.hasSuffix("Ticked “Agreed with them what success looks like” on #1 (2/12 done)") == true)
    }

    @Test func theSelectedStepStaysInViewOnASmallTerminal() {
        let lines = render(Size(width: 80, height: 24), [.focusChecklist, .moveToLast])
        #expect(lines.contains("   [ ] Planned the next touchpoint with them"))
        #expect(lines.contains { $0.contains("more lines") && $0.contains("↑") })
    }

    @Test func tooSmallTerminalSaysSoAndRecovers() {
        let small = render(Size(width: 59, height: 16))
        #expect(small.contains { $0.contains("Terminal too small: 59x16") })
        #expect(small.contains { $0.contains("fours needs at least 60x16.") })
        let justBigEnough = render(Size(width: 60, height: 16))
        #expect(justBigEnough[0].hasPrefix(" fours │"))
        #expect(!justBigEnough.contains { $0.contains("too small") })
    }

    @Test func helpOverlayIsDrawnOverTheDashboard() {
        let lines = render(Size(width: 100, height: 120), [.toggleHelp])
        #expect(lines.contains { $0.contains("┌─ Keys (? or Esc to close) ") })
        #expect(lines.contains { $0.contains("Space/x") && $0.contains("Tick or untick the step (saved at once)") })
        #expect(lines.contains { $0.contains("q/Ctrl-C") && $0.contains("Quit") })
    }

    @Test func wideAndAccentedTextKeepsColumnsAligned() throws {
        var document = Fixture.demo
        document.updateOrder(id: 8) { $0.title = "日本語の研修を作ってください、とても長いタイトル" }
        document.updateOrder(id: 1) { $0.title = "Café crème for the équipe" }
        let lines = render(Size(width: 80, height: 24), [], document: document)
        let wide = try #require(lines.first { $0.contains("日本語") })
        let accented = try #require(lines.first { $0.contains("Café") })
        // The stakeholder column starts at the same screen column on both rows.
        let wideStakeholder = try #require(wide.range(of: "Marco Silva"))
        let accentedStakeholder = try #require(accented.range(of: "Dana Okafor"))
        #expect(DisplayWidth.of(String(wide[..<wideStakeholder.lowerBound])) == 40)
        #expect(DisplayWidth.of(String(accented[..<accentedStakeholder.lowerBound])) == 40)
        #expect(wide.contains("…"))
    }

    @Test func narrowQueuesGiveWayBeforeTheTitle() throws {
        var document = Fixture.demo
        document.updateOrder(id: 8) { $0.checklist[.sureThing].append(ChecklistStep(id: "extra", title: "Extra", isCustom: true)) }
        // At 80 columns a section of four steps is counted, not drawn as cells that would read as three.
        let wide = render(Size(width: 80, height: 24), document: document)
        #expect(wide[2].contains(" ▰▱▱ ▱▱▱ ▱▱▱ 1/4 "), "\(wide[2])")
        // At the smallest size the title keeps its words; the checklist becomes a count, the stage its number.
        let narrow = render(Size(width: 60, height: 16), document: document)
        #expect(narrow[1] == "  ID    Order                    Stakeho… Due     4S    Stg")
        #expect(narrow[2] == "▶ #8  ! Picking-error coaching … Marco S… 5d late 2/13  2")
        let scrolled = render(Size(width: 60, height: 16), [.moveDown, .moveDown, .moveDown, .moveDown], document: document)
        #expect(scrolled.contains("▶ #3    Webinar series on the n… Aiko Ta… Nov 30  6/12  3!"),
                "an overdue touchpoint marks the stage")
    }

    @Test func theStandupOfABigStoreKeepsWhatFitsAndCountsTheRest() throws {
        let document = GeneratedStore.make(orders: 2_000, now: Fixture.now)
        let report = StandupReport(document, today: Fixture.today)
        let full = report.blocks
        let kept = report.blocks(linesEach: 40)
        #expect(kept.map(\.title) == full.map(\.title))
        for (cut, whole) in zip(kept, full) {
            #expect(cut.lines == Array(whole.lines.prefix(40)) && cut.lines.count + cut.more == whole.lines.count, "\(whole.title)")
        }
        let ticked = try #require(full.first { $0.title.hasPrefix("Ticked since") })
        #expect(ticked.lines.count > 1_000, "the generated store ticks a lot today")
        var screen = Screen(size: Size(width: 70, height: 30))
        StandupView(blocks: kept, rect: Rect(x: 0, y: 0, width: 70, height: 30), scroll: 3).draw(into: &screen)
        let more = screen.lines.first { $0.contains("… ") && $0.contains(" more") } ?? ""
        let shown = screen.lines.drop { !$0.contains("Ticked since") }.dropFirst().prefix { !$0.contains("… ") }.count
        #expect(more.trimmingCharacters(in: .whitespaces) == "… \(ticked.lines.count - shown) more", "\(screen.lines)")
    }

    /// An empty store says how to start, with the key that does it where it is said: none
    /// in the archive, where a adds nothing, or in a store opened read-only.
    @Test func anEmptyStoreSaysHowToStart() {
        let lines = render(Size(width: 80, height: 24), document: StoreDocument())
        #expect(lines.contains { $0.contains("No orders yet: a adds one.") })
        #expect(lines[0].contains("0 open"))
        #expect(render(Size(width: 80, height: 24), [.showView(.stakeholders)], document: StoreDocument())
            .contains { $0.contains("No stakeholders yet: S adds one.") })
        for actions in [[Action.showView(.archive)], [.readOnlyChanged(reason: "opened with --read-only")]] {
            let shown = render(Size(width: 80, height: 24), actions, document: StoreDocument())
            #expect(shown.contains { $0.contains("No orders yet. For a sample store") }, "\(actions)")
        }
    }
}

@Suite struct DisplayWidthTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    @Test func measuresWideCombiningAndPlainText() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("✓▰") == 2)
    }

    @Test func truncatesOnCharacterBoundariesWithAnEllipsis() {
        #expect(DisplayWidth.truncate("日本語です", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.fit("日本", to: 5) == "日本 ")
        #expect(DisplayWidth.wrap("one two three four", to: 9) == ["one two", "three", "four"])
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
        var screen = Screen(size: Size(width: 5, height: 1))
        screen.put("ab日本", x: 0, y: 0)
        #expect(screen.lines == ["ab日"])
        #expect(screen[3, 0].isContinuation)
    }
}
