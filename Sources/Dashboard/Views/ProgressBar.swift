import Model

/// Small progress bars such as ▰▰▱ for a section or ▰▰▰▰▱▱▱▱ for an order.
enum ProgressBar {
    static func text(_ progress: Progress, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = progress.total == 0 ? 0
            : Int((Double(progress.done) / Double(progress.total) * Double(width)).rounded())
        let shown = progress.done > 0 && filled == 0 ? 1 : filled
        return String(repeating: "▰", count: shown) + String(repeating: "▱", count: width - shown)
    }

    static func style(_ progress: Progress) -> Style {
        progress.isComplete ? Theme.done : .plain
    }
}
