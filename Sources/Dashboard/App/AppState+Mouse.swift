import Model

extension AppState {
    /// A click acts on what the page drew under it; an overlay keeps it from the page.
    mutating func click(_ target: HitTarget?, now: Timestamp) -> [Effect] {
        guard overlays.shown.isEmpty, let target else { return [] }
        let page = page
        return page.click(target, in: &self, now: now)
    }

    /// The wheel scrolls the top overlay (the help scrolls, a form or a question does not),
    /// else what the page has under the pointer.
    mutating func scroll(up: Bool, x: Int, y: Int, now: Timestamp) {
        if let overlay = overlays.top {
            for _ in 0..<3 { _ = overlay.update(up ? .moveUp : .moveDown, state: &self, now: now) }
            return
        }
        let page = page
        page.scroll(up: up, x: x, y: y, in: &self, now: now)
    }
}
