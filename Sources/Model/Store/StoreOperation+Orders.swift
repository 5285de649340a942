extension StoreOperation {
    /// The orders the change alters: only their text is encoded and checked again when
    /// it is saved. A change to the template or to stakeholders alters no order (and the
    /// stakeholders are always checked).
    var changedOrders: Set<Int> {
        switch self {
        case .setStep(let order, _, _), .addStep(let order, _, _, _), .removeStep(let order, _),
             .editStep(let order, _, _, _), .editOrder(let order, _, _):
            [order]
        case .addOrder(let order):
            [order.id]
        case .deleteOrder(let order):
            [order]
        case .addNote(.order(let order), _), .removeNote(.order(let order), _):
            [order]
        case .moveStakeholder, .revertStageMove, .editTemplate, .addStakeholder,
             .removeStakeholder, .editStakeholder, .addNote(.stakeholder, _), .removeNote(.stakeholder, _):
            []
        case .resolveConflict(let conflict, _), .restoreConflict(let conflict):
            if case .order(let order) = conflict.subject { [order] } else { [] }
        case .mergeCopy(let copy):
            copy.changedOrders
        case .undoChange(let snapshot):
            Set(snapshot.orders.keys)
        case .batch(let operations):
            operations.reduce(into: []) { $0.formUnion($1.changedOrders) }
        }
    }
}

extension StoreOperation {
    /// Whether it can be applied to a document that holds only some of the file's orders:
    /// it reads no order but those it changes, which the document holds, and never needs
    /// to know what the others are (a new order's number does, and so does a stakeholder
    /// that goes, whom another order may name).
    func canApply(toSomeOrders document: StoreDocument) -> Bool {
        switch self {
        case .setStep, .editOrder, .addStep, .removeStep, .editStep, .deleteOrder, .addNote(.order, _), .removeNote(.order, _):
            changedOrders.allSatisfy { document.order(id: $0) != nil }
        case .moveStakeholder, .revertStageMove, .editStakeholder, .addNote(.stakeholder, _), .removeNote(.stakeholder, _):
            true
        case .batch(let operations):
            operations.allSatisfy { $0.canApply(toSomeOrders: document) }
        case .addOrder, .editTemplate, .addStakeholder, .removeStakeholder, .resolveConflict, .restoreConflict,
             .mergeCopy, .undoChange:
            false
        }
    }
}
