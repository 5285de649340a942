import Model

/// What a key does in the template editor.
enum TemplateKey: Equatable, Sendable {
    case open
    case addStep
    case editStep
    case removeStep
    case moveStep(up: Bool)
    case switchType(next: Bool)
    /// Brings the open orders of the type in line with its template (asks first).
    case apply
    case addType
    case renameType
    /// Asks first.
    case removeType
}

/// The template editor over the page: the 4S steps new orders start from, the store's own
/// and each order type's, with their explanations; steps added, reworded, moved and taken
/// out, types added, renamed and removed, each one change that `u` takes back.
struct TemplateOverlay: Overlay {
    /// The type shown (its id; empty for the store's own template).
    var type = ""
    /// Where the selection is: a step of a section, or the section's heading.
    var section: ChecklistSection = .shiftMindset
    var stepID: String?

    func scopes(in state: AppState) -> [KeyScope] { [.template, .everywhere] }

    /// One line of the list: a section's heading or one of its steps.
    enum Row: Equatable {
        case section(ChecklistSection)
        case step(ChecklistSection, Int)

        var section: ChecklistSection {
            switch self {
            case .section(let section), .step(let section, _): section
            }
        }
    }

    /// The type shown, the store's own template when that type is gone (removed, here or elsewhere).
    func shownType(in document: StoreDocument) -> String {
        document.template(of: type) == nil ? "" : type
    }

    func template(in document: StoreDocument) -> Checklist {
        document.template(of: shownType(in: document)) ?? document.template
    }

    static func rows(of template: Checklist) -> [Row] {
        ChecklistSection.allCases.flatMap { section in [Row.section(section)] + template[section].indices.map { Row.step(section, $0) } }
    }

    func selectedRow(in template: Checklist) -> Int {
        let rows = Self.rows(of: template)
        if let stepID, let (section, index) = template.location(ofStep: stepID), let row = rows.firstIndex(of: .step(section, index)) {
            return row
        }
        return rows.firstIndex(of: .section(section)) ?? 0
    }

    mutating func select(row: Row, in template: Checklist) {
        section = row.section
        if case .step(let section, let index) = row { stepID = template[section][index].id } else { stepID = nil }
    }

