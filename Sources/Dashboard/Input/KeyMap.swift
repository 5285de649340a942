/// Where a binding applies. Help groups bindings by it.
enum KeyScope: String, CaseIterable, Sendable {
    case queue = "Order queue"
    case checklist = "4S checklist"
    case stakeholder = "Stakeholder (Tab from the checklist)"
    case archive = "Archive (4)"
    case stakeholders = "Stakeholders view (2)"
    case standup = "Stand-up view (3)"
    case everywhere = "Everywhere"
    case search = "Search (/)"
    case form = "Forms"
    case help = "Help"
    case confirmation = "Questions"
}

struct KeyBinding: Sendable, Equatable {
    var keys: [Key]
    var action: Action
    var scope: KeyScope
    /// What the binding does, for the help overlay.
    var summary: String
    /// A short word for the footer; nil keeps it out of the footer.
    var hint: String?
    /// How the footer writes the keys, when not the first key's label.
    var hintKeys: String?

    var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The one table of key bindings. The app looks keys up here, and the help overlay and the
/// footer are generated from it, so what they say is what the keys do.
struct KeyMap: Sendable, Equatable {
    /// What a mouse gesture does, for the help.
    struct MouseBinding: Sendable, Equatable {
        var what: String
        var summary: String
    }

    let bindings: [KeyBinding]
    var mouse = [
        MouseBinding(what: "Click", summary: "Select an order, a step, or the stakeholder"),
        MouseBinding(what: "Click [ ]", summary: "Tick or untick that step"),
        MouseBinding(what: "Wheel", summary: "Move through the pane under the pointer"),
    ]

    static let standard = KeyMap(bindings: queue + checklist + stakeholder + archive + stakeholdersView + standup
        + everywhere + search + form + dialogs)

