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
