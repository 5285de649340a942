import ArgumentParser
import Model

/// A date given on the command line, in every form fours reads one: what the forms take
/// (2026-12-15, today, tomorrow, +3d, -2w) and what an intake sheet may hold (31/12/2026,
/// 12/31/2026, 31.12.26), `--date-format` settling a day that could be either.
enum DateOption {
    static func parse(_ text: String, option: String, today: CalendarDay, order: IntakeImport.DateOrder?) throws -> CalendarDay {
        if let parsed = DateInput.parse(text, today: today), let day = parsed { return day }
        let parts = text.trimmingWhitespace.split { "/.-".contains($0) }
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            // Numbers as a sheet writes a date: its own message says what is wrong with them.
            do {
                if let day = try IntakeImport.day(text.trimmingWhitespace, named: option, order: order) { return day }
            } catch {
                throw CommandFailure.report(error.message)
            }
        }
        throw CommandFailure.report("\(option) \(text) is not a date; write 2026-12-31, 31/12/2026, today, +3d or -2w")
    }
}

/// `--date-format`, for the commands that take dates.
struct DateFormatOption: ParsableArguments {
    @Option(help: "dmy (31/12/2026) or mdy (12/31/2026), for a date such as 03/04/2026 that could be either.")
    var dateFormat: IntakeImport.DateOrder?
}

extension IntakeImport.DateOrder: ExpressibleByArgument {}
