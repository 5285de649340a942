/// Reads an order straight from its text into the model, with no tree of values between:
/// its fields by the order details' table, its checklist by `ChecklistText`. Like that
/// reader, it takes only what fours itself writes (known members, each once, of the kind
/// and within the limits its field allows); anything else gives nil, and the order is read
/// the careful way, which keeps what this version does not know and says where a problem is.
enum TrainingOrderText {
    private struct Unusual: Error {}

    /// The members that are not fields of the details, by their bit among those seen.
    private static let id: UInt64 = 1 << 61, checklist: UInt64 = 1 << 62, notes: UInt64 = 1 << 63

    /// With `checklistLater`, the checklist is passed over by its brackets and its text
    /// kept in the order read, to be read when it is needed.
    static func read(_ bytes: [UInt8], _ text: JSONText, index: Int, checklistLater: Bool = false) -> ReadOrder? {
        var reader = JSONReader(bytes: bytes, text: text)
        do {
            let order = try order(&reader, index: index, range: text.range, checklistLater: checklistLater)
            return reader.isAtEnd ? order : nil
        } catch {
            return nil
        }
    }

    private static func order(_ reader: inout JSONReader, index: Int, range: Range<Int>,
                              checklistLater: Bool) throws -> ReadOrder {
        let table = OrderDetails.table
        var details = OrderDetails.unread
        var id: Int?, idPosition: SourcePosition?, stakeholderPosition: SourcePosition?
        var checklist = Checklist()
        var checklistText: JSONText?
        var notes: [Note] = []
        var seen: UInt64 = 0
        try ChecklistText.members(of: &reader) { key, reader in
            let member: UInt64
            switch key {
            case "id":
                member = Self.id
                idPosition = reader.peek().map { _ in reader.position }
                id = try reader.readValue().wholeNumberValue
                guard id != nil else { throw Unusual() }
            case "checklist":
                member = Self.checklist
                if checklistLater {
                    guard let text = reader.skimObject() else { throw Unusual() }
                    checklistText = text
                } else {
                    checklist = try ChecklistText.checklist(&reader)
                }
            case "notes":
                member = Self.notes
                notes = try readNotes(&reader)
            default:
                guard let place = table.places[key], place < 61 else { throw Unusual() }
                member = 1 << UInt64(place)
                if key == "stakeholder" { stakeholderPosition = reader.peek().map { _ in reader.position } }
                guard table.fields[place].take(try reader.readValue(), &details) else { throw Unusual() }
            }
            guard seen & member == 0 else { throw Unusual() }
            seen |= member
        }
        for (place, field) in table.fields.enumerated() where field.isRequired && seen & (1 << UInt64(place)) == 0 {
            throw Unusual()
        }
        guard let id else { throw Unusual() }
        var read = ReadOrder(order: TrainingOrder(id: id, details: details, checklist: checklist, notes: notes), range: range,
                             idPlace: FieldPlace(order: index, member: .id, position: idPosition),
                             stakeholderPlace: FieldPlace(order: index, member: .stakeholder, position: stakeholderPosition))
        read.checklistText = checklistText
        return read
    }

    /// Notes, each read by the careful reader: they are few, and a note with a member this
    /// version does not know keeps it.
    private static func readNotes(_ reader: inout JSONReader) throws -> [Note] {
        guard case .array(let elements) = try reader.readValue() else { throw Unusual() }
        return try elements.map { element in
            guard let note = FieldReader.withoutProblems(element, Note.init) else { throw Unusual() }
            return note
        }
    }
}
