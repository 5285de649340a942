import Model

/// Every key, grouped by where it works, over the page; it scrolls when taller than the
/// terminal.
struct HelpPage: Overlay {
    /// Rows scrolled past.
    var scroll = 0

    func scopes(in state: AppState) -> [KeyScope] { [.help, .everywhere] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        HelpOverlay(keyMap: keyMap, size: state.size, scroll: scroll, allows: state.allows).draw(into: &screen)
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            state.scrollHelp(action)
        case .closeOverlay:
            state.overlays[HelpPage.self] = nil
        default:
            return nil
        }
        return []
    }
}

extension AppState {
    var isHelpVisible: Bool { overlays[HelpPage.self] != nil }

    /// Shows the help from its top, or closes it.
    mutating func toggleHelp() {
        overlays[HelpPage.self] = isHelpVisible ? nil : HelpPage()
    }

    var helpScroll: Int {
        get { overlays[HelpPage.self]?.scroll ?? 0 }
        set { overlays[HelpPage.self]?.scroll = newValue }
    }

    mutating func scrollHelp(_ action: Action) {
        let page = max(1, size.height - 4)
        let step = switch action {
        case .moveUp: -1
        case .moveDown: 1
        case .pageUp: -page
        case .pageDown: page
        case .moveToFirst: -helpScroll
        default: 0
        }
        let furthest = HelpOverlay(keyMap: keyMap, size: size, allows: allows).maximumScroll
        helpScroll = max(0, min(furthest, helpScroll + step))
    }
}
