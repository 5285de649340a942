import Model

/// One view of the dashboard, shown by its number key. Everything that differs between
/// views lives in its page: its keys, what the header says of it, its part of `update`
/// (the movement keys, `e`, `n` and the keys of its own), the mouse, and how it draws. A
/// new view is one new page type and one line in `Pages.all`.
protocol Page: Sendable {
    var view: AppView { get }
    /// What the help says the view's number key shows.
    var summary: String { get }
    /// Whether it lists orders with the selected one's detail beside: the keys that act
    /// on an order act on the selected one.
    var listsOrders: Bool { get }
    /// Whether an order or a stakeholder is selected in it, for the keys that act on one.
    var selectsOrdersOrStakeholders: Bool { get }
    /// What it lists before the user chooses, and after `F`; nil when it lists no orders.
    var defaultQuery: QueueQuery? { get }
    /// Its key scopes, the first taking precedence (`everywhere` last, unless it takes
    /// every key itself, as a search being typed does).
    func scopes(in state: AppState) -> [KeyScope]
    /// What the header says of it: figures, and for a list its sort, filters and search.
    func headerFacts(in state: AppState) -> HeaderFacts
    /// Its part of `update`: nil leaves the action to the app.
    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]?
    /// The mouse wheel over (`x`, `y`).
    func scroll(up: Bool, x: Int, y: Int, in state: inout AppState, now: Timestamp)
    /// Draws it between the header and the footer, recording where a click acts.
    func render(_ state: AppState, into screen: inout Screen, area: Rect, hits: inout HitTargets)
    /// A click on one of the places it recorded.
    func click(_ target: HitTarget, in state: inout AppState, now: Timestamp) -> [Effect]
    /// The order the keys act on, in a view that lists orders.
    func selectedOrder(in state: AppState) -> TrainingOrder?
    /// The stakeholder that `<`, `>`, `e` and `n` act on, when no order is.
    func selectedStakeholder(in state: AppState) -> Stakeholder?
    /// How many rows its list has: a short list gives its spare rows to the pane below.
    func listLength(in state: AppState) -> Int
    /// Keeps its memory within what there is to show, after the document, the list or
    /// the terminal's size changed.
    func settle(_ state: inout AppState)
    /// Takes up what it shows when it comes into view (and when the app starts on it).
    func enter(_ state: inout AppState)
    /// What it lets go of when another view is shown.
    func leave(_ state: inout AppState)
    /// After the document was replaced in a way that may change what it lists and where
    /// (a change, a reload, a merge).
    func documentReplaced(_ state: inout AppState)
    /// After more of a big store was read, the first frame being up: checklists, or whole
    /// orders in place of their sketches (`replacingSketches`).
    func laterReadingTaken(_ state: inout AppState, replacingSketches: Bool)
    /// After midnight: what it shows of the day.
    func dayChanged(_ state: inout AppState)
    /// Work it wants done away from the keys, asked in a moment nobody waits on (`quiet`:
    /// nothing was typed for a while); nil when none.
    func workAwayFromTheKeys(_ state: inout AppState, quiet: Bool) -> PageWork?
    /// Takes what that work made.
    func take(_ result: PageWork.Result, in state: inout AppState)
    /// After every action: keeps what it shows in step with what the action changed.
    func follow(_ state: inout AppState)
    /// The footer, when it has one of its own (a search being typed), with the cursor's column.
    func footer(in state: AppState, width: Int) -> (line: StyledLine, cursor: Int)?
    /// The orders it has on screen, by id: a big store's checklists (or, when the orders
    /// are `sketched`, the orders whole) are read for them first; nil when it needs every
    /// order's (a list sorted by progress or searched, or any page but a list its orders'
    /// sketches can choose and order).
    func ordersOnScreen(in state: AppState, sketched: Bool) -> [Int]?
}

extension Page {
    var listsOrders: Bool { false }

    var selectsOrdersOrStakeholders: Bool { listsOrders }

    var defaultQuery: QueueQuery? { nil }

    func scroll(up: Bool, x: Int, y: Int, in state: inout AppState, now: Timestamp) {
        for _ in 0..<3 { _ = update(up ? .moveUp : .moveDown, state: &state, now: now) }
    }

    func click(_ target: HitTarget, in state: inout AppState, now: Timestamp) -> [Effect] { [] }

    func selectedOrder(in state: AppState) -> TrainingOrder? { nil }

    func selectedStakeholder(in state: AppState) -> Stakeholder? { nil }

    func listLength(in state: AppState) -> Int { .max }

    func settle(_ state: inout AppState) {}

    func enter(_ state: inout AppState) { settle(&state) }

    func leave(_ state: inout AppState) {}

    func documentReplaced(_ state: inout AppState) { settle(&state) }

    func laterReadingTaken(_ state: inout AppState, replacingSketches: Bool) { settle(&state) }

    func dayChanged(_ state: inout AppState) { settle(&state) }

    func workAwayFromTheKeys(_ state: inout AppState, quiet: Bool) -> PageWork? { nil }

    func take(_ result: PageWork.Result, in state: inout AppState) {}

    func follow(_ state: inout AppState) {}

    func footer(in state: AppState, width: Int) -> (line: StyledLine, cursor: Int)? { nil }

    func ordersOnScreen(in state: AppState, sketched: Bool) -> [Int]? { sketched ? nil : [] }
}

/// A view's name and number key.
struct AppView: Hashable, Sendable {
    let number: Int
    let title: String
}

/// What the header says of a view, longest first: it takes the first that fits.
struct HeaderFacts: Equatable {
    var full: [String]
    var short: [String]
    /// The view's sort, filters and search alone, for the narrowest header.
    var choices: [String]
    /// Where the selection is in its list ("3/120"), beside the date.
    var place: String?

    init(full: [String], short: [String], choices: [String] = [], place: String? = nil) {
        self.full = full + choices
        self.short = short + choices
        self.choices = choices.isEmpty ? short : choices
        self.place = place
    }
}

/// Every view, in the order of their number keys.
enum Pages {
    static let all: [any Page] = [
        OrderListPage.queue,
        StakeholdersPage(),
        StandupPage(),
        OrderListPage.archive,
    ]

    static func page(for view: AppView) -> any Page {
        all.first { $0.view == view } ?? all[0]
    }
}
