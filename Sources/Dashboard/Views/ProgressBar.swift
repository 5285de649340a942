import Model

/// Progress drawn one cell per step, ▰ done and ▱ to do: ▰▰▱ is two of three steps.
enum ProgressBar {
    /// The cells, or nil when there are more steps than `limit` cells.
    static func cells(_ progress: Progress, limit: Int) -> String? {
        guard progress.total <= limit else { return nil }
        return String(repeating: "▰", count: progress.done) + String(repeating: "▱", count: progress.total - progress.done)
    }

    /// The cells, or the count ("4/5") when there are more steps than fit.
    static func cellsOrCount(_ progress: Progress, limit: Int) -> String {
        cells(progress, limit: limit) ?? progress.description
    }

    static func style(_ progress: Progress) -> Style {
        progress.isComplete ? Theme.done : .plain
    }
}
