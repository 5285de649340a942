import Model

/// The marks the queue puts on an order's row. The queue draws them from here and the help
/// explains them from here, so the two cannot part.
enum QueueMark: CaseIterable {
    case selected, marked, highPriority, lowPriority, conflict, steps, touchpointOverdue

    var symbol: String {
        switch self {
        case .selected: "▶"
        case .marked: "*"
        case .highPriority: "!"
        case .lowPriority: "↓"
        case .conflict: "≠"
        // Drawn by `ProgressBar`: its cells, and a count where they do not fit.
        case .steps: ProgressBar.cellsOrCount(Progress(done: 2, total: 3), limit: 3) + " "
            + ProgressBar.cellsOrCount(Progress(done: 2, total: 4), limit: 3)
        case .touchpointOverdue: "!"
        }
    }

    /// How the help shows the mark, in its place on a row.
    var example: String {
        switch self {
        case .touchpointOverdue: "3 Collab\(symbol)"
        default: symbol
        }
    }

    var meaning: String {
        switch self {
        case .selected: "The order selected; its detail is shown below the queue"
        case .marked: "Marked with v: c, D and E act on every marked order"
        case .highPriority: "High priority (in red); an overdue order's number and title are red too"
        case .lowPriority: "Low priority"
        case .conflict: "A field two copies changed two ways: K keeps the value shown, O takes the other"
        case .steps: "A section's 4S steps, ticked and not; a count when the section has more than fit"
        case .touchpointOverdue: "The stakeholder's stage; \(symbol) when the touchpoint planned with them is overdue"
        }
    }
}
