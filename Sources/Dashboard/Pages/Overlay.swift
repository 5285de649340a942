import Model

/// A dialog over the page: the help, a form, a question. The top one takes the keys and has
/// the first say on what they do; each is drawn over what is under it.
protocol Overlay {
    /// Its key scopes, the first taking precedence.
    func scopes(in state: AppState) -> [KeyScope]
    /// Its part of `update`: nil leaves the action to the app.
    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]?
    /// Draws it over the page.
    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen)
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
