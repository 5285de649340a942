@testable import Dashboard
@testable import Model
import TestSupport
import Testing

/// Every field of an order reaches the command line: an option of `fours add` and `fours
/// edit` sets it (or the table says which command does and why), and `fours show` shows it;
/// a search reads it, or the table says why not.
@Suite struct CommandFieldTests {
    @Test func everyFieldOfAnOrderHasAnOptionALineInShowAndIsSearched() throws {
        let searched = Set(SearchIndex.searchedFields.map(\.name))
        for field in OrderDetails.table.fields.map(\.name) {
            #expect(searched.contains(field) != (SearchIndex.unsearchedFields[field] != nil),
                    "\(field): a search reads it, or the table says why not")
            let option = OrderFieldOptions.fieldOptions[field]
            #expect((option != nil) != (OrderFieldOptions.notSetHere[field] != nil),
                    "\(field): an option sets it, or the table says why none does")
            // The option is one the command takes.
            let sample = ["--priority": "low", "--arrival": "earlyInvolvement"][option ?? ""] ?? "1"
            if let option { _ = try OrderFieldOptions.parse([option, sample]) }
            #expect(ShowCommand.detailLines.contains { $0.fields.contains(field) }, "\(field) has a line in fours show")
        }
        // What the table says is searched is found: a word only a closed order's closing
        // note and another's decision reason hold.
        var document = Fixture.demo
        let (closed, declined) = (document.orders[0].id, document.orders[1].id)
        document.updateOrder(id: closed) { $0.details.closingNote = "Handed over to the quokka team" }
        document.updateOrder(id: declined) { $0.details.decisionReason = "Quokka budget frozen" }
        let index = SearchIndex(document)
        #expect(Set(index.filter(document.orders.map(\.id), allOf: ["quokka"])) == [closed, declined])
    }

    /// The other records a person edits: each field is set by a command, or the command
    /// says why not, and each is carried by the exchange.
    @Test func everyFieldOfTheOtherRecordsHasACommandAndAColumn() {
        func names<Root>(_ table: FieldTable<Root>) -> Set<String> { Set(table.fields.map(\.name)) }
        #expect(Set(EditStakeholderCommand.fieldOptions.keys) == names(StakeholderDetails.table))
        #expect(names(Touchpoint.table) == ["on", "purpose"], "--touchpoint and --purpose set them")
        #expect(Set(NoteCommand.fieldSources.keys) == names(Note.table))
        #expect(Set(TickCommand.stepFieldsElsewhere.keys) == names(StepDetails.table))

        #expect(Set(OrderExchange.stakeholderColumnOfField.keys) == names(StakeholderDetails.table))
        #expect(Set(OrderExchange.stakeholderColumnOfField.values).isSubset(of: OrderExchange.stakeholderColumns))
        #expect(Set(OrderExchange.stepColumnOfField.keys) == names(StepDetails.table))
        #expect(Set(OrderExchange.stepColumnOfField.values).isSubset(of: OrderExchange.stepColumns))
        let order = Fixture.demo.order(id: 2)!
        guard case .object(let exported) = OrderExchange.json(order, in: Fixture.demo), case .array(let notes)? = exported["notes"],
              case .object(let note)? = notes.first else {
            Issue.record("the JSON export has the order's notes")
            return
        }
        #expect(Set(note.memberNames) == names(Note.table), "a note's every field in the JSON export")
    }
}
