import Model

/// Everything that can happen to the app: a user's intent from the key map, or news from
/// the store and the terminal. `update` turns each into a new state and effects.
enum Action: Equatable, Sendable {
    case moveUp
    case moveDown
    case moveToFirst
    case moveToLast
    case pageUp
    case pageDown
    case switchFocus
    case focusQueue
    case focusChecklist
    case toggleStep
    case stageUp
    case stageDown
    case toggleHelp
    case closeOverlay
    case quit
    case suspend
    case retrySaves
    case confirm
    case cancel

    case addOrder
    case edit
    case closeOrReopenOrder
    case deleteOrder
    case editMeasurement
    case addStep
    case removeStep
    case toggleHiddenSteps
    /// Adds the step to the store's template, or takes it out.
    case toggleTemplateStep
    case toggleClosedOrders
    case addStakeholder
    case editStakeholder
    case addNote
    case undo
    case redo
    case showView(AppView)
    case startSearch
    case searchEdit(TextField.Edit)
    /// Ends typing a search: Enter keeps the filter, Esc clears it.
    case endSearch(keep: Bool)
    case openFilters
    case clearFilters
    case cycleSort
    /// From the stakeholders view: the selected stakeholder's orders, in the queue.
    case showStakeholderOrders
    /// A key inside a form.
    case form(FormInput)
    case submitForm
    case click(x: Int, y: Int)
    case scroll(up: Bool, x: Int, y: Int)

    /// A passing message has been read: the footer goes back to the key hints.
    case clearStatus
    case resized(Size)
    case dayChanged(CalendarDay)
    /// The store saved `operation`, as `applied`; `document` is what is now on disk.
    case saved(StoreDocument, operation: StoreOperation, applied: StoreOperation)
    case saveFailed(StoreOperation, reason: String)
    /// The operation can never be saved: what it changes is gone from the file.
    case saveConflict(StoreDocument, operation: StoreOperation, reason: String)
    case reloaded(StoreDocument)
    case reloadFailed(String)
}

/// What `update` asks the program to do; the program does the I/O.
enum Effect: Equatable, Sendable {
    case persist(StoreOperation)
    /// Remember the queue's sort and filters for the next run.
    case savePreferences(QueueQuery)
    case quit
    case suspend
}
