import Dispatch
import Model
import Glibc
import Synchronization

/// The running dashboard: one thread that waits on the keyboard, signals and a timer,
/// turns what happens into actions, and carries out the effects `update` asks for.
final class Program {
    private let store: any DashboardStore
    private let terminal: any Terminal
    private let keyMap: KeyMap
    private var state: AppState
    private var isRunning = true
    private let signals: SignalPipe?
    /// The time, as the loop sees it: the real clock, or a test's.
    private let clock: () -> Timestamp
    /// How often the store file's status is looked at for another process's save: a stat
    /// each time, cheap enough to show a colleague's tick within a blink.
    private let storeCheckInterval: Int32 = 100
    /// Set when the program is ended from outside (a signal, the terminal gone) rather
    /// than by the user: changes not saved yet are then tried once more before it ends.
    private var endedFromOutside = false
    /// Whether the next turn draws: something may have changed on screen.
    private var needsDrawing = true
    /// Whether the last look at the disk brought a change in.
    private var reloadedOrMerged = false

    private let preferencesPath: String
    /// Where a click acts on the screen last drawn.
    private var targets = HitTargets()
    /// The conflicted copies looked at, as they were then: one that changes since (it was still being
    /// written) is looked at again.
    private var handledCopies: Set<SyncCopy> = []
    /// Work done on another thread, handed back to the loop.
    private let finished = FinishedWork()
    /// Whether what was left for after the first frame (checklists, or orders) is being read.
    private var laterReadingAsked = false
    /// Input taken from the terminal while they are read, to be handled once they are.
    private var heldInputs: [TerminalInput] = []
    /// The save asked for and not yet done: it waits for the change to be on screen.
    private var pendingSave: (changes: [PendingChange], recreating: Bool)?
    /// Why the store could not be opened after all (a checklist read after the first frame
    /// was not sound); the program has ended.
    private(set) var failure: String?

    init(store: any DashboardStore, terminal: any Terminal, signals: SignalPipe?, keyMap: KeyMap, user: String,
         preferencesPath: String, notice: String? = nil, clock: @escaping () -> Timestamp) {
        self.store = store
        self.signals = signals
        self.clock = clock
        self.preferencesPath = preferencesPath
        self.terminal = terminal
        self.keyMap = keyMap
        let now = clock()
        state = AppState(document: store.document, size: terminal.size, today: CalendarDay.local(at: now), user: user,
                         keyMap: keyMap)
        dispatch(.opened(OpenedStore(path: store.path, exists: store.exists, readOnlyReason: store.readOnlyReason, notice: notice),
                         remembered: ViewPreferences.load(from: preferencesPath)))
        readOrdersOnScreen(beforeFirstFrame: true)
        if store.laterReading.isEmpty { _ = mergeSyncCopies() }
    }

    /// A big store's checklists (or, drawn from its orders' sketches, its orders) are read
    /// after the first frame, but for those it shows (all of them when the list needs
    /// them all, before the first frame; after it, those are all read).
    private func readOrdersOnScreen(beforeFirstFrame: Bool = false) {
        guard !store.laterReading.isEmpty else { return }
        let onScreen = state.page.ordersOnScreen(in: state, sketched: store.laterReading.holdsSketches)
        guard onScreen != nil || beforeFirstFrame else { return }
        takeLaterReading(store.laterReading.read(orders: onScreen), forTheScreen: true)
    }

