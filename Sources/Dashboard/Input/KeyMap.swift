/// Where a key binding acts: a part of a page, a kind of page, a dialog, or everywhere.
enum KeyScope: CaseIterable, Sendable {
    case queue, checklist, stakeholder, archive, stakeholders, standup
    /// The views that list orders, whichever part has the focus.
    case orderLists
    /// The views where an order or a stakeholder is selected.
    case selection
    case everywhere, search, form, help, confirmation, brief, template

    /// How the help heads it; a view's own keys are headed by the view's title and number key.
    var title: String {
        switch self {
        case .queue: "Order queue"
        case .checklist: "4S checklist"
        case .stakeholder: "Stakeholder (Tab from the checklist)"
        case .archive: Self.named(.archive)
        case .stakeholders: Self.named(.stakeholders)
        case .standup: Self.named(.standup)
        case .orderLists: Self.naming(Pages.all.filter(\.listsOrders))
        case .selection: Self.naming(Pages.all.filter(\.selectsOrdersOrStakeholders))
        case .everywhere: "Everywhere"
        case .search: "Search (/)"
        case .form: "Forms"
        case .help: "Help"
        case .confirmation: "Questions"
        case .brief: "A stakeholder's brief (b in the stakeholders view)"
        case .template: "4S templates and order types (t)"
        }
    }

    private static func named(_ view: AppView) -> String {
        "\(view.title) (\(view.number))"
    }

    /// "Queue and Archive (1, 4)"
    private static func naming(_ pages: [any Page]) -> String {
        let titles = pages.map(\.view.title)
        let joined = titles.count > 1 ? titles.dropLast().joined(separator: ", ") + " and " + titles.last! : titles.joined()
        return "\(joined) (\(pages.map { String($0.view.number) }.joined(separator: ", ")))"
    }
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
    /// What each key does in each scope, the first binding of it there: looked up at every
    /// key pressed, and for every hint the footer draws.
    private let actions: [KeyScope: [Key: Action]]
    var mouse = [
        MouseBinding(what: "Click", summary: "Select an order, a step, or the stakeholder"),
        MouseBinding(what: "Click [ ]", summary: "Tick or untick that step"),
        MouseBinding(what: "Wheel", summary: "Move through the pane under the pointer"),
    ]

