import Model

/// What a page makes from the document that takes a big store a while (the stand-up, the
/// stakeholders list): made on another core before the page is first shown, and again
/// after a change once nothing was typed for a moment, so that showing the page seldom
/// makes it on the spot and making it never competes with keys typed in a row.
struct MadeAwayFromKeys<Value: Equatable & Sendable>: Equatable, Sendable {
    /// As last made; one of a document or day changed since is kept but never shown.
    private var made: MadeFromDocument<Value>?
    /// Whether it is being made away from the keys.
    private(set) var isBeingMade = false

    /// The value made from this document for this day, if there is one.
    func value(in state: AppState) -> Value? {
        made?.value(in: state)
    }

    /// Whether to ask for it to be made away from the keys now: when none was made yet, or
    /// when the one kept is out of date and nothing was typed for a while (`quiet`), and
    /// none is being made. Counts it as being made when so.
    mutating func ask(in state: AppState, quiet: Bool) -> Bool {
        guard value(in: state) == nil, !isBeingMade, made == nil || quiet else { return false }
        isBeingMade = true
        return true
    }

    /// Takes a value made away from the keys from the document of `version`, unless an
    /// up-to-date one is kept already.
    mutating func take(_ value: Value, version: Int, today: CalendarDay, in state: AppState) {
        isBeingMade = false
        guard self.value(in: state) == nil else { return }
        made = MadeFromDocument(version: version, today: today, value: value)
    }

    /// Makes it on the spot, unless an up-to-date one is kept.
    mutating func makeIfOutOfDate(in state: AppState, _ make: (AppState) -> Value) {
        guard value(in: state) == nil else { return }
        made = MadeFromDocument(state, make)
    }
}
