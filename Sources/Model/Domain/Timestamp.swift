import Glibc

/// A moment, to the second, written in files as UTC ISO 8601: `2026-11-25T17:02:25Z`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public init?(iso text: String) {
        // YYYY-MM-DDTHH:MM:SSZ
        guard let layout = FixedLayout(text, length: 20), let day = CalendarDay(layout, at: 0),
              layout.has("T", at: 10), layout.has(":", at: 13), layout.has(":", at: 16), layout.has("Z", at: 19),
              let hour = layout.number(at: 11, width: 2), let minute = layout.number(at: 14, width: 2),
              let second = layout.number(at: 17, width: 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        secondsSince1970 = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var description: String {
        let day = CalendarDay(ordinal: Int((secondsSince1970 - secondsIntoDay) / 86_400))
        let hour = Int(secondsIntoDay / 3600)
        let minute = Int(secondsIntoDay % 3600 / 60)
        let second = Int(secondsIntoDay % 60)
        return "\(day)T\(CalendarDay.padded(hour, 2)):\(CalendarDay.padded(minute, 2)):\(CalendarDay.padded(second, 2))Z"
    }

    private var secondsIntoDay: Int64 {
        ((secondsSince1970 % 86_400) + 86_400) % 86_400
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }
}