    private static let queue: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .queue, summary: "Previous order"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .queue, summary: "Next order", hint: "move",
                   hintKeys: "↑↓"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .queue, summary: "First order"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .queue, summary: "Last order"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .queue, summary: "One page up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .queue, summary: "One page down"),
        KeyBinding(keys: [.right, .character("l"), .enter], action: .focusChecklist, scope: .queue,
                   summary: "Go to the order's 4S checklist", hint: "checklist"),
        KeyBinding(keys: [.character("a")], action: .addOrder, scope: .queue, summary: "Add an order", hint: "add"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .queue, summary: "Edit the order", hint: "edit"),
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .queue,
                   summary: "Search titles, requests, problems, stakeholders, #tags, owners, notes, added steps", hint: "search"),
        KeyBinding(keys: [.character("f")], action: .openFilters, scope: .queue,
                   summary: "Filter by status, stakeholder, stage, tag, owner, priority, due", hint: "filter"),
        KeyBinding(keys: [.character("M")], action: .toggleMine, scope: .queue,
                   summary: "Only your orders (owner: FOURS_USER, else your login), or everyone's again", hint: "mine"),
        KeyBinding(keys: [.character("F")], action: .clearFilters, scope: .queue, summary: "Clear search and filters: back to the open orders"),
        KeyBinding(keys: [.character("o")], action: .cycleSort, scope: .queue,
                   summary: "Sort by due date, priority, 4S progress, age, stakeholder, stage"),
        KeyBinding(keys: [.character("A")], action: .toggleClosedOrders, scope: .queue,
                   summary: "Show open, all, or delivered and closed orders"),
    ]

    private static let archive: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .archive, summary: "Previous order"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .archive, summary: "Next order", hint: "move",
                   hintKeys: "↑↓"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .archive, summary: "Newest"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .archive, summary: "Oldest"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .archive, summary: "One page up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .archive, summary: "One page down"),
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .archive, summary: "Search the archive", hint: "search"),
        KeyBinding(keys: [.character("F")], action: .clearFilters, scope: .archive, summary: "Clear the search"),
        KeyBinding(keys: [.character("c")], action: .closeOrReopenOrder, scope: .archive, summary: "Reopen the order",
                   hint: "reopen"),
        KeyBinding(keys: [.right, .character("l"), .enter], action: .focusChecklist, scope: .archive,
                   summary: "Go to the order's 4S checklist"),
    ]

    private static let stakeholdersView: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .stakeholders, summary: "Previous stakeholder"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .stakeholders, summary: "Next stakeholder",
                   hint: "move", hintKeys: "↑↓"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .stakeholders, summary: "First"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .stakeholders, summary: "Last"),
        KeyBinding(keys: [.enter], action: .showStakeholderOrders, scope: .stakeholders,
                   summary: "Their orders, in the queue", hint: "orders"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .stakeholders,
                   summary: "Edit: role, team, 3 R's, next touchpoint", hint: "edit"),
    ]

    private static let standup: [KeyBinding] = [
        KeyBinding(keys: [.down, .character("j"), .pageDown], action: .moveDown, scope: .standup,
                   summary: "Scroll down when it does not fit"),
        KeyBinding(keys: [.up, .character("k"), .pageUp], action: .moveUp, scope: .standup, summary: "Scroll up"),
    ]

    private static let search: [KeyBinding] = [
        KeyBinding(keys: [.enter], action: .endSearch(keep: true), scope: .search, summary: "Keep the filter", hint: "keep"),
        KeyBinding(keys: [.escape, .control("c")], action: .endSearch(keep: false), scope: .search, summary: "Clear the search",
                   hint: "clear"),
    ] + editing(in: .search) { .searchEdit($0) }

    private static let checklist: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .checklist, summary: "Previous step"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .checklist, summary: "Next step", hint: "move",
                   hintKeys: "↑↓"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .checklist, summary: "First step"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .checklist, summary: "Last step"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .checklist, summary: "Previous section"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .checklist, summary: "Next section"),
        KeyBinding(keys: [.character(" "), .character("x")], action: .toggleStep, scope: .checklist,
                   summary: "Tick or untick the step (saved at once)", hint: "tick"),
        KeyBinding(keys: [.character("+"), .character("a")], action: .addStep, scope: .checklist,
                   summary: "Add your own step to this section", hint: "add step"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .checklist, summary: "Edit the step's wording and note"),
        KeyBinding(keys: [.character("-"), .delete], action: .removeStep, scope: .checklist,
                   summary: "Remove your own step; hide (or show again) a template step"),
        KeyBinding(keys: [.character("H")], action: .toggleHiddenSteps, scope: .checklist, summary: "Show or hide hidden steps"),
        KeyBinding(keys: [.character("T")], action: .toggleTemplateStep, scope: .checklist,
                   summary: "Put the step in the store's template for new orders, or take it out"),
        KeyBinding(keys: [.left, .character("h"), .escape], action: .focusQueue, scope: .checklist,
                   summary: "Back to the order queue", hint: "queue"),
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .checklist, summary: "Back to the queue and search it"),
    ]

    private static let stakeholder: [KeyBinding] = [
        KeyBinding(keys: [.character("e")], action: .editStakeholder, scope: .stakeholder,
                   summary: "Edit the stakeholder: role, team, 3 R's, next touchpoint", hint: "edit"),
        KeyBinding(keys: [.left, .character("h"), .escape], action: .focusQueue, scope: .stakeholder,
                   summary: "Back to the order queue", hint: "queue"),
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .stakeholder, summary: "Back to the queue and search it"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .stakeholder,
                   summary: "Scroll the detail down: history, notes, measurement", hint: "scroll", hintKeys: "↑↓"),
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .stakeholder, summary: "Scroll the detail up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .stakeholder, summary: "Scroll the detail a page down"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .stakeholder, summary: "Scroll the detail a page up"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .stakeholder, summary: "Top of the detail"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .stakeholder, summary: "End of the detail"),
    ]

    private static let everywhere: [KeyBinding] = [
        KeyBinding(keys: [.tab], action: .switchFocus, scope: .everywhere,
                   summary: "Move focus: queue, checklist, stakeholder"),
        KeyBinding(keys: [.backTab], action: .switchFocusBack, scope: .everywhere,
                   summary: "Move focus back: stakeholder, checklist, queue"),
        KeyBinding(keys: [.character(">")], action: .stageUp, scope: .everywhere,
                   summary: "Stakeholder one stage toward strategic partner", hint: "stage"),
        KeyBinding(keys: [.character("<")], action: .stageDown, scope: .everywhere,
                   summary: "Stakeholder one stage toward order taker"),
        KeyBinding(keys: [.character("n")], action: .addNote, scope: .everywhere,
                   summary: "Add a dated note to the order (to the stakeholder when in focus)", hint: "note"),
        KeyBinding(keys: [.character("c")], action: .closeOrReopenOrder, scope: .everywhere,
                   summary: "Mark the order delivered or closed; reopen a closed one"),
        KeyBinding(keys: [.character("m")], action: .editMeasurement, scope: .everywhere,
                   summary: "Measurement and value calculator of the order"),
        KeyBinding(keys: [.character("D")], action: .deleteOrder, scope: .everywhere, summary: "Delete the order (asks first)"),
        KeyBinding(keys: [.character("S")], action: .addStakeholder, scope: .everywhere, summary: "Add a stakeholder"),
        KeyBinding(keys: [.character("K")], action: .settleConflict(takeOther: false), scope: .everywhere,
                   summary: "Merge conflict: keep the value shown", hint: "keep"),
        KeyBinding(keys: [.character("O")], action: .settleConflict(takeOther: true), scope: .everywhere,
                   summary: "Merge conflict: take the other copy's value", hint: "other"),
        KeyBinding(keys: [.character("u")], action: .undo, scope: .everywhere, summary: "Undo the last change", hint: "undo"),
        KeyBinding(keys: [.control("r")], action: .redo, scope: .everywhere, summary: "Redo what was undone"),
        KeyBinding(keys: [.character("r")], action: .retrySaves, scope: .everywhere,
                   summary: "Retry saving changes that could not be saved"),
        KeyBinding(keys: [.character("W")], action: .writeBack, scope: .everywhere,
                   summary: "Write the store back to its file, when the file was deleted or moved"),
    ] + views + [
        KeyBinding(keys: [.character("?")], action: .toggleHelp, scope: .everywhere, summary: "Show or hide this help",
                   hint: "help"),
        KeyBinding(keys: [.control("z")], action: .suspend, scope: .everywhere, summary: "Suspend (resume with fg)"),
        KeyBinding(keys: [.control("l")], action: .repaint, scope: .everywhere, summary: "Draw the whole screen again"),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, scope: .everywhere, summary: "Quit", hint: "quit"),
    ]

    /// A number key for each view, in the order of their numbers.
    private static let views: [KeyBinding] = Pages.all.sorted { $0.view.number < $1.view.number }.enumerated().map { place, page in
        KeyBinding(keys: [.character(Character(String(page.view.number)))], action: .showView(page.view), scope: .everywhere,
                   summary: page.summary, hint: place == 0 ? "views" : nil,
                   hintKeys: place == 0 ? "1-\(Pages.all.count)" : nil)
    }

    private static let form: [KeyBinding] = [
        KeyBinding(keys: [.tab, .down], action: .form(.nextField), scope: .form, summary: "Next field", hint: "next"),
        KeyBinding(keys: [.backTab, .up], action: .form(.previousField), scope: .form, summary: "Previous field"),
        KeyBinding(keys: [.enter], action: .submitForm, scope: .form, summary: "Save", hint: "save"),
        KeyBinding(keys: [.escape, .control("c")], action: .cancel, scope: .form, summary: "Cancel: nothing is saved",
                   hint: "cancel"),
    ] + editing(in: .form) { .form(.edit($0)) }

    /// The keys that edit a line of text, the same in every field.
    private static func editing(in scope: KeyScope, _ action: (TextField.Edit) -> Action) -> [KeyBinding] {
        [
            KeyBinding(keys: [.left], action: action(.left), scope: scope, summary: "Cursor left; in a choice, the previous one"),
            KeyBinding(keys: [.right], action: action(.right), scope: scope, summary: "Cursor right; in a choice, the next one"),
            KeyBinding(keys: [.home, .control("a")], action: action(.home), scope: scope, summary: "Start of the line"),
            KeyBinding(keys: [.end, .control("e")], action: action(.end), scope: scope, summary: "End of the line"),
            KeyBinding(keys: [.backspace], action: action(.backspace), scope: scope, summary: "Delete before the cursor"),
            KeyBinding(keys: [.delete, .control("d")], action: action(.delete), scope: scope, summary: "Delete at the cursor"),
            KeyBinding(keys: [.control("u")], action: action(.deleteToStart), scope: scope, summary: "Delete to the start"),
            KeyBinding(keys: [.control("w")], action: action(.deleteWord), scope: scope, summary: "Delete the word before"),
        ]
    }

    private static let dialogs: [KeyBinding] = [
        KeyBinding(keys: [.character("?"), .escape, .character("q")], action: .closeOverlay, scope: .help,
                   summary: "Close help", hint: "close"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .help, summary: "Scroll the help down"),
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .help, summary: "Scroll the help up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .help, summary: "Scroll a page down"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .help, summary: "Scroll a page up"),
        KeyBinding(keys: [.character("y")], action: .confirm, scope: .confirmation, summary: "Yes", hint: "yes"),
        KeyBinding(keys: [.character("n"), .escape, .control("c")], action: .cancel, scope: .confirmation, summary: "No",
                   hint: "no"),
    ]

    /// The action for a key where `scopes` apply, the first scope taking precedence.
    func action(for key: Key, in scopes: [KeyScope]) -> Action? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        // Suspending and repainting work everywhere, even while typing in a form.
        if key == .control("z") { return .suspend }
        if key == .control("l") { return .repaint }
        // Any other printable key types itself.
        if case .character(let character) = key {
            if scopes.contains(.form) { return .form(.edit(.insert(String(character)))) }
            if scopes.contains(.search) { return .searchEdit(.insert(String(character))) }
        }
        return nil
    }

    /// A paste goes into the field being typed in, as one edit; elsewhere its letters
    /// would run as commands, so it is refused with a word.
    func action(forPaste text: String, in scopes: [KeyScope]) -> Action {
        if scopes.contains(.form) { return .form(.edit(.insert(text))) }
        if scopes.contains(.search) { return .searchEdit(.insert(text)) }
        return .pasteRefused
    }

    func bindings(in scope: KeyScope) -> [KeyBinding] {
        bindings.filter { $0.scope == scope }
    }

    /// The hints of `scopes` on one line: "Tab next · Enter save · Esc cancel".
    func hintLine(in scopes: [KeyScope], separator: String = " · ") -> String {
        hints(in: scopes).map { "\($0.keys) \($0.hint)" }.joined(separator: separator)
    }

    /// Footer hints for the scopes in force, of the actions `isOffered` lets through:
    /// "Space tick · ← queue · ? help".
    func hints(in scopes: [KeyScope], offering isOffered: (Action) -> Bool = { _ in true })
        -> [(keys: String, hint: String)] {
        scopes.flatMap { scope in
            bindings(in: scope).compactMap { binding in
                guard isOffered(binding.action) else { return nil }
                return binding.hint.map { (binding.hintKeys ?? binding.keys.first?.label ?? "", $0) }
            }
        }
    }
}