    mutating func select(step id: String, in document: StoreDocument) {
        guard let (section, _) = template(in: document).location(ofStep: id) else { return }
        self.section = section
        stepID = id
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        var editor = self
        let document = state.document
        editor.type = shownType(in: document)
        let template = editor.template(in: document)
        let rows = Self.rows(of: template)
        let row = editor.selectedRow(in: template)
        let step: ChecklistStep? = if case .step(let section, let index) = rows[row] { template[section][index] } else { nil }
        var effects: [Effect] = []
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            let target = switch action {
            case .moveUp: row - 1
            case .moveDown: row + 1
            case .moveToFirst: 0
            case .moveToLast: rows.count - 1
            case .pageUp: row - 10
            default: row + 10
            }
            editor.select(row: rows[max(0, min(rows.count - 1, target))], in: template)
        case .closeOverlay:
            state.overlays[TemplateOverlay.self] = nil
            return []
        case .template(let key):
            effects = editor.act(key, row: rows[row], step: step, template: template, state: &state)
        default:
            return nil
        }
        if state.overlays[TemplateOverlay.self] != nil { state.overlays[TemplateOverlay.self] = editor }
        return effects
    }

    private mutating func act(_ key: TemplateKey, row: Row, step: ChecklistStep?, template: Checklist,
                              state: inout AppState) -> [Effect] {
        let name = Self.templateName(type, in: state.document)
        switch key {
        case .open:
            return []
        case .switchType(let next):
            let types = [""] + state.document.orderTypes.map(\.id)
            let place = types.firstIndex(of: type) ?? 0
            type = types[(place + (next ? 1 : types.count - 1)) % types.count]
            section = .shiftMindset
            stepID = nil
        case .addStep:
            let index = if case .step(_, let index) = row { index + 1 } else { 0 }
            state.openForm(.templateStep(type: type, section: row.section, index: index, editing: nil))
        case .editStep:
            guard let step else { return nothing("Choose a step to reword", in: &state) }
            state.openForm(.templateStep(type: type, section: row.section, index: 0, editing: step.id))
        case .removeStep:
            guard let step else { return nothing("Choose a step to take out", in: &state) }
            return state.change(.editTemplate(TemplateChange(type: type, .removeStep(step.id))),
                                label: "“\(step.details.title)” out of \(name)") { _ in
                "Took “\(step.details.title)” out of \(name): new orders start without it; orders keep theirs (u undoes it)"
            }
        case .moveStep(let up):
            guard let step, case .step(let section, let index) = row else { return nothing("Choose a step to move", in: &state) }
            let target = index + (up ? -1 : 1)
            guard template[section].indices.contains(target) else {
                return nothing("“\(step.details.title)” is \(up ? "first" : "last") in \(section.title)", in: &state)
            }
            return state.change(.editTemplate(TemplateChange(type: type, .moveStep(step.id, to: target))),
                                label: "move of “\(step.details.title)” in \(name)") { _ in
                "Moved “\(step.details.title)” \(up ? "up" : "down") in \(section.title)"
            }
        case .apply:
            let operations = state.document.catchingUp(type: type)
            guard !operations.isEmpty else { return nothing("The open orders have every step of \(name) already", in: &state) }
            state.confirmation = .applyTemplate(type: type, what: CatchUp(operations).describe(), name: name)
        case .addType:
            state.openForm(.orderType(editing: nil, from: type))
        case .renameType:
            guard !type.isEmpty else { return nothing("\(OrderType.noTypeName) is the store's own template; it has no name to change", in: &state) }
            state.openForm(.orderType(editing: type, from: type))
        case .removeType:
            guard let orderType = state.document.orderType(id: type) else {
                return nothing("\(OrderType.noTypeName) is the store's own template; it cannot be removed", in: &state)
            }
            state.confirmation = .removeOrderType(type, name: orderType.name,
                                                  orders: state.document.orders.count { $0.details.type == orderType.id })
        }
        return []
    }

    private func nothing(_ text: String, in state: inout AppState) -> [Effect] {
        state.status = StatusMessage(text: text, kind: .info)
        return []
    }

    /// "the template", "the Leadership course template".
    static func templateName(_ type: String, in document: StoreDocument) -> String {
        type.isEmpty ? "the template" : "the \(document.typeName(of: type)) template"
    }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        let document = state.document
        let type = shownType(in: document)
        let template = template(in: document)
        // The page under it hidden whole, not showing at the edges.
        screen.fill(Rect(x: 0, y: 1, width: state.size.width, height: max(0, state.size.height - 2)))
        let box = Rect(x: 1, y: 1, width: max(0, state.size.width - 2), height: max(0, state.size.height - 2))
        Frame(rect: box, title: " 4S templates: the steps new orders start from ").draw(into: &screen)
        let width = max(0, box.width - 4)
        let x = box.x + 2
        var y = box.y + 1
        Self.typesLine(shown: type, in: document, width: width).draw(into: &screen, x: x, y: y, width: width)
        y += 2
        let lines = Self.lines(of: template, width: width)
        let selected = selectedRow(in: template)
        let height = max(0, box.maxY - 1 - y)
        let first = lines.firstIndex { $0.row == selected } ?? 0
        let last = lines.lastIndex { $0.row == selected } ?? 0
        let top = max(0, min(first, max(0, last - height + 1)))
        for (offset, entry) in lines.dropFirst(top).prefix(height).enumerated() {
            var line = entry.line
            if entry.row == selected { line.rowStyle = Theme.selected }
            line.draw(into: &screen, x: x, y: y + offset, width: width)
        }
    }

    /// The types, the one shown marked, with how many open orders it has; only the one shown,
    /// with its place among them, when all do not fit.
    static func typesLine(shown type: String, in document: StoreDocument, width: Int) -> StyledLine {
        let ids = [""] + document.orderTypes.map(\.id)
        let open = document.orders.count { $0.status.isOpen && $0.details.type == type }
        let tail = "   \(Counted(open, "open order")) · ←→ another type"
        var all = StyledLine("Type  ", Theme.muted)
        for (place, id) in ids.enumerated() {
            if place > 0 { all.append(" │ ", Theme.muted) }
            all.append(document.typeName(of: id), id == type ? Theme.selected : .plain)
        }
        all.append(tail, Theme.muted)
        guard all.width > width else { return all }
        let place = (ids.firstIndex(of: type) ?? 0) + 1
        return StyledLine("Type  ‹ ", Theme.muted).appending(document.typeName(of: type), Theme.selected)
            .appending(" ›  \(place) of \(ids.count)" + tail, Theme.muted)
    }

    /// The lines of the list, each with the row it belongs to: a step's explanation is shown
    /// under it, a section with no steps says so.
    static func lines(of template: Checklist, width: Int) -> [(line: StyledLine, row: Int)] {
        var lines: [(line: StyledLine, row: Int)] = []
        var number = 0
        for (row, entry) in rows(of: template).enumerated() {
            switch entry {
            case .section(let section):
                if row > 0 { lines.append((StyledLine(""), -1)) }
                lines.append((StyledLine(section.title, Theme.title).appending("  \(section.purpose)", Theme.muted), row))
                if template[section].isEmpty { lines.append((StyledLine("   no steps yet: a adds one", Theme.muted), row)) }
            case .step(let section, let index):
                number += 1
                let step = template[section][index]
                lines.append((StyledLine(" \(String(number).padding(toWidth: 3)) \(step.details.title)"), row))
                for text in DisplayWidth.wrap(step.details.note, to: max(10, width - 5)).prefix(3) where !text.isEmpty {
                    lines.append((StyledLine("     " + text, Theme.muted), row))
                }
            }
        }
        return lines
    }
}
