import Model

struct StatusMessage: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case info
        /// A change shown on screen, waiting for the store to confirm it is saved.
        case pending
        case success
        case error
    }
    var text: String
    var kind: Kind
}

/// A change that `u` can take back: the change itself, the one that undoes it, and how the
/// status line names it.
struct UndoEntry: Equatable, Sendable {
    var forward: StoreOperation
    var inverse: StoreOperation
    var label: String
}

/// Everything the screen shows, in one value. Only `update` changes it.
struct AppState: Equatable, Sendable {
    static let undoDepth = 200

    private(set) var document: StoreDocument {
        didSet { documentVersion &+= 1 }
    }
    /// Counts the changes of `document`: what is made from it can say which one it was made from.
    private(set) var documentVersion = 0
    /// The orders the queue shows, in order, recomputed only when the document changes.
    private(set) var queue: OrderQueue
    /// Counts for the header, recomputed with the queue.
    private(set) var summary: QueueSummary
    var size: Size
    private(set) var today: CalendarDay
    /// Who ticks steps and moves stages, as recorded in the file.
    let user: String
    /// The position of the selected order in the list in view.
    var selectedPosition = 0
    private(set) var view: AppView = .queue
    /// What each page keeps of its own: its scrolls, its focus.
    var memories = PageMemories()
    /// The dialogs over the page: the help, a form, a question.
    var overlays = OverlayStack()
    /// What each order list shows, once changed from what its page shows at first.
    private var queries: [AppView: QueueQuery] = [:]
    /// The folded text of every order, for search: built on another thread once the
    /// screen is up (or when a search starts before that), dropped when a change alters
    /// what a search finds, so that ticks and saves cost nothing for it.
    private(set) var searchIndex: SearchIndex?
    /// Counts the changes that alter what a search finds: an index built for an earlier
    /// count is not taken.
    private var searchGeneration = 0
    /// The count an index was last asked for, so that it is asked once.
    private var searchIndexRequested: Int?
    /// The queue as it was before each letter of the search typed so far: deleting
    /// letters goes back to it instead of searching every order again.
    private var searchTrail: [SearchStep] = []

    private struct SearchStep: Equatable, Sendable {
        var search: String
        var queue: OrderQueue
    }
    /// The order selected in each order list, to come back to it.
    private var selectionByView: [AppView: Int] = [:]
    /// Each order list as it was left, with its query: shown again as it was when nothing
    /// changed meanwhile, instead of filtering and sorting every order again.
    private var listsLeft: [AppView: ListLeft] = [:]
    /// The stakeholders' names as a form suggests them, folded once for each version of the
    /// document rather than at every form (a big store has thousands).
    private var stakeholderNames: MadeFromDocument<FormField.Suggestions>?
    /// The key map the app was started with: the help it scrolls is made from it.
    let keyMap: KeyMap
    var status: StatusMessage?
    /// Why nothing can be changed, when the store is read-only.
    var readOnlyReason: String?
    /// Changes shown on screen that the store has not saved yet, oldest first.
    private(set) var unsaved: [PendingChange] = []
    /// Why the last save failed, while changes are still unsaved.
    var lastSaveFailure: String?
    var timers = Timers()
    private var changesMade = 0
    var undoStack: [UndoEntry] = []
    var redoStack: [UndoEntry] = []

    init(document: StoreDocument, size: Size, today: CalendarDay, user: String, keyMap: KeyMap = .standard) {
        self.document = document
        self.keyMap = keyMap
        self.queue = OrderQueue(document, query: QueueQuery(), today: today)
        self.summary = QueueSummary(document, today: today)
        self.size = size
        self.today = today
        self.user = user
    }

    mutating func changeDay(to day: CalendarDay) {
        today = day
        summary = QueueSummary(document, today: day)
        page.settle(&self)
    }

    /// The view on screen.
    var page: any Page { Pages.page(for: view) }

    /// The order the keys act on; none in the views that do not list orders.
    var selectedOrder: TrainingOrder? {
        page.listsOrders ? orderAtSelection : nil
    }

