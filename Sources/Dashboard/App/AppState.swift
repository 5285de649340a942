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

/// Which way a step through the change history goes: `u` back, Ctrl-R forward.
enum UndoDirection {
    case back, forward
}

/// Everything the screen shows, in one value: what the pages share (the document, the
/// saves, undo, the status line, the overlays) and each page's memory. Only `update`
/// changes it.
struct AppState: Equatable, Sendable {
    static let undoDepth = 200

    private(set) var document: StoreDocument {
        didSet { documentVersion &+= 1 }
    }
    /// Counts the changes of `document`: what is made from it can say which one it was made from.
    private(set) var documentVersion = 0
    /// Counts the changes of the document that alter what a search finds: what is made from
    /// its text (the search index) outlives ticks and saves.
    private(set) var textVersion = 0
    var size: Size
    private(set) var today: CalendarDay
    /// Who ticks steps and moves stages, as recorded in the file.
    let user: String
    private(set) var view: AppView = .queue
    /// What each page keeps of its own: its lists, its scrolls, its focus.
    var memories = PageMemories()
    /// The dialogs over the page: the help, a form, a question.
    var overlays = OverlayStack()
    /// Whether work a page asked for is being done away from the keys: pages are asked one
    /// at a time, in their order.
    private(set) var isWorkingAway = false
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
        self.size = size
        self.today = today
        self.user = user
        page.enter(&self)
    }

    mutating func changeDay(to day: CalendarDay) {
        today = day
        page.dayChanged(&self)
    }

    /// The view on screen.
    var page: any Page { Pages.page(for: view) }

    /// The order the keys act on; none in the views that do not list orders.
    var selectedOrder: TrainingOrder? { page.selectedOrder(in: self) }

    /// The stakeholder the keys act on: the one the page selects, else the selected order's.
    var selectedStakeholder: Stakeholder? {
        page.selectedStakeholder(in: self) ?? selectedOrder.flatMap { document.stakeholder(id: $0.stakeholderID) }
    }

    var layout: Layout { Layout(size: size, queueLength: page.listLength(in: self)) }

    /// Which bindings apply now, the first taking precedence.
    var activeScopes: [KeyScope] {
        if let overlay = overlays.top { return overlay.scopes(in: self) }
        return page.scopes(in: self)
    }

    mutating func show(_ newView: AppView) {
        guard newView != view else { return }
        page.leave(&self)
        view = newView
        page.enter(&self)
    }

    /// Replaces the document; `reorder` when what the lists show and where may have changed.
    mutating func replaceDocument(_ newDocument: StoreDocument, reorder: Bool = true) {
        document = newDocument
        guard reorder else { return }
        textVersion += 1
        page.documentReplaced(&self)
    }

    /// Takes the document with more of a big store read: checklists, or whole orders in
    /// place of their sketches (`replacingSketches`).
    mutating func takeLaterReading(_ newDocument: StoreDocument, replacingSketches: Bool) {
        document = newDocument
        textVersion += 1
        page.laterReadingTaken(&self, replacingSketches: replacingSketches)
    }

    /// Asks the pages, in their order, for work to do away from the keys, unless some is
    /// being done.
    mutating func workAwayFromTheKeys(quiet: Bool) -> [Effect] {
        guard !isWorkingAway else { return [] }
        for page in Pages.all {
            if let work = page.workAwayFromTheKeys(&self, quiet: quiet) {
                isWorkingAway = true
                return [.doPageWork(work)]
            }
        }
        return []
    }

    /// Hands what was done away from the keys to the page that asked.
    mutating func take(_ result: PageWork.Result) {
        isWorkingAway = false
        Pages.page(for: result.view).take(result, in: &self)
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

    /// Keeps the page's places within what there is to show.
    mutating func clampSelection() {
        page.settle(&self)
    }

    /// Applies a change to the document shown on screen at once; the program saves it.
    mutating func applyLocally(_ operation: StoreOperation) throws(OperationConflict) {
        try operation.apply(to: &document)
        guard operation.reordersQueue else {
            // A note, a step's wording, a stakeholder's name: what a search finds may have changed.
            if operation.changesSearchText { textVersion += 1 }
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