    init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var actions: [KeyScope: [Key: Action]] = [:]
        for binding in bindings {
            for key in binding.keys where actions[binding.scope]?[key] == nil {
                actions[binding.scope, default: [:]][key] = binding.action
            }
        }
        self.actions = actions
    }

    static let standard = KeyMap(bindings: queue + checklist + stakeholder + archive + stakeholdersView + standup
        + orderLists + selection + everywhere + search + form + dialogs)

    /// The keys that move through what a scope shows, the same in each: the summaries say
    /// what they move through; a nil one leaves that key out.
    private static func moving(in scope: KeyScope, previous: String, next: String, first: String?, last: String?,
                               pageUp: String?, pageDown: String?, hint: String = "move") -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: scope, summary: previous),
            KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: scope, summary: next, hint: hint, hintKeys: "↑↓"),
        ] + [
            first.map { KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: scope, summary: $0) },
            last.map { KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: scope, summary: $0) },
            pageUp.map { KeyBinding(keys: [.pageUp], action: .pageUp, scope: scope, summary: $0) },
            pageDown.map { KeyBinding(keys: [.pageDown], action: .pageDown, scope: scope, summary: $0) },
        ].compactMap { $0 }
    }

    private static let queue: [KeyBinding] = moving(in: .queue, previous: "Previous order", next: "Next order",
                                                    first: "First order", last: "Last order",
                                                    pageUp: "One page up", pageDown: "One page down") + [
        KeyBinding(keys: [.right, .character("l"), .enter], action: .focusChecklist, scope: .queue,
                   summary: "Go to the order's 4S checklist", hint: "checklist"),
        KeyBinding(keys: [.character("a")], action: .addOrder, scope: .queue, summary: "Add an order", hint: "add"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .queue, summary: "Edit the order", hint: "edit"),
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .queue,
                   summary: "Search titles, requests, problems, audiences, stakeholders, #tags, owners, decisions, closing notes, notes, added steps",
                   hint: "search"),
        KeyBinding(keys: [.character("f")], action: .openFilters, scope: .queue,
                   summary: "Filter by status, stakeholder, stage, tag, owner, priority, due, conflicts, type", hint: "filter"),
        KeyBinding(keys: [.character("M")], action: .toggleMine, scope: .queue,
                   summary: "Only your orders (owner: FOURS_USER, else your login), or everyone's again", hint: "mine"),
        KeyBinding(keys: [.character("F")], action: .clearFilters, scope: .queue, summary: "Clear search and filters: back to the open orders"),
        KeyBinding(keys: [.character("o")], action: .cycleSort, scope: .queue,
                   summary: "Sort by due date, priority, 4S progress, age, stakeholder, stage, type"),
        KeyBinding(keys: [.character("A")], action: .toggleClosedOrders, scope: .queue,
                   summary: "Show open, all, or delivered and closed orders"),
    ] + listKeys(in: .queue)

    private static let archive: [KeyBinding] = moving(in: .archive, previous: "Previous order", next: "Next order",
                                                      first: "Newest", last: "Oldest",
                                                      pageUp: "One page up", pageDown: "One page down") + [
        KeyBinding(keys: [.character("/")], action: .startSearch, scope: .archive, summary: "Search the archive", hint: "search"),
        KeyBinding(keys: [.character("F")], action: .clearFilters, scope: .archive, summary: "Clear the search"),
        KeyBinding(keys: [.character("c")], action: .closeOrReopenOrder, scope: .archive, summary: "Reopen the order",
                   hint: "reopen"),
        KeyBinding(keys: [.right, .character("l"), .enter], action: .focusChecklist, scope: .archive,
                   summary: "Go to the order's 4S checklist"),
    ] + listKeys(in: .archive)

    /// What the lists have besides moving: marking orders and changing the marked ones at
    /// once (c and D act on them too), the sort reversed, views saved and shown.
    private static func listKeys(in scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(keys: [.character("v")], action: .mark(all: false), scope: scope,
                       summary: "Mark the order, or unmark it; c, D and E then act on every marked order"),
            KeyBinding(keys: [.character("V")], action: .mark(all: true), scope: scope,
                       summary: "Mark every order shown, or none again"),
            KeyBinding(keys: [.character("E")], action: .editMarked, scope: scope,
                       summary: "Change the marked orders at once: add or take off a tag, owners, due date"),
            KeyBinding(keys: [.character("R")], action: .reverseSort, scope: scope, summary: "Reverse the sort"),
            KeyBinding(keys: [.character("s")], action: .saveView, scope: scope,
                       summary: "Save the search, filters and sort shown as a view, under a name"),
            KeyBinding(keys: [.character("'")], action: .chooseView, scope: scope,
                       summary: "Show a saved view (or forget one); fours list --view NAME lists it"),
        ]
    }

    private static let stakeholdersView: [KeyBinding] = moving(in: .stakeholders, previous: "Previous stakeholder",
                                                               next: "Next stakeholder", first: "First", last: "Last",
                                                               pageUp: nil, pageDown: nil) + [
        KeyBinding(keys: [.enter], action: .showStakeholderOrders, scope: .stakeholders,
                   summary: "Their orders, in the queue", hint: "orders"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .stakeholders,
                   summary: "Edit: role, team, 3 R's, next touchpoint", hint: "edit"),
        KeyBinding(keys: [.character("b")], action: .showBrief, scope: .stakeholders,
                   summary: "Their brief: stage and history, 3 R's, touchpoints, orders, what was learnt", hint: "brief"),
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

    private static let checklist: [KeyBinding] = moving(in: .checklist, previous: "Previous step", next: "Next step",
                                                        first: "First step", last: "Last step",
                                                        pageUp: "Previous section", pageDown: "Next section") + [
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
    ] + moving(in: .stakeholder, previous: "Scroll the detail up", next: "Scroll the detail down: history, notes, measurement",
               first: "Top of the detail", last: "End of the detail", pageUp: "Scroll the detail a page up",
               pageDown: "Scroll the detail a page down", hint: "scroll")

    private static let orderLists: [KeyBinding] = [
        KeyBinding(keys: [.tab], action: .switchFocus, scope: .orderLists,
                   summary: "Move focus: queue, checklist, stakeholder"),
        KeyBinding(keys: [.backTab], action: .switchFocusBack, scope: .orderLists,
                   summary: "Move focus back: stakeholder, checklist, queue"),
        KeyBinding(keys: [.character("c")], action: .closeOrReopenOrder, scope: .orderLists,
                   summary: "Mark the order delivered or closed; reopen a closed one"),
        KeyBinding(keys: [.character("m")], action: .editMeasurement, scope: .orderLists,
                   summary: "Measurement and value calculator of the order"),
        KeyBinding(keys: [.character("D")], action: .deleteOrder, scope: .orderLists, summary: "Delete the order (asks first)"),
        KeyBinding(keys: [.character("K")], action: .settleConflict(takeOther: false), scope: .orderLists,
                   summary: "Merge conflict: keep the value shown", hint: "keep"),
        KeyBinding(keys: [.character("O")], action: .settleConflict(takeOther: true), scope: .orderLists,
                   summary: "Merge conflict: take the other copy's value", hint: "other"),
        KeyBinding(keys: [.character("N")], action: .addFollowUp, scope: .orderLists,
                   summary: "Follow-up order: the next piece of work for the same stakeholder, linked to this one"),
        KeyBinding(keys: [.character("C")], action: .nextConflict, scope: .orderLists,
                   summary: "Next order with a merge conflict (f filters to only those)"),
    ]

    private static let selection: [KeyBinding] = [
        KeyBinding(keys: [.character(">")], action: .stageUp, scope: .selection,
                   summary: "Stakeholder one stage toward strategic partner", hint: "stage"),
        KeyBinding(keys: [.character("<")], action: .stageDown, scope: .selection,
                   summary: "Stakeholder one stage toward order taker"),
        KeyBinding(keys: [.character("n")], action: .addNote, scope: .selection,
                   summary: "Add a dated note to the order (to the stakeholder when in focus)", hint: "note"),
    ]

    private static let everywhere: [KeyBinding] = [
        KeyBinding(keys: [.character("S")], action: .addStakeholder, scope: .everywhere, summary: "Add a stakeholder"),
        KeyBinding(keys: [.character("t")], action: .template(.open), scope: .everywhere,
                   summary: "4S templates and order types: the steps new orders start from"),
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
    ] + moving(in: .help, previous: "Scroll the help up", next: "Scroll the help down", first: "Scroll to the top",
               last: "Scroll to the end", pageUp: "Scroll a page up", pageDown: "Scroll a page down", hint: "scroll") + [
        KeyBinding(keys: [.character("b"), .escape, .character("q")], action: .closeOverlay, scope: .brief,
                   summary: "Close the brief", hint: "close"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .brief, summary: "Scroll a block down",
                   hint: "scroll", hintKeys: "↑↓"),
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .brief, summary: "Scroll a block up"),
        KeyBinding(keys: [.character("n")], action: .addNote, scope: .brief, summary: "Add a note about them", hint: "note"),
    ] + template + [
        KeyBinding(keys: [.character("y")], action: .confirm, scope: .confirmation, summary: "Yes", hint: "yes"),
        KeyBinding(keys: [.character("n"), .escape, .control("c")], action: .cancel, scope: .confirmation, summary: "No",
                   hint: "no"),
    ]

    private static let template: [KeyBinding] = [
        KeyBinding(keys: [.character("a")], action: .template(.addStep), scope: .template,
                   summary: "Add a step after the one selected (to the section, on its heading)", hint: "add"),
        KeyBinding(keys: [.character("e"), .enter], action: .template(.editStep), scope: .template,
                   summary: "Reword the step, or its explanation", hint: "edit"),
        KeyBinding(keys: [.character("d"), .delete], action: .template(.removeStep), scope: .template,
                   summary: "Take the step out (orders keep theirs)", hint: "remove"),
        KeyBinding(keys: [.character("K")], action: .template(.moveStep(up: true)), scope: .template,
                   summary: "Move the step up in its section", hint: "reorder", hintKeys: "K/J"),
        KeyBinding(keys: [.character("J")], action: .template(.moveStep(up: false)), scope: .template,
                   summary: "Move the step down in its section"),
        KeyBinding(keys: [.right, .character("l")], action: .template(.switchType(next: true)), scope: .template,
                   summary: "The next order type's template", hint: "type", hintKeys: "←→"),
        KeyBinding(keys: [.left, .character("h")], action: .template(.switchType(next: false)), scope: .template,
                   summary: "The previous order type's template"),
        KeyBinding(keys: [.character("A")], action: .template(.apply), scope: .template,
                   summary: "Bring the type's open orders in line: steps added unticked, unticked ones it dropped removed",
                   hint: "apply to open orders"),
        KeyBinding(keys: [.character("N")], action: .template(.addType), scope: .template,
                   summary: "New order type, starting from the steps shown", hint: "new type"),
        KeyBinding(keys: [.character("R")], action: .template(.renameType), scope: .template, summary: "Rename the order type"),
        KeyBinding(keys: [.character("D")], action: .template(.removeType), scope: .template,
                   summary: "Remove the order type (asks first; its orders keep their steps)"),
        KeyBinding(keys: [.character("t"), .escape, .character("q")], action: .closeOverlay, scope: .template,
                   summary: "Close the template editor", hint: "close"),
    ] + moving(in: .template, previous: "Previous step", next: "Next step", first: "First step", last: "Last step",
               pageUp: "Ten steps up", pageDown: "Ten steps down")

    /// The action for a key where `scopes` apply, the first scope taking precedence.
    func action(for key: Key, in scopes: [KeyScope]) -> Action? {
        for scope in scopes {
            if let action = actions[scope]?[key] { return action }
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

    /// The key that does `action` where `scopes` apply ("a"), for a message that names it;
    /// nil when no key does it there.
    func key(for action: Action, in scopes: [KeyScope]) -> String? {
        scopes.lazy.flatMap { self.bindings(in: $0) }
            .first { $0.action == action && self.takesEffect($0, in: scopes) }?.keys.first?.label
    }

    /// Whether the binding's key does its action where `scopes` apply: an earlier scope may
    /// take the key for something else (with help open, `?` closes it).
    private func takesEffect(_ binding: KeyBinding, in scopes: [KeyScope]) -> Bool {
        guard let key = binding.keys.first else { return false }
        return action(for: key, in: scopes) == binding.action
    }

    /// The hints of `scopes` on one line: "Tab next · Enter save · Esc cancel".
    func hintLine(in scopes: [KeyScope], separator: String = " · ", naming: (Action) -> String? = { _ in nil }) -> String {
        hints(in: scopes, naming: naming).map { "\($0.keys) \($0.hint)" }.joined(separator: separator)
    }

    /// Footer hints for the scopes in force, of the actions `isOffered` lets through:
    /// "Space tick · ← queue · ? help". A binding an earlier scope overrides is not hinted.
    /// `naming` may say what an action does here better than its usual hint (a filter's
    /// Enter applies it).
    func hints(in scopes: [KeyScope], offering isOffered: (Action) -> Bool = { _ in true },
               naming: (Action) -> String? = { _ in nil }) -> [(keys: String, hint: String)] {
        scopes.flatMap { scope in
            bindings(in: scope).compactMap { binding in
                guard isOffered(binding.action), let hint = binding.hint, takesEffect(binding, in: scopes) else { return nil }
                return (binding.hintKeys ?? binding.keys.first?.label ?? "", naming(binding.action) ?? hint)
            }
        }
    }
}
