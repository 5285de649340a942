@testable import Dashboard
import Foundation
import Model
import TestSupport
import Testing

@Suite struct RenderTests {
    private func render(_ size: Size, _ actions: [Action] = [], document: StoreDocument = Fixture.demo) -> [String] {
        var state = AppState(document: document, size: size, today: Fixture.today, user: "ana")
        for action in actions { _ = update(&state, action, now: Fixture.now) }
        return DashboardView(state: state, keyMap: .standard).render().lines
    }

    @Test func mainScreenAt80x24() {
        let expected = """
 fours │ Learning & Development │ Queue · 9 open · 2 overdue · 3 due this week
  ID  Order                       Stakeholder Due     4S progress     Stage
▶ #8  Picking-error coaching for… Marco Silva 5d late ▰▱▱ ▱▱▱ ▱▱▱ ▰▱▱ 2 Change
  #1  One-hour time-management w… Dana Okafor 2d late ▰▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker
  #7  Objection-handling e-learn… Dana Okafor Nov 26  ▱▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker
  #2  Re-shoot the forklift safe… Marco Silva Nov 28  ▰▰▱ ▰▱▱ ▰▰▱ ▰▱▱ 2 Change
  #3  Webinar series on the new … Aiko Tanaka Nov 30  ▰▰▰ ▰▱▱ ▱▱▱ ▰▰▱ 3 Collab
  #6  Excel refresher for budget… Chloé Mart… Dec 07  ▱▱▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker
  #4  Onboarding path for platfo… Lena Brandt Dec 19  ▰▰▰ ▰▰▰ ▰▱▱ ▰▰▰ 4 Trusted
────────────────────────────────────────────────────────────────────────────────
 #8 Picking-error coaching for shift leads
 Due 2026-11-20 (5 days overdue) · high priority · in progress · received 2026-…
 Arrived as a transactional request · for Shift leads  #coaching #quality
 “Picking errors doubled since the new layout. Shift leads need training on it,
 fast.”

 4S checklist 2/12 ▰▰▰▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱
 Shift Mindset 1/3 ▰▱▱  Work inside the order as an equal partner, not a help d…
   [✓] Asked partner questions about the business problem  demo, Nov 17
   [ ] Agreed with them what success looks like
   [ ] Restated the order as a business outcome
 Strategic Approach 0/3 ▱▱▱  Deliver as asked, and set up the next order to go …
   ↓ 17 more lines
 ↑↓ move  → checklist  a add  e edit  / search  f filter  > stage  n note  u un…
"""
        #expect(render(Size(width: 80, height: 24)) == expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func checklistFocusAt120x40ShowsEveryStepAndTheTicks() {
        let lines = render(Size(width: 120, height: 40), [.moveDown, .focusChecklist, .moveDown, .toggleStep])
        #expect(lines[0].hasPrefix(" fours │ Learning & Development │ Queue · 9 open · 2 overdue · 3 due this week"))
        #expect(lines[0].hasSuffix("2/9 │ 2026-11-25"))
        #expect(lines[3] == "▶ #1  One-hour time-management workshop                               Dana Okafor     2d late ▰▰▱ ▱▱▱ ▱▱▱ ▱▱▱ 1 Taker")
        #expect(lines.contains(" 4S checklist 2/12 ▰▰▰▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱"))
        #expect(lines.contains("   [✓] Asked partner questions about the business problem  demo, Nov 18"))
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
        #expect(DisplayWidth.of(String(wide[..<wideStakeholder.lowerBound])) == 34)
        #expect(DisplayWidth.of(String(accented[..<accentedStakeholder.lowerBound])) == 34)
        #expect(wide.contains("…"))
    }

    @Test func anEmptyStoreSaysHowToStart() {
        let lines = render(Size(width: 80, height: 24), document: StoreDocument())
        #expect(lines.contains { $0.contains("No orders yet: a adds one.") })
        #expect(lines[0].contains("0 open"))
    }
}

@Suite struct DisplayWidthTests {
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
