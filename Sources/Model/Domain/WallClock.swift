import Glibc

/// Where fours learns what time it is. Every "what day is it" (the dashboard, the stand-up,
/// a tick's moment, the demo, a command's defaults) asks the one clock handed down from
/// where the process starts: the system's, or the system's moved so that it reads a given
/// moment at start and runs on from there (`FOURS_NOW`, for a demo or a test of another day).
public struct WallClock: Sendable, Equatable {
    /// Seconds added to the system's clock.
    private let offset: Int64

    private init(offset: Int64) {
        self.offset = offset
    }

    public static let system = WallClock(offset: 0)

    /// A clock that reads `moment` now and runs on from it.
    public static func starting(at moment: Timestamp) -> WallClock {
        WallClock(offset: moment.secondsSince1970 - systemSeconds())
    }

    public func now() -> Timestamp {
        Timestamp(secondsSince1970: Self.systemSeconds() + offset)
    }

    /// The calendar day now, in this machine's time zone.
    public var today: CalendarDay {
        CalendarDay.local(at: now())
    }

    private static func systemSeconds() -> Int64 {
        Int64(time(nil))
    }
}

extension WallClock {
    /// The variable that starts the clock at another moment.
    public static let environmentKey = "FOURS_NOW"

    /// The system's clock, or the one `FOURS_NOW` starts: a moment (`2026-12-14T08:55:00Z`,
    /// UTC) or a day (`2026-12-14`, at 09:00 in this machine's time zone).
    public init(environment: [String: String]) throws(ClockSettingError) {
        guard let text = environment[Self.environmentKey], !text.isEmpty else {
            self = .system
            return
        }
        if let moment = Timestamp(iso: text) {
            self = .starting(at: moment)
        } else if let day = CalendarDay(iso: text) {
            self = .starting(at: Timestamp(secondsSince1970: day.localStart.secondsSince1970 + 9 * 3_600))
        } else {
            throw ClockSettingError(text: text)
        }
    }
}

/// `FOURS_NOW` holds something that is neither a moment nor a day.
public struct ClockSettingError: Error, Sendable, Equatable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    public var message: String {
        "\(WallClock.environmentKey)=\(text) is not a moment: give one as 2026-12-14T08:55:00Z (UTC) "
            + "or a day as 2026-12-14, or unset it to use this machine's clock"
    }
}
