import Model

/// Every key, grouped by where it works, over the page; it scrolls when taller than the
/// terminal.
struct HelpOverlay: Overlay {
    /// Rows scrolled past.
    var scroll = 0

    func scopes(in state: AppState) -> [KeyScope] { [.help, .everywhere] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        HelpView(keyMap: keyMap, size: state.size, scroll: scroll, allows: state.allows).draw(into: &screen)
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            state.scrollHelp(action)
        case .closeOverlay:
            state.overlays[HelpOverlay.self] = nil
        default:
            return nil
        }
        return []
    }
}

extension AppState {
    var isHelpVisible: Bool { overlays[HelpOverlay.self] != nil }

    /// Shows the help from its top, or closes it.
    mutating func toggleHelp() {
        overlays[HelpOverlay.self] = isHelpVisible ? nil : HelpOverlay()
    }

    var helpScroll: Int {
        get { overlays[HelpOverlay.self]?.scroll ?? 0 }
        set { overlays[HelpOverlay.self]?.scroll = newValue }
    }

    mutating func scrollHelp(_ action: Action) {
        let page = max(1, size.height - 4)
        let furthest = HelpView(keyMap: keyMap, size: size, allows: allows).maximumScroll
        let wanted = switch action {
        case .moveUp: helpScroll - 1
        case .moveDown: helpScroll + 1
        case .pageUp: helpScroll - page
        case .pageDown: helpScroll + page
        case .moveToFirst: 0
        case .moveToLast: furthest
        default: helpScroll
        }
        helpScroll = max(0, min(furthest, wanted))
    }
}
