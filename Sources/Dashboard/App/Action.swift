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
    case switchFocusBack
    /// Ctrl-L: draw the whole screen again.
    case repaint
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
    /// Writes the store back after its file was deleted or moved away.
    case writeBack
    /// Text was pasted where nothing is typed.
    case pasteRefused
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
    /// Only the orders the user carries, or everyone's again.
    case toggleMine
    /// Settles the merge conflict in view: keep the value shown, or take the other copy's.
    case settleConflict(takeOther: Bool)
    /// Select the next order in the list with a merge conflict waiting for a choice.
    case nextConflict
    /// A new order that follows up the selected one, for the same stakeholder, linked to it.
    case addFollowUp
    /// From the stakeholders view: the selected stakeholder's orders, in the queue.
    case showStakeholderOrders
    /// From the stakeholders view: the selected stakeholder's brief.
    case showBrief
    /// The template editor: opening it, and its keys.
    case template(TemplateKey)
    /// Marks the selected order, or unmarks it (`all`: every order shown, or none again).
    case mark(all: Bool)
    /// The form that changes every marked order at once: tags, owners, due date.
    case editMarked
    /// The form that saves the list's search, filters and sort under a name.
    case saveView
    /// The form that shows (or forgets) a saved view.
    case chooseView
    /// The list's sort the other way round.
    case reverseSort
    /// A key inside a form.
    case form(FormInput)
    case submitForm
    /// A click, on what the screen showed there when it was made (nil: on nothing that acts).
    case click(HitTarget?)
    case scroll(up: Bool, x: Int, y: Int)

    /// Time passed (each turn of the program loop): messages expire, saves are retried.
    case timePassed
    /// A moment nobody waits on (a frame just drawn, or, `quiet`, nothing typed for a
    /// whole wait): background work a page asks for (the search index, the stand-up) may start.
    case idle(quiet: Bool)
    /// What a page's work away from the keys made.
    case pageWorkDone(PageWork.Result)
    /// The dashboard opened the store: what it found, and the sort and filters remembered.
    case opened(OpenedStore, remembered: ViewPreferences)
    /// The store can be changed again, or no longer (written by a newer fours, say).
    case readOnlyChanged(reason: String?)
    /// The program was stopped and went on (Ctrl-Z, then fg): the clock is looked at anew.
    case resumed
    /// The sort and filters (or the saved views) could not be remembered for the next run.
    case preferencesNotSaved(reason: String)
    case resized(Size)
    /// Conflicted copies beside the store were merged in (or could not be): what each became.
    case mergedCopies(StoreDocument, SyncCopyMerge.Report)
    case dayChanged(CalendarDay)
    /// The store took `changes`, with an outcome for each; `document` is what is now on disk,
    /// and `othersChanged` whether it holds more than these changes on top of what was shown.
    case saved(StoreDocument, [PendingChange], outcomes: [Store.Outcome], othersChanged: Bool = true)
    /// Nothing of `changes` could be saved; they stay on screen and are tried again.
    case saveFailed([PendingChange], reason: String)
    case reloaded(StoreDocument)
    case reloadFailed(String)
    /// More of the document just opened is read: the same orders, with checklists that
    /// were left to read after the first frame, or whole in place of their sketches.
    case documentCompleted(StoreDocument, replacingSketches: Bool)
}

/// What `update` asks the program to do; the program does the I/O.
enum Effect: Equatable, Sendable {
    /// Save these changes, in this order, in one write; `recreating` writes the store
    /// back when its file has gone.
    case persist([PendingChange], recreating: Bool = false)
    /// Remember the queue's sort and filters for the next run.
    case savePreferences(QueueQuery)
    /// Remember the saved views, in the person's own state file.
    case saveViews([SavedView])
    case quit
    case suspend
    case repaint
    /// See whether the store changed on disk.
    case checkStore
    /// See whether a sync service left conflicted copies beside the store.
    case lookForSyncCopies
    /// Do a page's work on another thread, and hand what it made back to the page.
    case doPageWork(PageWork)
}

/// A change shown on screen that the store has not confirmed yet. The number tells apart
/// two equal changes (tick, untick, tick again), so none is ever merged away.
struct PendingChange: Equatable, Sendable {
    var number: Int
    var operation: StoreOperation
}

extension Action {
    /// Text typed into a field, and how to make the same edit with other text; nil for
    /// every other action.
    var typing: (text: String, into: (String) -> Action)? {
        switch self {
        case .form(.edit(.insert(let text))): (text, { .form(.edit(.insert($0))) })
        case .searchEdit(.insert(let text)): (text, { .searchEdit(.insert($0)) })
        default: nil
        }
    }
}

extension Action {
    /// What may happen while the terminal is too small to show the dashboard: quitting,
    /// suspending, answering the quit question, a resize, and news from the clock and the
    /// store. Any other key would act on something the user cannot see.
    var worksWhenTooSmall: Bool {
        switch self {
        case .quit, .suspend, .repaint, .confirm, .cancel, .resized, .dayChanged, .retrySaves,
             .saved, .saveFailed, .reloaded, .reloadFailed, .timePassed, .mergedCopies, .idle,
             .pageWorkDone, .documentCompleted, .opened, .readOnlyChanged, .resumed, .preferencesNotSaved:
            // News from the store, the terminal and other threads is taken whatever the screen's size.
            true
        default:
            false
        }
    }
}

/// What the dashboard learns of the store when it opens it.
struct OpenedStore: Equatable, Sendable {
    var path: String
    var exists: Bool
    var readOnlyReason: String?
    /// What to say first, when the dashboard is opened on something other than one store.
    var notice: String?
}
