import Glibc

/// A day on the calendar, without a time or a time zone: what "due 2026-11-28" means.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01; makes comparing and adding days plain integer arithmetic.
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// Reads `YYYY-MM-DD`.
    public init?(iso text: String) {
        guard let layout = FixedLayout(text, length: 10) else { return nil }
        self.init(layout, at: 0)
    }

    /// The day written as `YYYY-MM-DD` at `offset`.
    init?(_ layout: FixedLayout, at offset: Int) {
        guard layout.has("-", at: offset + 4), layout.has("-", at: offset + 7),
              let year = layout.number(at: offset, width: 4), let month = layout.number(at: offset + 5, width: 2),
              let day = layout.number(at: offset + 8, width: 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil-from-days algorithm.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Monday is 1, Sunday is 7.
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        ((ordinal % 7 + 7 + 3) % 7) + 1
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(ordinal: ordinal + days)
    }

    public func days(until other: CalendarDay) -> Int {
        other.ordinal - ordinal
    }

    public var description: String {
        let (year, month, day) = components
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Nov 28": short enough for a table column.
    public var shortDescription: String {
        let (_, month, day) = components
        return "\(Self.monthNames[month - 1]) \(Self.padded(day, 2))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The local calendar day at a moment, in the time zone of this machine.
    public static func local(at moment: Timestamp) -> CalendarDay {
        var seconds = time_t(moment.secondsSince1970)
        var broken = tm()
        guard localtime_r(&seconds, &broken) != nil,
              let day = CalendarDay(year: Int(broken.tm_year) + 1900, month: Int(broken.tm_mon) + 1,
                                    day: Int(broken.tm_mday)) else {
            return CalendarDay(ordinal: Int(moment.secondsSince1970 / 86_400))
        }
        return day
    }

    /// The first moment of this day in the local time zone: a moment lies on this day or
    /// later when it is not before it. Comparing moments with it spares a conversion to
    /// local time per moment (glibc's takes a lock and looks at the zone each time).
    public var localStart: Timestamp {
        let (year, month, day) = components
        var broken = tm()
        broken.tm_year = Int32(year - 1900)
        broken.tm_mon = Int32(month - 1)
        broken.tm_mday = Int32(day)
        broken.tm_isdst = -1
        let seconds = mktime(&broken)
        return Timestamp(secondsSince1970: seconds == -1 ? Int64(ordinal) * 86_400 : Int64(seconds))
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days-from-civil algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
