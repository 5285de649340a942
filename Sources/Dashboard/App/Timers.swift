import Model

/// When the things that happen with time last happened: a passing message shown, an
/// automatic retry of unsaved changes, the once-a-second look at the clock.
struct Timers: Equatable, Sendable {
    /// How long a passing message stays.
    static let statusLifetime: Int64 = 8
    /// How long between automatic attempts to save what could not be saved.
    static let retryInterval: Int64 = 5

    var statusShownAt = Timestamp(secondsSince1970: 0)
    var lastRetry = Timestamp(secondsSince1970: 0)
    var lastSecond = Timestamp(secondsSince1970: 0)
}

extension AppState {
    /// Time passed: each turn of the program loop asks for a look at the store; once a
    /// second, a new day, a message that has had its time, a retry of what is unsaved, and
    /// a look for a sync service's conflicted copies.
    mutating func timePassed(now: Timestamp) -> [Effect] {
        var effects: [Effect] = [.checkStore]
        guard now.secondsSince1970 - timers.lastSecond.secondsSince1970 >= 1 else { return effects }
        timers.lastSecond = now
        effects.append(.lookForSyncCopies)
        let today = CalendarDay.local(at: now)
        if today != self.today { changeDay(to: today) }
        if let kind = status?.kind, kind == .info || kind == .success,
           now.secondsSince1970 - timers.statusShownAt.secondsSince1970 >= Timers.statusLifetime {
            status = nil
        }
        if !unsaved.isEmpty && now.secondsSince1970 - timers.lastRetry.secondsSince1970 >= Timers.retryInterval {
            timers.lastRetry = now
            effects.append(.persist(unsaved))
        }
        return effects
    }
}
