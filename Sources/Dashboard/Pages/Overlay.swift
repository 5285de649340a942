import Model

/// A dialog over the page: the help, a form, a question. The top one takes the keys; each
/// is drawn over what is under it.
protocol Overlay {
    /// Its key scopes, the first taking precedence.
    func scopes(in state: AppState) -> [KeyScope]
    /// Draws it over the page.
    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen)
    /// A movement key (or the wheel) while it is on top.
    func move(_ action: Action, in state: inout AppState)
}

extension Overlay {
    func move(_ action: Action, in state: inout AppState) {}
}

/// The overlays a state shows.
enum Overlays {
    /// Bottom to top: a question over a form over the help.
    static func shown(in state: AppState) -> [any Overlay] {
        var shown: [any Overlay] = []
        if state.isHelpVisible { shown.append(HelpPage()) }
        if let form = state.form { shown.append(FormPage(form: form)) }
        if let confirmation = state.confirmation { shown.append(QuestionPage(confirmation: confirmation)) }
        return shown
    }
}
