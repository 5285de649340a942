import Model

/// Dates as people type them: 2026-11-28, today, tomorrow, +3d, +2w, a day as a sheet
/// writes it (31/12/2026, 12/31/2026, 31.12.26), or nothing.
enum DateInput {
    /// `.some(nil)` for an empty text (no date); nil when the text is not a date, or is one
    /// that could be day first or month first (`readings` gives both).
    static func parse(_ text: String, today: CalendarDay) -> CalendarDay?? {
        let text = text.lowercased().trimmingWhitespace
        switch text {
        case "": return .some(nil)
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let day = CalendarDay(iso: text) { return day }
        if let (dayFirst, monthFirst) = readings(of: text) {
            guard dayFirst == monthFirst else { return nil }
            return dayFirst
        }
        guard let unit = text.last, unit == "d" || unit == "w" else { return nil }
        let amount = text.dropLast()
        guard let count = Int(amount.hasPrefix("+") ? amount.dropFirst() : amount), abs(count) < 36_500 else { return nil }
        return today.adding(days: unit == "w" ? count * 7 : count)
    }

    /// The day a date written as a sheet writes it stands for, read day first and month
    /// first (the same day twice when only one reading is a day, or both are the same);
    /// nil when the text is not such a date, numbers and separators alone.
    static func readings(of text: String) -> (dayFirst: CalendarDay, monthFirst: CalendarDay)? {
        let text = text.trimmingWhitespace
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "/.-".contains($0)) }),
              let dayFirst = try? IntakeImport.day(text, named: "", order: .dayFirst),
              let monthFirst = try? IntakeImport.day(text, named: "", order: .monthFirst) else { return nil }
        return (dayFirst, monthFirst)
    }
}
