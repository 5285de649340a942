/// What a click on screen acts on.
enum HitTarget: Equatable, Sendable {
    /// An order in a list, by its position.
    case order(position: Int)
    /// A stakeholder in the stakeholders view, by their place in its list.
    case stakeholder(index: Int)
    /// The selected order's stakeholder, in the detail pane.
    case orderStakeholder
    /// A step of the selected order, by its index among the shown steps; `checkbox` when
    /// the click is on its box.
    case step(Int, checkbox: Bool)
}

/// The places a page drew that a click acts on, recorded as it draws: a click acts on what
/// the screen shows.
struct HitTargets {
    private var places: [(rect: Rect, target: HitTarget)] = []

    /// Records a place; where places overlap, the one recorded first wins.
    mutating func add(_ target: HitTarget, _ rect: Rect) {
        places.append((rect, target))
    }

    func target(x: Int, y: Int) -> HitTarget? {
        places.first { $0.rect.contains(x: x, y: y) }?.target
    }
}