    /// Reads the rest of the checklists (or orders) on the other cores. Meanwhile a move (or
    /// a new terminal size) is handled at once, with the checklists it brings on screen read
    /// first; any other key waits, with every key after it in the terminal, and they are
    /// handled in order once all are read. Nothing is saved or looked at on disk before.
    private func waitForLaterReading() {
        if !laterReadingAsked {
            laterReadingAsked = true
            let later = store.laterReading
            inBackground { post in
                for part in later.parts { post(.laterRead(later.read(orders: part))) }
            }
        }
        if heldInputs.isEmpty {
            let wait = terminal.wait(milliseconds: storeCheckInterval, alsoWatching: signals?.readEnd)
            if wait.watchedIsReady { _ = handleSignals() }
            if wait.hungUp { return endFromOutside() }
            while isRunning && heldInputs.isEmpty, let input = terminal.read() {
                guard let action = action(for: input), Self.needsOnlyTheOrdersOnScreen(action) else {
                    heldInputs.append(input)
                    continue
                }
                dispatch(action)
                readOrdersOnScreen()
                needsDrawing = true
            }
        } else if let signals {
            var watched = pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0)
            if poll(&watched, 1, storeCheckInterval) > 0 { _ = handleSignals() }
        }
        if signals == nil { usleep(1_000) }
        for work in finished.take() { take(work) }
    }

    /// Whether `action` can be taken before the rest of the store is read: it only moves
    /// through the queue, or lays it out again.
    private static func needsOnlyTheOrdersOnScreen(_ action: Action) -> Bool {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown, .resized: true
        default: false
        }
    }

    /// Takes what was read later: drawn once all of it is in (the orders on screen were
    /// read before they were drawn, and the rest changes nothing there). A part read on
    /// the other cores reaches the screen's document with the last part, or with the next
    /// move that needs the orders on screen: handed over at every part, a big store's list
    /// of orders was copied at every part, while a move waited.
    private func takeLaterReading(_ read: LaterReading.Found?, forTheScreen: Bool = false) {
        let replacingSketches = store.laterReading.holdsSketches
        do {
            try store.takeLaterReading(read)
        } catch {
            failure = error.message
            isRunning = false
            return
        }
        guard forTheScreen || store.laterReading.isEmpty else { return }
        dispatch(.documentCompleted(store.document, replacingSketches: replacingSketches))
        guard store.laterReading.isEmpty else { return }
        needsDrawing = true
        _ = mergeSyncCopies()
    }

    /// Merges the conflicted copies a file-sync service left beside the store since the
    /// last look. Returns whether there were any.
    private func mergeSyncCopies() -> Bool {
        let found = store.syncCopies().filter { !handledCopies.contains($0) }
        guard !found.isEmpty else { return false }
        handledCopies.formUnion(found)
        let (store, user, now) = (store, state.user, clock())
        let report = (try? withStopDeferred { () throws(StoreError) in
            store.mergeCopies(found, by: user, at: now)
        }) ?? SyncCopyMerge.Report()
        dispatch(.mergedCopies(store.document, report))
        return true
    }

    /// Runs until the user quits, or until a signal or the end of the terminal ends it.
    /// Returns what could not be saved, if anything. `crashingAfterFirstFrame` traps on
    /// purpose once the dashboard is on screen, so tests can see the terminal restored
    /// after a real crash.
    func run(crashingAfterFirstFrame: Bool = false) -> String? {
        while isRunning {
            turn()
            if crashingAfterFirstFrame { fatalError("crash requested with --crash-after-start") }
        }
        savePending()
        if endedFromOutside { saveBeforeEnding() }
        guard !state.unsaved.isEmpty else { return nil }
        let count = state.unsaved.count
        return "\(count) change\(count == 1 ? " was" : "s were") not saved to \(store.path)"
            + (state.lastSaveFailure.map { "; the last attempt said: \($0)" } ?? "")
    }

    /// Ending without the user's say: what is not saved yet is tried for a few seconds.
    private func saveBeforeEnding() {
        let deadline = ContinuousClock.now + .seconds(10)
        while !state.unsaved.isEmpty {
            dispatch(.retrySaves)
            savePending()
            guard !state.unsaved.isEmpty, ContinuousClock.now < deadline else { return }
            usleep(500_000)
        }
    }

    private func endFromOutside() {
        isRunning = false
        endedFromOutside = true
    }

    /// One turn of the loop: draws what changed, waits a moment for input, handles it,
    /// and lets time pass. Tests drive the program a turn at a time.
    func turn() {
        if needsDrawing {
            let drawn = DashboardView(state: state, keyMap: keyMap).renderWithTargets()
            terminal.present(drawn.screen)
            // A click acts on what the screen showed where it was made.
            targets = drawn.targets
            // Keeping the version just read for later merges waits until it is on screen.
            store.keepVersionRead(inBackground: true)
            needsDrawing = false
            guard store.laterReading.isEmpty else { return }
            if pendingSave == nil { dispatch(.idle(quiet: false)) }
        }
        guard store.laterReading.isEmpty else {
            waitForLaterReading()
            return
        }
        if pendingSave != nil {
            // The change is on screen; keys typed during its save wait in the terminal, to
            // be handled in order after it.
            savePending()
            needsDrawing = true
            return
        }
        needsDrawing = waitAndHandleEvents()
        for work in finished.take() { take(work) }
    }

    /// Whether the loop goes on: false once the user quit or the terminal went.
    var isGoingOn: Bool { isRunning }

    /// The app's state as the loop has it, for tests.
    var currentState: AppState { state }

    /// Waits a moment for input, handles it, and says whether the screen may have changed.
    private func waitAndHandleEvents() -> Bool {
        // Input held while the rest of the store was read comes first, at once.
        let wait = terminal.wait(milliseconds: heldInputs.isEmpty ? storeCheckInterval : 0, alsoWatching: signals?.readEnd)
        var changed = false
        if wait.watchedIsReady {
            changed = handleSignals() || changed
        }
        // Only a hang-up ends the program: a key curses does not know reads as nothing.
        if wait.hungUp {
            endFromOutside()
            return false
        }
        // Always read: curses may hold keys already taken from the terminal, and a resize
        // arrives as a key after the poll is interrupted.
        var inputs = heldInputs
        heldInputs = []
        while let input = terminal.read() { inputs.append(input) }
        var index = 0
        while isRunning && index < inputs.count {
            guard let action = action(for: inputs[index]) else {
                index += 1
                continue
            }
            index += 1
            // Asking to quit sees the changes typed before it saved, not waiting.
            if action == .quit { savePending() }
            // Characters typed in a row into a field are one edit: a long paste that
            // arrives as keys costs one update, not one per character.
            guard let typing = action.typing else {
                dispatch(action)
                continue
            }
            var text = typing.text
            while index < inputs.count, case .key(.character(let character)) = inputs[index],
                  let more = keyMap.action(for: .character(character), in: activeScopes)?.typing,
                  more.into("") == typing.into("") {
                text.append(character)
                index += 1
            }
            dispatch(typing.into(text))
        }
        // Nothing typed for a whole wait: a good moment for work nobody waits on.
        if inputs.isEmpty && !wait.watchedIsReady {
            store.stopSharingOrders(with: state.document)
            store.recordPlacesIfDue()
            dispatch(.idle(quiet: true))
        }
        // Once quitting, nothing more is looked at.
        guard isRunning else { return false }
        return timePassed() || changed || !inputs.isEmpty
    }

    /// Lets time pass in the app (messages expire, saves are retried, the store is looked
    /// at); says whether that changed what is on screen.
    private func timePassed() -> Bool {
        let (status, today, unsaved) = (state.status, state.today, state.unsaved.count)
        reloadedOrMerged = false
        dispatch(.timePassed)
        return reloadedOrMerged || state.status != status || state.today != today || state.unsaved.count != unsaved
    }

    private func action(for input: TerminalInput) -> Action? {
        switch input {
        case .key(let key): keyMap.action(for: key, in: activeScopes)
        case .paste(let text): keyMap.action(forPaste: text, in: activeScopes)
        case .resize(let size): .resized(size)
        case .mouse(let event):
            switch event.kind {
            case .press: .click(targets.target(x: event.x, y: event.y))
            case .wheelUp: .scroll(up: true, x: event.x, y: event.y)
            case .wheelDown: .scroll(up: false, x: event.x, y: event.y)
            }
        }
    }

    private var activeScopes: [KeyScope] {
        state.activeScopes
    }

    private func handleSignals() -> Bool {
        let received = signals?.drain() ?? []
        for signal in received {
            switch signal {
            case SIGINT, SIGTERM, SIGHUP:
                endFromOutside()
            case SIGCONT:
                terminal.redrawEverything()
                dispatch(.resumed)
            default:
                break
            }
        }
        return !received.isEmpty
    }

    /// Shows the store as it is on disk when someone else changed it; says so when it no
    /// longer reads or has gone. Returns whether the screen may have changed.
    private func takeChangesFromDisk() -> Bool {
        do {
            guard try store.reloadIfChanged() else { return false }
            dispatch(.reloaded(store.document))
            noteReadOnly()
            return true
        } catch {
            let text = if case .gone = error { error.message } else {
                "The store changed on disk and no longer reads; showing the last good version. \(error.message)"
            }
            guard state.status?.text != text else { return false }
            dispatch(.reloadFailed(text))
            return true
        }
    }

    /// Runs a save with SIGTSTP held back, so that a stop from outside never freezes the
    /// process while it holds the store's lock.
    private func withStopDeferred<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        var stop = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        var previous = sigset_t()
        sigprocmask(SIG_BLOCK, &stop, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private func dispatch(_ action: Action) {
        for effect in update(&state, action, now: clock()) {
            perform(effect)
        }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            savePending()
            isRunning = false
        case .repaint:
            terminal.redrawEverything()
        case .suspend:
            savePending()
            terminal.suspend()
            dispatch(.resumed)
        case .checkStore:
            reloadedOrMerged = takeChangesFromDisk() || reloadedOrMerged
        case .lookForSyncCopies:
            reloadedOrMerged = mergeSyncCopies() || reloadedOrMerged
        case .savePreferences(let query):
            do { try ViewPreferences.update(at: preferencesPath) { $0.queue = query } } catch {
                dispatch(.preferencesNotSaved(reason: error.message))
            }
        case .saveViews(let views):
            do { try ViewPreferences.update(at: preferencesPath) { $0.views = views } } catch {
                dispatch(.preferencesNotSaved(reason: error.message))
            }
        case .doPageWork(let work):
            inBackground { .action(.pageWorkDone(work.run())) }
        case .persist(let changes, let recreating):
            // Each save asks for every change not saved yet: the last one asked for holds them all.
            pendingSave = (changes, recreating || (pendingSave?.recreating ?? false))
        }
    }

    /// Runs `work` on another thread and wakes the loop to take what it brings back.
    private func inBackground(_ work: @escaping @Sendable () -> Finished) {
        inBackground { post in post(work()) }
    }

    /// Work on another thread that hands the loop each of its results as it is done.
    private func inBackground(_ work: @escaping @Sendable (_ post: (Finished) -> Void) -> Void) {
        let (finished, signals) = (finished, signals)
        DispatchQueue.global(qos: .userInitiated).async {
            work { result in
                finished.add(result)
                signals?.wake()
            }
        }
    }

    private func take(_ work: Finished) {
        switch work {
        case .action(let action): dispatch(action)
        case .laterRead(let read): takeLaterReading(read)
        }
    }

    /// Saves what was asked for since the last save, if anything: after the change is on
    /// screen, so that a tick shows at once however big the store is.
    private func savePending() {
        guard let (changes, recreating) = pendingSave else { return }
        pendingSave = nil
        do {
            let saved = try withStopDeferred { () throws(StoreError) in
                try store.save(changes.map(\.operation), recreating: recreating)
            }
            dispatch(.saved(saved.document, changes, outcomes: saved.outcomes,
                            othersChanged: saved.includesOthersChanges))
        } catch {
            dispatch(.saveFailed(changes, reason: error.message))
        }
        noteReadOnly()
    }

    /// Tells `update` when the store's say on changes moved (a newer fours wrote it).
    private func noteReadOnly() {
        if state.readOnlyReason != store.readOnlyReason { dispatch(.readOnlyChanged(reason: store.readOnlyReason)) }
    }
}

/// What work done on another thread brings back to the loop.
private enum Finished: Sendable {
    /// For `update`, like a key.
    case action(Action)
    /// What was left for after the first frame; nil when one is not as fours writes it.
    case laterRead(LaterReading.Found?)
}

/// Work that other threads finished, waiting for the loop to take it.
private final class FinishedWork: Sendable {
    private let done = Mutex<[Finished]>([])

    func add(_ work: Finished) {
        done.withLock { $0.append(work) }
    }

    func take() -> [Finished] {
        done.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }
}
