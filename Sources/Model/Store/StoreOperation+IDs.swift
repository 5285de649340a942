/// How the ids a change names are told in another document: a department's view numbers
/// every team's orders apart, and gives its stakeholders and order types their team's place.
struct OperationIDs {
    /// Nil for an order the other document does not have; the same for the others.
    var order: (Int) -> Int?
    var stakeholder: (String) -> String?
    var type: (String) -> String?
}

extension StoreOperation {
    /// The same change told in another document's ids; nil when one of them is not there,
    /// or the change is not one of an order's or a stakeholder's own (adding an order or a
    /// stakeholder, a template, a merge and its conflicts are the store's as a whole).
    func withIDs(_ ids: OperationIDs) -> StoreOperation? {
        switch self {
        case .setStep(let order, let step, let tick):
            ids.order(order).map { .setStep(order: $0, step: step, tick: tick) }
        case .moveStakeholder(let id, let stage, let at, let by, let note):
            ids.stakeholder(id).map { .moveStakeholder(id: $0, to: stage, at: at, by: by, note: note) }
        case .revertStageMove(let id, let move):
            ids.stakeholder(id).map { .revertStageMove(id: $0, move) }
        case .deleteOrder(let order):
            ids.order(order).map { .deleteOrder($0) }
        case .editOrder(let order, let base, let edited):
            ids.order(order).flatMap { order in
                base.withIDs(ids).flatMap { base in edited.withIDs(ids).map { .editOrder(order, from: base, to: $0) } }
            }
        case .addStep(let order, let section, let step, let index):
            ids.order(order).map { .addStep(order: $0, section: section, step: step, index: index) }
        case .removeStep(let order, let step):
            ids.order(order).map { .removeStep(order: $0, step: step) }
        case .editStep(let order, let step, let base, let edited):
            ids.order(order).map { .editStep(order: $0, step: step, from: base, to: edited) }
        case .editStakeholder(let id, let base, let edited):
            ids.stakeholder(id).map { .editStakeholder($0, from: base, to: edited) }
        case .addNote(let target, let note):
            target.withIDs(ids).map { .addNote($0, note) }
        case .removeNote(let target, let note):
            target.withIDs(ids).map { .removeNote($0, id: note) }
        case .batch(let operations):
            operations.reduce(Optional([StoreOperation]())) { parts, operation in
                parts.flatMap { parts in operation.withIDs(ids).map { parts + [$0] } }
            }.map { .batch($0) }
        case .addOrder, .editTemplate, .addStakeholder, .removeStakeholder, .resolveConflict, .restoreConflict,
             .mergeCopy, .undoChange:
            nil
        }
    }
}

extension NoteTarget {
    func withIDs(_ ids: OperationIDs) -> NoteTarget? {
        switch self {
        case .order(let order): ids.order(order).map { .order($0) }
        case .stakeholder(let id): ids.stakeholder(id).map { .stakeholder($0) }
        }
    }
}

extension OrderDetails {
    /// The details with the stakeholder, type and order followed up told in other ids.
    func withIDs(_ ids: OperationIDs) -> OrderDetails? {
        var details = self
        guard let stakeholder = ids.stakeholder(stakeholderID) else { return nil }
        details.stakeholderID = stakeholder
        if !type.isEmpty {
            guard let type = ids.type(type) else { return nil }
            details.type = type
        }
        if let followUpOf {
            guard let order = ids.order(followUpOf) else { return nil }
            details.followUpOf = order
        }
        return details
    }
}
