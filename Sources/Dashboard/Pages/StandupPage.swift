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
        state.memories[Memory.self, of: view].blocks = MadeBlocks(
            version: state.documentVersion, today: state.today, blocks: StandupReport(state.document, today: state.today).blocks)
    }
}

extension StandupPage {
    /// Blocks of the stand-up scrolled past, when it does not fit.
    struct Memory: PageMemory {
        var scroll = 0
        /// The stand-up as it was last made: made again only when the document or the day
        /// changed, not at every key (a big store's stand-up takes a while to make).
        var blocks: MadeBlocks?
    }

    struct MadeBlocks: Equatable, Sendable {
        var version: Int
        var today: CalendarDay
        var blocks: [StandupBlock]
    }

    private func scroll(in state: AppState) -> Int {
        state.memories[Memory.self, of: view].scroll
    }

    /// The blocks made before, when they are still those of the document and the day.
    private func made(in state: AppState) -> [StandupBlock]? {
        guard let made = state.memories[Memory.self, of: view].blocks,
              made.version == state.documentVersion, made.today == state.today else { return nil }
        return made.blocks
    }

    private func blocks(in state: AppState) -> [StandupBlock] {
        made(in: state) ?? StandupReport(state.document, today: state.today).blocks
    }
}
