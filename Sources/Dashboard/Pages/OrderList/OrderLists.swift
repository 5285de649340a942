import Model

/// What the two order lists (the queue and the archive) keep between keys, shared by both:
/// the orders the list in view shows and which is selected, what each list shows, each
/// list as it was left, and the search index. Kept among the pages' memories; only the
/// order list's files read it.
struct OrderLists: PageMemory {
    /// The orders the list in view shows, in order; rebuilt only when what it shows changes.
    var queue = OrderQueue()
    /// Counts for the queue's header, made with the queue.
    var summary = QueueSummary()
    /// The position of the selected order in the list in view.
    var selectedPosition = 0
    /// What each list shows, once changed from what its page shows at first.
    var queries: [AppView: QueueQuery] = [:]
    /// The folded text of every order, for search: built away from the keys once the screen
    /// is up (or when a search starts before that), of the document's text as counted by
    /// `AppState.textVersion`, so that ticks and saves cost nothing for it.
    var searchIndex: SearchIndexMade?
    /// The text version an index was last asked for, so that it is asked once.
    var searchIndexAsked: Int?
    /// The list as it was before each letter of the search typed so far: deleting letters
    /// goes back to it instead of searching every order again.
    var searchTrail: [SearchStep] = []
    /// The order selected in each list, to come back to it.
    var selectionByView: [AppView: Int] = [:]
    /// Each list as it was left, with its query: shown again as it was when nothing changed
    /// meanwhile, instead of filtering and sorting every order again.
    var listsLeft: [AppView: ListLeft] = [:]
    /// The orders marked to change at once, by id; kept through reloads, less those gone.
    var marked: Set<Int> = []
    /// The searches, filters and sorts saved under a name, as the person's state file has them.
    var views: [SavedView] = []

    struct SearchStep: Equatable, Sendable {
        var search: String
        var queue: OrderQueue
    }

    struct ListLeft: Equatable, Sendable {
        var query: QueueQuery
        var queue: MadeFromDocument<OrderQueue>
    }

    /// A search index, with the text version it was built from.
    struct SearchIndexMade: Equatable, Sendable {
        var index: SearchIndex
        var textVersion: Int
    }
}

/// The order lists as the order list's page keeps them.
extension AppState {
    fileprivate var lists: OrderLists {
        get { memories[shared: OrderLists.self] }
        set { memories[shared: OrderLists.self] = newValue }
    }

    /// The orders the list in view shows.
    private(set) var queue: OrderQueue {
        get { lists.queue }
        set { lists.queue = newValue }
    }

    /// Counts for the queue's header.
    var summary: QueueSummary { lists.summary }

    /// The position of the selected order in the list in view.
    var selectedPosition: Int {
        get { lists.selectedPosition }
        set { lists.selectedPosition = newValue }
    }

    /// The order at the list's selection.
    var orderAtSelection: TrainingOrder? {
        let lists = lists
        guard lists.queue.orderIDs.indices.contains(lists.selectedPosition) else { return nil }
        return document.order(id: lists.queue.orderIDs[lists.selectedPosition])
    }

    /// What the queue shows; remembered between runs.
    var queueQuery: QueueQuery { lists.queries[.queue] ?? QueueQuery() }

    /// The query of the order list in view; the queue's in a view that lists no orders.
    var query: QueueQuery { lists.queries[view] ?? page.defaultQuery ?? queueQuery }

    /// The query of the list in view with its filters cleared: open orders in the queue,
    /// delivered and closed ones in the archive.
    var clearedQuery: QueueQuery {
        query.cleared(showing: (page.defaultQuery ?? QueueQuery()).status)
    }

    /// The search index, while it is of the document's text as it is.
    var searchIndex: SearchIndex? {
        lists.searchIndex.flatMap { $0.textVersion == textVersion ? $0.index : nil }
    }

    /// Shows the queue's query remembered from the last run, and keeps the saved views.
    mutating func restore(_ preferences: ViewPreferences) {
        lists.views = preferences.views
        guard preferences.queue != queueQuery else { return }
        lists.queries[.queue] = preferences.queue
        if view == .queue { rebuildQueue() }
    }

    /// The views saved under a name.
    var savedViews: [SavedView] { lists.views }

    /// Keeps `views` as the saved ones, and asks for them to be remembered.
    mutating func keep(views: [SavedView]) -> [Effect] {
        lists.views = views
        return [.saveViews(views)]
    }

    mutating func showOrders(_ filter: StatusFilter) {
        var query = queueQuery
        query.status = filter
        setQuery(query)
    }

    /// Changes what the list in view shows, keeping the selected order when it still shows.
    mutating func setQuery(_ query: QueueQuery) {
        let previous = self.query
        guard query != previous else { return }
        lists.queries[view] = query
        var searchOnly = previous
        searchOnly.search = query.search
        let selectedID = orderAtSelection?.id
        if searchOnly == query, query.search.folded.hasPrefix(previous.search.folded), let index = currentSearchIndex() {
            // More of the same search typed: only the orders shown so far can still match.
            lists.searchTrail.append(OrderLists.SearchStep(search: previous.search, queue: queue))
            queue = queue.narrowed(toMatch: query.search, in: index)
        } else if searchOnly == query, let earlier = lists.searchTrail.lastIndex(where: { $0.search == query.search }) {
            // Letters deleted: the list is what it was when the search was this far.
            queue = lists.searchTrail[earlier].queue
            lists.searchTrail.removeSubrange(earlier...)
        } else {
            rebuildQueue()
            return
        }
        if let selectedID, let position = queue.position(of: selectedID) { selectedPosition = position }
        clampSelection()
    }

