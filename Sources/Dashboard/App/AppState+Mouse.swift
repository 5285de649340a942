import Model

extension AppState {
    /// A click acts on what the page drew under it.
    mutating func click(x: Int, y: Int, now: Timestamp) -> [Effect] {
        guard form == nil, confirmation == nil, !isHelpVisible else { return [] }
        guard let target = DashboardView(state: self, keyMap: keyMap).hitTargets().target(x: x, y: y) else { return [] }
        let page = page
        return page.click(target, in: &self, now: now)
    }

    /// The wheel scrolls the help when it shows, else what the page has under the pointer.
    mutating func scroll(up: Bool, x: Int, y: Int) {
        guard form == nil, confirmation == nil else { return }
        guard !isHelpVisible else {
            for _ in 0..<3 { scrollHelp(up ? .moveUp : .moveDown) }
            return
        }
        let page = page
        page.scroll(up: up, x: x, y: y, in: &self)
    }
}
