import Model

/// A stakeholder's stage as the queue shows it, "2 Change", marked "2 Change!" in red
/// when the touchpoint planned with them is overdue.
struct StageBadge {
    let stakeholder: Stakeholder
    let today: CalendarDay

    var isTouchpointOverdue: Bool { stakeholder.touchpointIsOverdue(on: today) }

    func text(showingTitle: Bool) -> String {
        let stage = stakeholder.stage
        return (showingTitle ? "\(stage.rawValue) \(stage.shortTitle)" : "\(stage.rawValue)")
            + (isTouchpointOverdue ? QueueMark.touchpointOverdue.symbol : "")
    }

    var style: Style { isTouchpointOverdue ? Theme.overdue : Theme.stage(stakeholder.stage) }
}
