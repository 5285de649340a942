import Model

/// A form being filled in, over the page.
struct FormPage: Overlay {
    let form: Form

    func scopes(in state: AppState) -> [KeyScope] { [.form] }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        FormView(form: form, size: state.size, hints: keyMap.hintLine(in: [.form])).draw(into: &screen)
    }
}
