import Model

extension AppView {
    static let standup = AppView(number: 3, title: "Stand-up")
}

/// The morning glance: what moved since the last working day, what is due, who to call.
struct StandupPage: Page {
    var view: AppView { .standup }
    var summary: String { "Stand-up view" }

    func scopes(in state: AppState) -> [KeyScope] { [.standup, .everywhere] }

    func headerFacts(in state: AppState) -> HeaderFacts {
        let since = "since \(StandupReport.lastWorkingDay(before: state.today).shortDescription)"
        return HeaderFacts(full: [since], short: [since])
    }

    /// The stand-up scrolls a block at a time.
    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            let blocks = blocks(in: state).count
            let step = action == .moveDown || action == .pageDown ? 1 : -1
            state.memories[Memory.self, of: view].scroll = max(0, min(blocks - 2, scroll(in: state) + step))
            return []
        default:
            return nil
        }
    }

    func render(_ state: AppState, into screen: inout Screen, area: Rect, hits: inout HitTargets) {
        StandupView(blocks: blocks(in: state), rect: area, scroll: scroll(in: state)).draw(into: &screen)
    }

    /// Makes the blocks when the document or the day changed since they were made.
    func settle(_ state: inout AppState) {
        guard made(in: state) == nil else { return }
        state.memories[Memory.self, of: view].blocks = MadeFromDocument(state, Self.makeBlocks)
    }

    /// Asks, once the pages before it have what they asked for, for the stand-up to be
    /// made away from the keys when none was made yet, and again when the one kept is out of date and nothing
    /// was typed for a while (`quiet`: a big store's takes a core for a moment), unless
    /// one is being made: the morning glance then opens at once, even on a big store and
    /// after a change.
    func workAwayFromTheKeys(_ state: inout AppState, quiet: Bool) -> PageWork? {
        var memory = state.memories[Memory.self, of: view]
        guard made(in: state) == nil, !memory.isBeingMade, memory.blocks == nil || quiet else {
            return nil
        }
        memory.isBeingMade = true
        state.memories[Memory.self, of: view] = memory
        let (document, today) = (state.document, state.today)
        return PageWork(view: view, version: state.documentVersion, today: today) { Self.blocks(of: document, today: today) }
    }

    /// Takes blocks made away from the keys, unless up-to-date ones are kept already;
    /// blocks of a document or day changed since are kept but never shown (`MadeFromDocument`).
    func take(_ result: PageWork.Result, in state: inout AppState) {
        state.memories[Memory.self, of: view].isBeingMade = false
        guard made(in: state) == nil, let blocks = result.value as? [StandupBlock] else { return }
        state.memories[Memory.self, of: view].blocks = MadeFromDocument(version: result.version, today: result.today, value: blocks)
    }
}

extension StandupPage {
    /// Blocks of the stand-up scrolled past, when it does not fit.
    struct Memory: PageMemory {
        var scroll = 0
        /// The stand-up as it was last made (a big store's takes a while to make).
        var blocks: MadeFromDocument<[StandupBlock]>?
        /// Whether it is being made away from the keys.
        var isBeingMade = false
    }

    /// More lines than any terminal has rows: the rest is only counted.
    private static let linesEach = 500

    static func blocks(of document: StoreDocument, today: CalendarDay) -> [StandupBlock] {
        StandupReport(document, today: today).blocks(linesEach: linesEach)
    }

    private static func makeBlocks(_ state: AppState) -> [StandupBlock] {
        blocks(of: state.document, today: state.today)
    }

    private func scroll(in state: AppState) -> Int {
        state.memories[Memory.self, of: view].scroll
    }

    private func made(in state: AppState) -> [StandupBlock]? {
        state.memories[Memory.self, of: view].blocks?.value(in: state)
    }

    private func blocks(in state: AppState) -> [StandupBlock] {
        made(in: state) ?? Self.makeBlocks(state)
    }
}
