import Model

/// A stakeholder's brief over the stakeholders view: everything to read before meeting
/// them, on one screen, its blocks flowed into columns as the stand-up's are.
struct BriefOverlay: Overlay {
    let stakeholderID: String
    /// Blocks scrolled past, when they do not fit.
    var scroll = 0

    func scopes(in state: AppState) -> [KeyScope] { [.brief, .everywhere] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        guard let person = state.document.stakeholder(id: stakeholderID) else { return }
        let box = Rect(x: 1, y: 1, width: max(0, state.size.width - 2), height: max(0, state.size.height - 2))
        screen.fill(box)
        Frame(rect: box, title: " Brief: \(person.name) (b or Esc to close) ").draw(into: &screen)
        let inner = Rect(x: box.x + 1, y: box.y + 1, width: max(0, box.width - 2), height: max(0, box.height - 2))
        StandupView(blocks: Self.blocks(of: person, in: state), rect: inner, scroll: scroll).draw(into: &screen)
    }

    /// The first block (the stage) heads the brief across its width, as the stand-up's figures do.
    static func blocks(of person: Stakeholder, in state: AppState) -> [StandupBlock] {
        let brief = StakeholderBrief(person, in: state.document, addingNotes: state.keyHint(.addNote, "adds one"))
        let head = [person.role, person.team].filter { !$0.isEmpty }.joined(separator: ", ")
        return [StandupBlock(title: "", lines: [head.isEmpty ? person.name : "\(person.name), \(head)"])] + brief.blocks
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown:
            guard let person = state.document.stakeholder(id: stakeholderID) else { return [] }
            let count = Self.blocks(of: person, in: state).count
            var brief = self
            brief.scroll = max(0, min(count - 2, scroll + (action == .moveDown ? 1 : -1)))
            state.overlays[BriefOverlay.self] = brief
        case .addNote:
            state.openForm(.note(.stakeholder(stakeholderID)))
        case .closeOverlay:
            state.overlays[BriefOverlay.self] = nil
        default:
            return nil
        }
        return []
    }
}
