import Model

/// Every key, grouped by where it works, over the page; it scrolls when taller than the
/// terminal.
struct HelpPage: Overlay {
    func scopes(in state: AppState) -> [KeyScope] { [.help, .everywhere] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        HelpOverlay(keyMap: keyMap, size: state.size, scroll: state.helpScroll, allows: state.allows).draw(into: &screen)
    }

    func move(_ action: Action, in state: inout AppState) {
        state.scrollHelp(action)
    }
}
