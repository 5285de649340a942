import Model

/// Every key, grouped by where it works, over the page; it scrolls when taller than the
/// terminal.
struct HelpPage: Overlay {
    func scopes(in state: AppState) -> [KeyScope] { [.help, .everywhere] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        HelpOverlay(keyMap: keyMap, size: state.size, scroll: state.helpScroll, allows: state.allows).draw(into: &screen)
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            state.scrollHelp(action)
        case .closeOverlay:
            state.isHelpVisible = false
        default:
            return nil
        }
        return []
    }
}
