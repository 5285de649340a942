import Foundation
import Model
import Testing

/// The one clock, and what is made from it, checked at moments of every kind: each weekday
/// at both ends of the day, the year's last minute, a leap day, the days summer time
/// starts and ends (in whatever time zone the suite runs under), and far from today.
/// Expectations are worked out with Foundation's calendar, apart from fours's own.
@Suite struct ClockTests {
    static let moments: [(Int, Int, Int, Int, Int, Int)] = [
        (2026, 12, 14, 0, 0, 30), (2026, 12, 14, 8, 55, 0), (2026, 12, 15, 23, 59, 30), (2026, 12, 16, 12, 0, 0),
        (2026, 12, 17, 0, 0, 30), (2026, 12, 18, 17, 30, 0), (2026, 12, 19, 9, 0, 0), (2026, 12, 20, 23, 58, 30),
        (2026, 12, 31, 23, 59, 0), (2028, 2, 29, 12, 0, 0), (2027, 3, 28, 3, 30, 0), (2027, 3, 14, 3, 30, 0),
        (2026, 10, 25, 2, 30, 0), (2026, 11, 1, 1, 30, 0), (1970, 1, 2, 9, 0, 0), (2100, 1, 1, 9, 0, 0),
    ]

    /// The moment of a local date and time, by Foundation's calendar.
    static func moment(_ parts: (Int, Int, Int, Int, Int, Int)) -> Timestamp {
        let date = localCalendar.date(from: DateComponents(year: parts.0, month: parts.1, day: parts.2,
                                                           hour: parts.3, minute: parts.4, second: parts.5))!
        return Timestamp(secondsSince1970: Int64(date.timeIntervalSince1970))
    }

    static var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar
    }

    /// The first moment of a `YYYY-MM-DD` day here, by Foundation.
    static func start(of day: CalendarDay, plusDays extra: Int = 0) -> Int64 {
        let parts = day.description.split(separator: "-").compactMap { Int($0) }
        let date = localCalendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + extra))!
        return Int64(localCalendar.startOfDay(for: date).timeIntervalSince1970)
    }

    @Test func aClockSetByTheEnvironmentReadsItsMomentAndRunsOn() throws {
        #expect(try WallClock(environment: [:]) == .system)
        #expect(try WallClock(environment: ["FOURS_NOW": ""]) == .system)
        let moment = try #require(Timestamp(iso: "2026-12-14T08:55:00Z"))
        let set = try WallClock(environment: ["FOURS_NOW": "2026-12-14T08:55:00Z"])
        let read = set.now().secondsSince1970 - moment.secondsSince1970
        #expect((0...2).contains(read), "it reads the moment given, give or take the test's own time")

        let day = try WallClock(environment: ["FOURS_NOW": "2026-12-14"])
        #expect(day.today.description == "2026-12-14")
        #expect(day.now().secondsSince1970 - Self.start(of: day.today) >= 9 * 3_600, "a day means its morning")

        #expect(throws: ClockSettingError(text: "monday")) { try WallClock(environment: ["FOURS_NOW": "monday"]) }
        #expect(ClockSettingError(text: "monday").message.contains("FOURS_NOW=monday is not a moment"))
    }

    @Test(arguments: moments)
    func theDemoCouldHaveHappenedWhateverMomentItIsMade(_ parts: (Int, Int, Int, Int, Int, Int)) throws {
        let now = Self.moment(parts)
        let document = DemoStore.make(now: now)
        let today = CalendarDay.local(at: now)
        #expect(Self.start(of: today) <= now.secondsSince1970 && now.secondsSince1970 < Self.start(of: today, plusDays: 1))
        for order in document.orders {
            let arrived = Self.start(of: order.received)
            #expect(order.received <= today, "#\(order.id) arrives in the future")
            #expect(order.status.isOpen == (order.closedOn == nil), "#\(order.id) is closed on a day when it is done")
            let closedBy = order.closedOn.map { Self.start(of: $0, plusDays: 1) }
            if let closedOn = order.closedOn {
                #expect(order.received <= closedOn && closedOn <= today, "#\(order.id) closed \(closedOn)")
            }
            for (_, step) in order.checklist.allSteps {
                guard let tick = step.tick else { continue }
                let at = tick.at.secondsSince1970
                #expect(at >= arrived, "#\(order.id) ticked \(tick.at), before it came in on \(order.received)")
                #expect(at <= now.secondsSince1970, "#\(order.id) ticked \(tick.at), after now")
                if let closedBy { #expect(at < closedBy, "#\(order.id) ticked \(tick.at), after it was closed") }
            }
            for note in order.notes {
                #expect(note.at.secondsSince1970 >= arrived && note.at <= now, "#\(order.id) note at \(note.at)")
            }
        }
        for stakeholder in document.stakeholders {
            for move in stakeholder.stageHistory { #expect(move.at <= now, "\(stakeholder.name) moves in the future") }
            for note in stakeholder.notes { #expect(note.at <= now, "\(stakeholder.name) has a note from the future") }
        }
    }

    @Test(arguments: ["1970-01-02", "2100-01-01"])
    func aStandupFarFromTheStoresDatesIsEmptyButSound(_ day: String) throws {
        let today = try #require(CalendarDay(iso: day))
        let report = StandupReport(DemoStore.make(now: Self.moment((2026, 12, 14, 8, 55, 0))), today: today)
        #expect(report.ticks.isEmpty, "nothing dated after today counts as done since")
        #expect(report.stageMoves.isEmpty)
        #expect(report.people.allSatisfy { $0.ticked == 0 && $0.notes == 0 && $0.stageMoves == 0 })
        let openCount = report.open.count
        #expect(openCount == 9)
        #expect(report.overdue.count == (today.description == "2100-01-01" ? 8 : 0), "every order with a due date is late in 2100")
        #expect(report.text.hasPrefix("Stand-up \(day)\n"))
    }
}