    /// The order at the list's selection, whichever view is showing.
    private var orderAtSelection: TrainingOrder? {
        guard queue.orderIDs.indices.contains(selectedPosition) else { return nil }
        return document.order(id: queue.orderIDs[selectedPosition])
    }

    /// The stakeholder the keys act on: the one the page selects, else the selected order's.
    var selectedStakeholder: Stakeholder? {
        page.selectedStakeholder(in: self) ?? selectedOrder.flatMap { document.stakeholder(id: $0.stakeholderID) }
    }

    /// What the queue shows; remembered between runs.
    var queueQuery: QueueQuery { queries[.queue] ?? QueueQuery() }

    /// The query of the order list in view; the queue's in a view that lists no orders.
    var query: QueueQuery { queries[view] ?? page.defaultQuery ?? queueQuery }

    /// The query of the list in view with its filters cleared: open orders in the queue,
    /// delivered and closed ones in the archive.
    var clearedQuery: QueueQuery {
        query.cleared(showing: (page.defaultQuery ?? QueueQuery()).status)
    }

    var layout: Layout { Layout(size: size, queueLength: queue.count) }

    /// Which bindings apply now, the first taking precedence.
    var activeScopes: [KeyScope] {
        if let overlay = overlays.top { return overlay.scopes(in: self) }
        return page.scopes(in: self)
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
        queries[view] = query
        var searchOnly = previous
        searchOnly.search = query.search
        let selectedID = orderAtSelection?.id
        if searchOnly == query, query.search.folded.hasPrefix(previous.search.folded), let index = currentSearchIndex() {
            // More of the same search typed: only the orders shown so far can still match.
            searchTrail.append(SearchStep(search: previous.search, queue: queue))
            queue = queue.narrowed(toMatch: query.search, in: index)
        } else if searchOnly == query, let earlier = searchTrail.lastIndex(where: { $0.search == query.search }) {
            // Letters deleted: the queue is what it was when the search was this far.
            queue = searchTrail[earlier].queue
            searchTrail.removeSubrange(earlier...)
        } else {
            rebuildQueue()
            return
        }
        if let selectedID, let position = queue.position(of: selectedID) { selectedPosition = position }
        clampSelection()
    }

    mutating func show(_ newView: AppView) {
        guard newView != view else { return }
        if let id = selectedOrder?.id { selectionByView[view] = id }
        if page.listsOrders { listsLeft[view] = ListLeft(query: query, queue: MadeFromDocument(self) { $0.queue }) }
        page.leave(&self)
        view = newView
        guard page.listsOrders else {
            page.settle(&self)
            return
        }
        selectedPosition = 0
        if let left = listsLeft[newView], left.query == query, let queue = left.queue.value(in: self) {
            searchTrail = []
            self.queue = queue
            clampSelection()
        } else {
            rebuildQueue()
        }
        if let id = selectionByView[newView] { select(order: id) }
    }

    private struct ListLeft: Equatable, Sendable {
        var query: QueueQuery
        var queue: MadeFromDocument<OrderQueue>
    }

    private mutating func rebuildQueue() {
        searchTrail = []
        let selectedID = orderAtSelection?.id
        queue = OrderQueue(document, query: query, today: today, searchIndex: currentSearchIndex())
        if let selectedID, let position = queue.position(of: selectedID) { selectedPosition = position }
        clampSelection()
    }

    /// Replaces the document, keeping the user's place: the same order stays selected (or
    /// the one now at its position, if it left the queue) and the same step.
    mutating func replaceDocument(_ newDocument: StoreDocument, reorder: Bool = true) {
        let selectedID = orderAtSelection?.id
        document = newDocument
        guard reorder else { return }
        forgetSearchIndex()
        searchTrail = []
        queue = OrderQueue(newDocument, query: query, today: today, searchIndex: currentSearchIndex())
        summary = QueueSummary(newDocument, today: today)
        if let selectedID, let position = queue.position(of: selectedID) {
            selectedPosition = position
        }
        clampSelection()
    }

