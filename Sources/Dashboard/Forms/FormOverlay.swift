import Model

/// A form being filled in, over the page.
struct FormOverlay: Overlay {
    let form: Form

    func scopes(in state: AppState) -> [KeyScope] { [.form] }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .form(let input):
            var form = form
            form.apply(input)
            form.notice = FormCatalog.notice(for: form, state: state)
            state.form = form
        case .submitForm:
            return state.submitForm(now: now)
        case .cancel:
            state.form = nil
            // A form whose Enter does not save (the filter) has nothing unsaved to speak of.
            state.status = StatusMessage(text: form.purpose.submitHint == nil ? "Cancelled: nothing was saved" : "Cancelled",
                                         kind: .info)
        default:
            return nil
        }
        return []
    }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        FormView(form: form, size: state.size, hints: keyMap.hintLine(in: [.form], naming: state.hintName)).draw(into: &screen)
    }
}

extension AppState {
    /// What a key does here when it is not what its binding usually hints: Enter in a form
    /// that changes no store applies or shows rather than saves.
    func hintName(for action: Action) -> String? {
        action == .submitForm ? form?.purpose.submitHint : nil
    }

    /// The form being filled in, if any.
    var form: Form? {
        get { overlays[FormOverlay.self]?.form }
        set { overlays[FormOverlay.self] = newValue.map(FormOverlay.init) }
    }
}
