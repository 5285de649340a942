/// Reads an order's checklist straight from its text into steps, with no tree of values
/// between: most of a store's text is checklists, and this is most of what opening it costs.
/// It takes only what fours itself writes: known members of the kinds they should be,
/// nothing repeated. Anything else gives nil, and the order is read the careful way, which
/// keeps what this version does not know and says where a problem is (a member added to
/// the steps' field table is read that way too, until it is added here).
enum ChecklistText {
    private struct Unusual: Error {}

    static func read(_ bytes: [UInt8], _ text: JSONText) -> Checklist? {
        var reader = JSONReader(bytes: bytes, text: text)
        do {
            let checklist = try checklist(&reader)
            return reader.isAtEnd ? checklist : nil
        } catch {
            return nil
        }
    }

    /// Reads the checklist that comes next; throws when it is not as fours writes it.
    static func checklist(_ reader: inout JSONReader) throws -> Checklist {
        var stepsBySection: [[ChecklistStep]] = ChecklistSection.allCases.map { _ in [] }
        var sections: [ChecklistSection] = []
        var ids: [String] = []
        try members(of: &reader) { key, reader in
            guard let section = ChecklistSection(rawValue: key), !sections.contains(section),
                  reader.take(UInt8(ascii: "[")) else { throw Unusual() }
            sections.append(section)
            var steps: [ChecklistStep] = []
            // Room for the template's three a section at once.
            steps.reserveCapacity(3)
            if !reader.take(UInt8(ascii: "]")) {
                repeat {
                    let step = try step(&reader)
                    // Ids repeat only in a damaged file: a few steps are compared one by one.
                    guard !ids.contains(step.id) else { throw Unusual() }
                    ids.append(step.id)
                    steps.append(step)
                } while reader.take(UInt8(ascii: ","))
                guard reader.take(UInt8(ascii: "]")) else { throw Unusual() }
            }
            stepsBySection[section.index] = steps
        }
        return Checklist(sections: stepsBySection)
    }

    private static func step(_ reader: inout JSONReader) throws -> ChecklistStep {
        var id: String?, title: String?, tickedAt: String?, tickedBy: String?, note: String?
        var isHidden = false, isCustom = false
        var seen: UInt8 = 0
        try members(of: &reader) { key, reader in
            let member: UInt8
            switch key {
            case "id": member = 1; id = try string(&reader, sharing: ChecklistStep.sharedTexts)
            case "title": member = 2; title = try string(&reader, sharing: ChecklistStep.sharedTexts)
            case "tickedAt": member = 4; tickedAt = try string(&reader)
            case "tickedBy": member = 8; tickedBy = try string(&reader)
            case "note": member = 16; note = try string(&reader)
            case "hidden": member = 32; isHidden = try flag(&reader)
            case "custom": member = 64; isCustom = try flag(&reader)
            default: throw Unusual()
            }
            guard seen & member == 0 else { throw Unusual() }
            seen |= member
        }
        guard let id, let title else { throw Unusual() }
        var tick: Tick?
        if let tickedAt {
            guard let at = Timestamp(iso: tickedAt) else { throw Unusual() }
            tick = Tick(at: at, by: tickedBy ?? "")
        }
        var step = ChecklistStep(id: id, title: title, tick: tick, isCustom: isCustom)
        step.details.note = note ?? ""
        step.details.isHidden = isHidden
        return step
    }

    /// Reads an object, handing each member's name to `member`, which reads its value.
    static func members(of reader: inout JSONReader,
                                _ member: (String, inout JSONReader) throws -> Void) throws {
        guard reader.take(UInt8(ascii: "{")) else { throw Unusual() }
        if reader.take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try reader.readString()
            guard reader.take(UInt8(ascii: ":")) else { throw Unusual() }
            try member(key, &reader)
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "}")) else { throw Unusual() }
    }

    /// A string, or null for none, as the careful reader takes them.
    private static func string(_ reader: inout JSONReader, sharing shared: SharedTexts? = nil) throws -> String? {
        if reader.peek() == UInt8(ascii: "\"") { return try reader.readString(sharing: shared) }
        guard try reader.readValue() == .null else { throw Unusual() }
        return nil
    }

    private static func flag(_ reader: inout JSONReader) throws -> Bool {
        switch try reader.readValue() {
        case .bool(let flag): flag
        case .null: false
        default: throw Unusual()
        }
    }
}