    /// The search index when a search needs one: built now if the one asked for has not
    /// come yet.
    private mutating func currentSearchIndex() -> SearchIndex? {
        guard !query.search.isEmpty else { return nil }
        if searchIndex == nil { searchIndex = SearchIndex(document) }
        return searchIndex
    }

    /// The stakeholders' names as a form suggests them.
    var stakeholderSuggestions: FormField.Suggestions {
        stakeholderNames?.value(in: self) ?? Self.stakeholderSuggestions(of: self)
    }

    /// Folds the stakeholders' names for the forms, unless done for this document already.
    mutating func keepStakeholderSuggestions() {
        guard stakeholderNames?.value(in: self) == nil else { return }
        stakeholderNames = MadeFromDocument(self, Self.stakeholderSuggestions)
    }

    private static func stakeholderSuggestions(of state: AppState) -> FormField.Suggestions {
        FormField.Suggestions(state.document.stakeholders.map(\.details.name))
    }

    /// Asks for the search index to be built away from the keys, when there is none.
    mutating func requestSearchIndex() -> [Effect] {
        guard searchIndex == nil, searchIndexRequested != searchGeneration else { return [] }
        searchIndexRequested = searchGeneration
        return [.buildSearchIndex(document, generation: searchGeneration)]
    }

    /// Takes an index built away from the keys, unless the document changed since in a
    /// way a search would see.
    mutating func take(_ index: SearchIndex, generation: Int) {
        guard generation == searchGeneration, searchIndex == nil else { return }
        searchIndex = index
    }

    private mutating func forgetSearchIndex() {
        searchIndex = nil
        searchGeneration += 1
    }

    mutating func select(order id: Int) {
        if let position = queue.position(of: id) {
            selectedPosition = position
            clampSelection()
        }
    }

    /// Keeps the selection, and the page's own places, within what there is to show.
    mutating func clampSelection() {
        selectedPosition = max(0, min(selectedPosition, queue.count - 1))
        page.settle(&self)
    }

    /// Applies a change to the document shown on screen at once; the program saves it.
    mutating func applyLocally(_ operation: StoreOperation) throws(OperationConflict) {
        try operation.apply(to: &document)
        guard operation.reordersQueue else {
            // A note, a step's wording, a stakeholder's name: what a search finds may have changed.
            if operation.changesSearchText { forgetSearchIndex() }
            clampSelection()
            return
        }
        replaceDocument(document)
    }

    /// Shows a document read from disk, with the changes not yet saved applied on top, so
    /// they stay on screen until they are.
    /// An unsaved change that no longer applies (what it changes was deleted elsewhere) is
    /// dropped from the queue and said, not kept to fail at its next save.
    mutating func showStoreDocument(_ newDocument: StoreDocument) {
        var merged = newDocument
        var dropped: [String] = []
        unsaved.removeAll { change in
            do throws(OperationConflict) {
                try change.operation.apply(to: &merged)
                return false
            } catch {
                dropped.append(error.reason)
                undoStack.removeAll { $0.forward == change.operation }
                return true
            }
        }
        replaceDocument(merged)
        if unsaved.isEmpty { lastSaveFailure = nil }
        if let reason = dropped.last {
            status = StatusMessage(text: "Not saved: \(reason) (changed by someone else)"
                                   + (dropped.count > 1 ? "; \(dropped.count) changes dropped" : ""), kind: .error)
        }
    }

    /// Queues a change to save after every change before it, and asks for all of them to
    /// be saved in order: a later change is never overtaken by an earlier one.
    mutating func persist(_ operation: StoreOperation) -> [Effect] {
        changesMade += 1
        unsaved.append(PendingChange(number: changesMade, operation: operation))
        return [.persist(unsaved)]
    }

    mutating func markSaved(_ changes: [PendingChange]) {
        unsaved.removeAll { change in changes.contains { $0.number == change.number } }
        if unsaved.isEmpty { lastSaveFailure = nil }
    }

    mutating func remember(_ entry: UndoEntry) {
        undoStack.append(entry)
        if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    }
}
