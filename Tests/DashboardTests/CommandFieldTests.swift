@testable import Dashboard
@testable import Model
import Testing

/// Every field of an order reaches the command line: an option of `fours add` and `fours
/// edit` sets it (or the table says which command does and why), and `fours show` shows it.
@Suite struct CommandFieldTests {
    @Test func everyFieldOfAnOrderHasAnOptionAndALineInShow() throws {
        for field in OrderDetails.table.fields.map(\.name) {
            let option = OrderFieldOptions.fieldOptions[field]
            #expect((option != nil) != (OrderFieldOptions.notSetHere[field] != nil),
                    "\(field): an option sets it, or the table says why none does")
            // The option is one the command takes.
            let sample = ["--priority": "low", "--arrival": "earlyInvolvement"][option ?? ""] ?? "1"
            if let option { _ = try OrderFieldOptions.parse([option, sample]) }
            #expect(ShowCommand.detailLines.contains { $0.fields.contains(field) }, "\(field) has a line in fours show")
        }
    }
}
