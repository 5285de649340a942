import Model

extension AppState {
    /// Whether an action can do anything where the user stands: the footer offers only
    /// those. A change needs a store that can be written; a stage move a stakeholder; a
    /// note an order or a stakeholder.
    func offers(_ action: Action) -> Bool {
        switch action {
        case .stageUp, .stageDown:
            readOnlyReason == nil && selectedStakeholder != nil
        case .settleConflict:
            readOnlyReason == nil && !conflictsInView.isEmpty
        case .addNote:
            readOnlyReason == nil && (selectedOrder != nil || selectedStakeholder != nil)
        case .toggleStep, .addStep, .removeStep, .toggleTemplateStep, .addOrder, .edit, .editStakeholder,
             .editMeasurement, .closeOrReopenOrder, .deleteOrder, .addStakeholder, .undo, .redo:
            readOnlyReason == nil
        default:
            true
        }
    }
}
