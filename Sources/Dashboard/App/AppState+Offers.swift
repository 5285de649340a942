import Model

extension AppState {
    /// Whether the state allows an action at all: in a read-only store nothing that
    /// changes it is. The help and the footer leave out what is not allowed.
    func allows(_ action: Action) -> Bool {
        readOnlyReason == nil || !action.changesStore
    }

    /// "a adds one", for a message that says how to go on: nil when no key does `action`
    /// here or the store does not allow it.
    func keyHint(_ action: Action, _ does: String) -> String? {
        guard allows(action), let key = keyMap.key(for: action, in: activeScopes) else { return nil }
        return "\(key) \(does)"
    }

    /// Whether an action can do anything where the user stands: the footer offers only
    /// those. On top of what the state allows: a stage move needs a stakeholder; a note an
    /// order or a stakeholder; a choice on a merge conflict a conflict in view.
    func offers(_ action: Action) -> Bool {
        guard allows(action) else { return false }
        switch action {
        case .stageUp, .stageDown: return selectedStakeholder != nil
        case .settleConflict: return !conflictsInView.isEmpty
        case .addNote: return selectedOrder != nil || selectedStakeholder != nil
        default: return true
        }
    }
}

extension Action {
    /// Whether the action changes the store (and so is not allowed in a read-only one).
    var changesStore: Bool {
        switch self {
        case .stageUp, .stageDown, .settleConflict, .addNote, .toggleStep, .addStep, .removeStep, .toggleTemplateStep,
             .addOrder, .edit, .editStakeholder, .editMeasurement, .closeOrReopenOrder, .deleteOrder, .addStakeholder,
             .undo, .redo, .retrySaves, .writeBack, .editMarked:
            true
        case .template(let key):
            switch key {
            case .open, .switchType: false
            default: true
            }
        default:
            false
        }
    }
}