    /// Shows what the filter form asked for, and remembers it for the next run.
    mutating func showFiltered(_ query: QueueQuery) -> [Effect] {
        setQuery(query)
        status = StatusMessage(text: "Showing \(Counted(queue.count, "order"))", kind: .info)
        return [.savePreferences(query)]
    }

    /// Selects an order just added or changed, showing every order when the list in view
    /// does not have it.
    mutating func reveal(order id: Int) {
        if queue.position(of: id) == nil { showOrders(.all) }
        select(order: id)
    }

    /// Shows `stakeholder`'s orders, open and closed, in the queue.
    mutating func showOrders(of stakeholder: Stakeholder) {
        show(.queue)
        var query = clearedQuery
        query.stakeholderID = stakeholder.id
        query.status = .all
        setQuery(query)
    }

    /// The list comes into view: as it was left when nothing changed meanwhile, with the
    /// order selected that was.
    mutating func enterOrderList() {
        selectedPosition = 0
        if let left = lists.listsLeft[view], left.query == query, let queue = left.queue.value(in: self) {
            lists.searchTrail = []
            self.queue = queue
            clampSelection()
        } else {
            rebuildQueue()
        }
        if let id = lists.selectionByView[view] { select(order: id) }
    }

    /// The list goes out of view: it and its selection are kept for when it is back.
    mutating func leaveOrderList() {
        if let id = orderAtSelection?.id { lists.selectionByView[view] = id }
        lists.listsLeft[view] = OrderLists.ListLeft(query: query, queue: MadeFromDocument(self) { $0.queue })
    }

    /// Filters and sorts the orders again after the document changed, keeping the user's
    /// place: the same order stays selected (or the one now at its position, if it left the list).
    /// Marks on orders that are gone go with them.
    mutating func reorderLists() {
        lists.summary = QueueSummary(document, today: today)
        if !lists.marked.isEmpty { lists.marked = lists.marked.filter { document.order(id: $0) != nil } }
        guard page.listsOrders else { return }
        rebuildQueue()
    }

    /// The header's counts again, for a new day.
    mutating func recountSummary() {
        lists.summary = QueueSummary(document, today: today)
    }

    private mutating func rebuildQueue() {
        lists.searchTrail = []
        let selectedID = orderAtSelection?.id
        queue = OrderQueue(document, query: query, today: today, searchIndex: currentSearchIndex())
        if let selectedID, let position = queue.position(of: selectedID) { selectedPosition = position }
        clampSelection()
    }

    /// The search index when a search needs one: built now if the one asked for has not
    /// come yet.
    private mutating func currentSearchIndex() -> SearchIndex? {
        guard !query.search.isEmpty else { return nil }
        if let index = searchIndex { return index }
        let index = SearchIndex(document)
        lists.searchIndex = OrderLists.SearchIndexMade(index: index, textVersion: textVersion)
        return index
    }

    /// Work for away from the keys: the search index, when there is none and none was asked
    /// for this text.
    mutating func searchIndexWork(for view: AppView) -> PageWork? {
        guard searchIndex == nil, lists.searchIndexAsked != textVersion else { return nil }
        lists.searchIndexAsked = textVersion
        let (document, textVersion) = (document, textVersion)
        return PageWork(view: view, version: documentVersion, today: today) {
            OrderLists.SearchIndexMade(index: SearchIndex(document), textVersion: textVersion)
        }
    }

    /// Takes an index built away from the keys, unless the text changed since.
    mutating func take(_ made: OrderLists.SearchIndexMade) {
        guard made.textVersion == textVersion, searchIndex == nil else { return }
        lists.searchIndex = made
    }

    /// The orders marked to change at once, in the list's order, then any not shown.
    var markedOrders: [Int] {
        let marked = lists.marked
        guard !marked.isEmpty else { return [] }
        let shown = queue.orderIDs.filter(marked.contains)
        return shown + marked.subtracting(shown).sorted()
    }

    /// Marks the selected order, or unmarks it, and moves on to the next, as a mail reader does.
    mutating func toggleMark() {
        guard let id = orderAtSelection?.id else { return }
        if lists.marked.remove(id) == nil { lists.marked.insert(id) }
        selectedPosition = min(selectedPosition + 1, max(0, queue.count - 1))
        clampSelection()
    }

    /// Marks every order shown; when all of them are marked already, clears the marks.
    mutating func markAllShown() {
        let shown = Set(queue.orderIDs)
        lists.marked = shown.isSubset(of: lists.marked) ? [] : lists.marked.union(shown)
    }

    mutating func clearMarks() {
        lists.marked = []
    }

    mutating func select(order id: Int) {
        if let position = queue.position(of: id) {
            selectedPosition = position
            clampSelection()
        }
    }
}
