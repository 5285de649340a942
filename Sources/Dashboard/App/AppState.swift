import Model

enum Focus: Equatable, Sendable {
    case queue
    case checklist
}

/// A question the user must answer before anything else happens.
enum Confirmation: Equatable, Sendable {
    case quitWithUnsavedChanges(count: Int)

    var question: String {
        switch self {
        case .quitWithUnsavedChanges(let count):
            "\(count) change\(count == 1 ? " is" : "s are") not saved and will be lost. Quit anyway?"
        }
    }
}

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

/// Everything the screen shows, in one value. Only `update` changes it.
struct AppState: Equatable, Sendable {
    private(set) var document: StoreDocument
    /// The open orders in queue order, recomputed only when the document changes.
    private(set) var queue: OrderQueue
    /// Counts for the header, recomputed with the queue.
    private(set) var summary: QueueSummary
    var size: Size
    private(set) var today: CalendarDay
    /// Who ticks steps and moves stages, as recorded in the file.
    let user: String
    var focus: Focus = .queue
    var selectedPosition = 0
    var queueScroll = 0
    /// Index into the selected order's steps, in display order.
    var selectedStep = 0
    var isHelpVisible = false
    var confirmation: Confirmation?
    var status: StatusMessage?
    /// Why nothing can be changed, when the store is read-only.
    var readOnlyReason: String?
    /// Changes shown on screen that the store has not saved yet, oldest first.
    private(set) var unsaved: [StoreOperation] = []

    init(document: StoreDocument, size: Size, today: CalendarDay, user: String) {
        self.document = document
        self.queue = OrderQueue(document)
        self.summary = QueueSummary(document, today: today)
        self.size = size
        self.today = today
        self.user = user
    }

    mutating func changeDay(to day: CalendarDay) {
        today = day
        summary = QueueSummary(document, today: day)
    }

    var selectedOrder: TrainingOrder? {
        guard queue.orderIDs.indices.contains(selectedPosition) else { return nil }
        return document.order(id: queue.orderIDs[selectedPosition])
    }

    var selectedStakeholder: Stakeholder? {
        selectedOrder.flatMap { document.stakeholder(id: $0.stakeholderID) }
    }

    var layout: Layout { Layout(size: size, queueLength: queue.count) }

    /// Replaces the document, keeping the user's place: the same order stays selected (or
    /// the one now at its position, if it left the queue) and the same step.
    mutating func replaceDocument(_ newDocument: StoreDocument, reorder: Bool = true) {
        let selectedID = selectedOrder?.id
        document = newDocument
        guard reorder else { return }
        queue = OrderQueue(newDocument)
        summary = QueueSummary(newDocument, today: today)
        if let selectedID, let position = queue.position(of: selectedID) {
            selectedPosition = position
        }
        clampSelection()
    }

    mutating func clampSelection() {
        selectedPosition = max(0, min(selectedPosition, queue.count - 1))
        let stepCount = selectedOrder?.checklist.allSteps.count ?? 0
        selectedStep = max(0, min(selectedStep, stepCount - 1))
        if selectedOrder == nil { focus = .queue }
        let rows = layout.queueRows
        if selectedPosition < queueScroll { queueScroll = selectedPosition }
        if rows > 0 && selectedPosition >= queueScroll + rows { queueScroll = selectedPosition - rows + 1 }
        queueScroll = max(0, min(queueScroll, max(0, queue.count - rows)))
    }

    /// Applies a change to the document shown on screen at once; the program saves it.
    mutating func applyLocally(_ operation: StoreOperation) throws(OperationConflict) {
        try operation.apply(to: &document)
        if operation.reordersQueue { replaceDocument(document) }
    }

    /// Shows a document read from disk, with the changes not yet saved applied on top, so
    /// they stay on screen until they are.
    mutating func showStoreDocument(_ newDocument: StoreDocument) {
        var merged = newDocument
        for operation in unsaved { try? operation.apply(to: &merged) }
        replaceDocument(merged)
    }

    mutating func markUnsaved(_ operation: StoreOperation) {
        if !unsaved.contains(operation) { unsaved.append(operation) }
    }

    mutating func markSaved(_ operation: StoreOperation) {
        if let index = unsaved.firstIndex(of: operation) { unsaved.remove(at: index) }
    }
}
