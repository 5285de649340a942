import Model
import Testing

@Suite struct CalendarTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2000-02-29", 11_016, 2), ("2026-11-25", 20_782, 3), ("1969-12-31", -1, 3),
    ])
    func convertsBetweenTextAndOrdinal(text: String, ordinal: Int, weekday: Int) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.ordinal == ordinal)
        #expect(day.description == text)
        #expect(day.weekday == weekday)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-32", "", "yesterday"])
    func rejectsImpossibleDates(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test func aDayStartsAtTheFirstMomentThatIsLocallyThatDay() throws {
        let first = try #require(CalendarDay(iso: "2025-01-01"))
        for offset in 0..<800 {
            let day = first.adding(days: offset)
            let start = day.localStart
            #expect(CalendarDay.local(at: start) == day, "\(day)")
            #expect(CalendarDay.local(at: Timestamp(secondsSince1970: start.secondsSince1970 - 1)) < day, "\(day)")
        }
    }

    @Test func timestampsRoundTripThroughISOText() throws {
        let moment = try #require(Timestamp(iso: "2026-11-25T17:02:25Z"))
        #expect(moment.secondsSince1970 == 1_795_626_145)
        #expect(moment.description == "2026-11-25T17:02:25Z")
        #expect(Timestamp(iso: "2026-11-25 17:02:25") == nil)
        #expect(Timestamp(iso: "2026-11-25T24:00:00Z") == nil)
    }

    @Test func addsDaysAcrossMonthsAndYears() throws {
        let day = try #require(CalendarDay(iso: "2026-12-30"))
        #expect(day.adding(days: 3).description == "2027-01-02")
        #expect(day.days(until: try #require(CalendarDay(iso: "2027-03-01"))) == 61)
        #expect(day.shortDescription == "Dec 30")
    }
}
