/// Where a binding applies. Help groups bindings by it.
enum KeyScope: String, CaseIterable, Sendable {
    case queue = "Order queue"
    case checklist = "4S checklist"
    case everywhere = "Everywhere"
    case help = "Help"
    case confirmation = "Questions"
}

struct KeyBinding: Sendable {
    var keys: [Key]
    var action: Action
    var scope: KeyScope
    /// What the binding does, for the help overlay.
    var summary: String
    /// A short word for the footer; nil keeps it out of the footer.
    var hint: String?

    var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The one table of key bindings. The app looks keys up here, and the help overlay and the
/// footer are generated from it, so what they say is what the keys do.
struct KeyMap: Sendable {
    let bindings: [KeyBinding]

    static let standard = KeyMap(bindings: [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .queue, summary: "Previous order"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .queue, summary: "Next order", hint: "move"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .queue, summary: "First order"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .queue, summary: "Last order"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .queue, summary: "One page up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .queue, summary: "One page down"),
        KeyBinding(keys: [.right, .character("l"), .enter], action: .focusChecklist, scope: .queue,
                   summary: "Go to the order's 4S checklist", hint: "checklist"),

        KeyBinding(keys: [.up, .character("k")], action: .moveUp, scope: .checklist, summary: "Previous step"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, scope: .checklist, summary: "Next step", hint: "move"),
        KeyBinding(keys: [.character("g"), .home], action: .moveToFirst, scope: .checklist, summary: "First step"),
        KeyBinding(keys: [.character("G"), .end], action: .moveToLast, scope: .checklist, summary: "Last step"),
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .checklist, summary: "Previous section"),
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .checklist, summary: "Next section"),
        KeyBinding(keys: [.character(" "), .character("x")], action: .toggleStep, scope: .checklist,
                   summary: "Tick or untick the step (saved at once)", hint: "tick"),
        KeyBinding(keys: [.left, .character("h"), .escape], action: .focusQueue, scope: .checklist,
                   summary: "Back to the order queue", hint: "queue"),

        KeyBinding(keys: [.tab, .backTab], action: .switchFocus, scope: .everywhere,
                   summary: "Switch between queue and checklist"),
        KeyBinding(keys: [.character(">")], action: .stageUp, scope: .everywhere,
                   summary: "Stakeholder one stage toward strategic partner", hint: "stage"),
        KeyBinding(keys: [.character("<")], action: .stageDown, scope: .everywhere,
                   summary: "Stakeholder one stage toward order taker"),
        KeyBinding(keys: [.character("?")], action: .toggleHelp, scope: .everywhere, summary: "Show or hide this help",
                   hint: "help"),
        KeyBinding(keys: [.character("r")], action: .retrySaves, scope: .everywhere,
                   summary: "Retry saving changes that could not be saved"),
        KeyBinding(keys: [.control("z")], action: .suspend, scope: .everywhere, summary: "Suspend (resume with fg)"),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, scope: .everywhere, summary: "Quit", hint: "quit"),

        KeyBinding(keys: [.character("?"), .escape, .character("q")], action: .closeOverlay, scope: .help,
                   summary: "Close help"),

        KeyBinding(keys: [.character("y")], action: .confirm, scope: .confirmation, summary: "Yes", hint: "yes"),
        KeyBinding(keys: [.character("n"), .escape], action: .cancel, scope: .confirmation, summary: "No", hint: "no"),
    ])

    /// The action for a key where `scopes` apply, the first scope taking precedence.
    func action(for key: Key, in scopes: [KeyScope]) -> Action? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    func bindings(in scope: KeyScope) -> [KeyBinding] {
        bindings.filter { $0.scope == scope }
    }

    /// Footer hints for the scopes in force: "Space tick · ← queue · ? help".
    func hints(in scopes: [KeyScope]) -> [(keys: String, hint: String)] {
        scopes.flatMap { scope in
            bindings(in: scope).compactMap { binding in
                binding.hint.map { (binding.keys.first?.label ?? "", $0) }
            }
        }
    }
}
