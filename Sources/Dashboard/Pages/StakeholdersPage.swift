import Model

extension AppView {
    static let stakeholders = AppView(number: 2, title: "Stakeholders")
}

/// Every stakeholder with their place on the spectrum, the selected one's history beside.
struct StakeholdersPage: Page {
    var view: AppView { .stakeholders }
    var summary: String { "Stakeholders view" }

    var selectsOrdersOrStakeholders: Bool { true }

    func scopes(in state: AppState) -> [KeyScope] { [.stakeholders, .selection, .everywhere] }

    /// Makes the list again when the document changed since it was made.
    func settle(_ state: inout AppState) {
        state.stakeholderPosition = max(0, min(state.stakeholderPosition, state.document.stakeholders.count - 1))
        if state.memories[Memory.self, of: view].list?.value(in: state) == nil {
            state.memories[Memory.self, of: view].list = MadeFromDocument(state) { StakeholderList($0.document) }
        }
    }

    func listLength(in state: AppState) -> Int { state.document.stakeholders.count }

    func headerFacts(in state: AppState) -> HeaderFacts {
        let count = state.document.stakeholders.count
        return HeaderFacts(full: ["\(count) people"], short: ["\(count)"])
    }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .moveUp, .moveDown, .moveToFirst, .moveToLast, .pageUp, .pageDown:
            state.moveInStakeholders(action)
        case .edit:
            if let stakeholder = state.selectedStakeholder { state.openForm(.stakeholder(editing: stakeholder.id)) }
        case .addNote:
            if let stakeholder = state.selectedStakeholder { state.openForm(.note(.stakeholder(stakeholder.id))) }
        case .showBrief:
            if let stakeholder = state.selectedStakeholder { state.overlays[BriefOverlay.self] = BriefOverlay(stakeholderID: stakeholder.id) }
        case .showStakeholderOrders:
            guard let stakeholder = state.selectedStakeholder else { return [] }
            state.showOrders(of: stakeholder)
            state.status = StatusMessage(text: "\(stakeholder.name)'s orders: F clears the filter", kind: .info)
        default:
            return nil
        }
        return []
    }

    func render(_ state: AppState, into screen: inout Screen, area: Rect, hits: inout HitTargets) {
        StakeholdersView(state: state, layout: state.layout).draw(into: &screen, hits: &hits)
    }

    func click(_ target: HitTarget, in state: inout AppState, now: Timestamp) -> [Effect] {
        if case .stakeholder(let index) = target { state.stakeholderPosition = index }
        return []
    }

    func selectedStakeholder(in state: AppState) -> Stakeholder? {
        let list = state.stakeholderList.stakeholders
        return list.indices.contains(state.stakeholderPosition) ? list[state.stakeholderPosition] : nil
    }
}

extension StakeholdersPage {
    /// The selected stakeholder's place in the list.
    struct Memory: PageMemory {
        var position = 0
        /// The list as last made.
        var list: MadeFromDocument<StakeholderList>?
    }
}

/// The stakeholders as the stakeholders view lists them, nearest to partnership first, with
/// what its rows say of each: made from one version of the document.
struct StakeholderList: Equatable, Sendable {
    let stakeholders: [Stakeholder]
    let contact: StakeholderContact
    /// Each stakeholder's open and delivered or closed orders.
    let counts: StakeholderOrderCounts

    init(_ document: StoreDocument) {
        // Each name folded once, not at every comparison.
        let names = document.stakeholders.map(\.name.folded)
        stakeholders = document.stakeholders.indices.sorted { lhs, rhs in
            let (left, right) = (document.stakeholders[lhs], document.stakeholders[rhs])
            return left.stage != right.stage ? left.stage > right.stage : names[lhs] < names[rhs]
        }.map { document.stakeholders[$0] }
        contact = StakeholderContact(document)
        counts = StakeholderOrderCounts(document)
    }

}

extension AppState {
    /// The stakeholders view's list: the one made for this version of the document, or made now.
    var stakeholderList: StakeholderList {
        memories[StakeholdersPage.Memory.self, of: .stakeholders].list?.value(in: self) ?? StakeholderList(document)
    }

    var stakeholderPosition: Int {
        get { memories[StakeholdersPage.Memory.self, of: .stakeholders].position }
        set { memories[StakeholdersPage.Memory.self, of: .stakeholders].position = newValue }
    }

    mutating func moveInStakeholders(_ action: Action) {
        let last = document.stakeholders.count - 1
        switch action {
        case .moveUp: stakeholderPosition -= 1
        case .moveDown: stakeholderPosition += 1
        case .moveToFirst, .pageUp: stakeholderPosition = 0
        case .moveToLast, .pageDown: stakeholderPosition = last
        default: break
        }
        stakeholderPosition = max(0, min(stakeholderPosition, last))
    }
}
