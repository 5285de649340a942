@testable import Dashboard
import Model
import TestSupport
import Testing

/// The stand-up view on every morning of a week: a Monday's three-day window and a busy
/// week's long lists never push a block off a 120x40 screen; at 80x24 every block is
/// reached by scrolling.
@Suite struct StandupLayoutTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    /// 08:55 on the days from Monday 2026-12-14 on.
    static func morning(_ offset: Int) -> Timestamp {
        let day = CalendarDay(year: 2026, month: 12, day: 14)!.adding(days: offset)
        return Timestamp(secondsSince1970: day.localStart.secondsSince1970 + 8 * 3_600 + 55 * 60)
    }

    /// The demo made that morning; when `busy`, most steps of every open order are ticked
    /// in the hours before, by a bigger team, with a dozen orders late, as after a week away.
    static func store(at now: Timestamp, busy: Bool) -> StoreDocument {
        let team = ["jon", "maya", "ana", "lee", "sam", "kim"]
        var document = DemoStore.make(now: now)
        guard busy else { return document }
        let today = CalendarDay.local(at: now)
        for number in 1...12 {
            document.add(TrainingOrder(
                id: 100 + number, title: "Late request \(number)", request: "", stakeholderID: "dana-okafor", audience: "",
                received: today.adding(days: -30), due: today.adding(days: -number), priority: .medium, status: .inProgress,
                tags: [], checklist: document.template))
        }
        for id in document.orders.filter({ $0.status.isOpen }).map(\.id) {
            document.updateOrder(id: id) { order in
                for section in ChecklistSection.allCases {
                    for index in order.checklist[section].indices where order.checklist[section][index].tick == nil
                        && (section != .surpriseAndDelight || index == 0) {
                        let hours = Int64((id * 7 + index * 3) % 60)
                        order.checklist[section][index].tick = Tick(
                            at: Timestamp(secondsSince1970: now.secondsSince1970 - hours * 3_600), by: team[(id + index) % team.count])
                    }
                }
            }
        }
        return document
    }

    static func screen(of document: StoreDocument, at now: Timestamp, size: Size, scrolls: Int = 0) -> [String] {
        var state = AppState(document: document, size: size, today: CalendarDay.local(at: now), user: "ana")
        _ = update(&state, .showView(.standup), now: now)
        for _ in 0..<scrolls { _ = update(&state, .moveDown, now: now) }
        return DashboardView(state: state, keyMap: .standard).render().lines
    }

    @Test(arguments: 0..<7, [false, true])
    func everyBlockStaysOnAScreenOf120x40(day: Int, busy: Bool) throws {
        let now = Self.morning(day)
        let document = Self.store(at: now, busy: busy)
        let report = StandupReport(document, today: CalendarDay.local(at: now))
        let lines = Self.screen(of: document, at: now, size: Size(width: 120, height: 40))
        let text = lines.joined(separator: "\n")
        for block in report.blocks.dropFirst() {
            #expect(text.contains(block.title), "\(block.title) is on screen on \(report.today)\n\(text)")
        }
        // The short, telling blocks are whole.
        for line in report.blocks.filter(\.isWhole).flatMap(\.lines) {
            #expect(text.contains(String(line.prefix(40))), "\(line)\n\(text)")
        }
        if report.neglectedSection != nil { #expect(text.contains("← least done")) }
        // A list that was cut says how much is left out, and shows at least its first lines.
        let ticked = try #require(report.blocks.first { $0.title.hasPrefix("Ticked since") })
        let heading = try #require(lines.firstIndex { $0.contains(ticked.title) })
        let column = lines[heading].distance(from: lines[heading].startIndex,
                                             to: try #require(lines[heading].range(of: ticked.title)).lowerBound)
        let below = lines[(heading + 1)..<(lines.count - 1)].map { String($0.dropFirst(column).prefix(50)) }.prefix { !$0.trimmed.isEmpty }
        let shown = below.filter { !$0.trimmed.hasPrefix("… ") }.count
        #expect(shown >= min(ticked.lines.count, StandupView.fewestLines))
        if shown < ticked.lines.count {
            #expect(below.last?.trimmed.hasPrefix("… \(ticked.lines.count - shown) more") == true, "\(below)")
        }
        if busy { #expect(ticked.lines.count > 30, "the busy week has a long list to cut") }
    }

    @Test func atEightyByTwentyFourEveryBlockIsReachedByScrolling() {
        let now = Self.morning(0)
        let document = Self.store(at: now, busy: true)
        let report = StandupReport(document, today: CalendarDay.local(at: now))
        var seen = Set<String>()
        for scroll in 0..<report.blocks.count {
            let text = Self.screen(of: document, at: now, size: Size(width: 80, height: 24), scrolls: scroll).joined()
            // A title wider than its column is cut at its end.
            for block in report.blocks where text.contains(block.title.prefix(30)) { seen.insert(block.title) }
        }
        #expect(seen == Set(report.blocks.dropFirst().map(\.title)))
    }
}

private extension String {
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
