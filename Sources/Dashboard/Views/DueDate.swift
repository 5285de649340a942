import Model

/// How a due date reads relative to today, and how urgent it looks.
struct DueDate {
    let due: CalendarDay?
    let today: CalendarDay

    var isOverdue: Bool { due.map { $0 < today } ?? false }
    var isThisWeek: Bool { due.map { !isOverdue && today.days(until: $0) < 7 } ?? false }

    var style: Style {
        if isOverdue { return Theme.overdue }
        if isThisWeek { return Theme.dueSoon }
        return .plain
    }

    /// "Nov 28", or "3d late" when overdue.
    var short: String {
        guard let due else { return "—" }
        let days = today.days(until: due)
        if days < 0 { return "\(-days)d late" }
        if days == 0 { return "today" }
        return due.shortDescription
    }

    /// "2026-11-28 (in 3 days)".
    var long: String {
        guard let due else { return "no due date" }
        let days = today.days(until: due)
        let relative = switch days {
        case ..<(-1): "\(-days) days overdue"
        case -1: "1 day overdue"
        case 0: "today"
        case 1: "tomorrow"
        default: "in \(days) days"
        }
        return "\(due) (\(relative))"
    }
}
