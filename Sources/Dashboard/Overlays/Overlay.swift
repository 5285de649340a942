import Model

/// A dialog over the page: the help, a form, a question. The top one takes the keys and has
/// the first say on what they do; each is drawn over what is under it. What a dialog
/// holds (the form being filled in, the question) is its own.
protocol Overlay: Equatable, Sendable {
    /// Its key scopes, the first taking precedence.
    func scopes(in state: AppState) -> [KeyScope]
    /// Its part of `update`: nil leaves the action to the app.
    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]?
    /// Draws it over the page.
    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen)
}

extension Overlay {
    func isSame(as other: any Overlay) -> Bool {
        (other as? Self) == self
    }
}

/// The dialogs shown, bottom to top: one of each kind at most, a new one on top.
struct OverlayStack: Equatable, Sendable {
    private(set) var shown: [any Overlay] = []

    var top: (any Overlay)? { shown.last }

    /// The dialog of a kind; setting one replaces it where it is, or puts it on top, and
    /// setting nil closes it.
    subscript<Dialog: Overlay>(_ kind: Dialog.Type) -> Dialog? {
        get { shown.lazy.compactMap { $0 as? Dialog }.last }
        set {
            let index = shown.firstIndex { $0 is Dialog }
            switch (index, newValue) {
            case (let index?, let dialog?): shown[index] = dialog
            case (let index?, nil): shown.remove(at: index)
            case (nil, let dialog?): shown.append(dialog)
            case (nil, nil): break
            }
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.shown.count == rhs.shown.count && zip(lhs.shown, rhs.shown).allSatisfy { $0.isSame(as: $1) }
    }
}
