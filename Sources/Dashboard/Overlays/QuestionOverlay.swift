import Model

/// A question the user must answer before anything else happens.
enum Confirmation: Equatable, Sendable {
    case quitWithUnsavedChanges(count: Int)
    case closeWithOpenSteps(order: Int, open: Int, total: Int)
    case deleteOrder(Int, title: String)
    /// Bring the open orders of a type in line with its template: `what` says how many and what changes.
    case applyTemplate(type: String, what: String, name: String)
    case removeOrderType(String, name: String, orders: Int)
    /// Close, reopen or delete the marked orders.
    case bulk(BulkEdit, orders: [Int])

    /// The question, with the orders named as `document` names them.
    func question(in document: StoreDocument) -> String {
        switch self {
        case .quitWithUnsavedChanges(let count):
            "\(count) change\(count == 1 ? " is" : "s are") not saved and will be lost. Quit anyway?"
        case .closeWithOpenSteps(let order, let open, let total):
            "\(open) of \(total) 4S steps on \(document.shortID(ofNumber: order)) are still open. Close it anyway?"
        case .deleteOrder(let id, let title):
            "Delete \(document.shortID(ofNumber: id)) “\(title)” for good? (u undoes it)"
        case .applyTemplate(_, let what, let name):
            "Bring \(what) in line with \(name)? Ticked steps and steps added by hand stay. (u undoes it)"
        case .bulk(let edit, let ids):
            Self.question(edit, orders: ids.map(document.shortID(ofNumber:)).joined(separator: ", "), in: document) + " (\(Counted(ids.count, "marked order")); u undoes it)"
        case .removeOrderType(_, let name, let orders):
            "Remove the order type \(name)?" + (orders == 0 ? "" : " Its \(Counted(orders, "order")) keep their steps.") + " (u undoes it)"
        }
    }
}

extension Confirmation {
    /// "Mark #3, #5 delivered?"
    fileprivate static func question(_ edit: BulkEdit, orders: String, in document: StoreDocument) -> String {
        switch edit {
        case .close(let status, _, _): "Mark \(orders) \(status.title)?"
        case .reopen: "Reopen \(orders)?"
        case .delete: "Delete \(orders) for good?"
        default: edit.sentence([], in: document) + "?"
        }
    }
}

/// A question to answer before anything else happens, over the page.
struct QuestionOverlay: Overlay {
    let confirmation: Confirmation

    func scopes(in state: AppState) -> [KeyScope] { [.confirmation] }

    func update(_ action: Action, state: inout AppState, now: Timestamp) -> [Effect]? {
        switch action {
        case .confirm:
            return state.confirm(now: now)
        case .cancel:
            state.confirmation = nil
            return []
        default:
            return nil
        }
    }

    func render(_ state: AppState, keyMap: KeyMap, into screen: inout Screen) {
        let question = confirmation.question(in: state.document)
        let size = state.size
        let width = min(size.width - 4, DisplayWidth.of(question) + 6)
        let lines = DisplayWidth.wrap(question, to: width - 4)
        let box = Rect(x: (size.width - width) / 2, y: size.height / 2 - 2, width: width, height: lines.count + 4)
        screen.fill(box)
        Frame(rect: box, title: " Are you sure? ").draw(into: &screen)
        for (row, line) in lines.enumerated() {
            screen.put(line, x: box.x + 2, y: box.y + 1 + row, style: Theme.title)
        }
        screen.put(keyMap.hintLine(in: [.confirmation], separator: "   "), x: box.x + 2, y: box.maxY - 2, style: Theme.muted)
    }
}

extension AppState {
    /// The question waiting for an answer, if any.
    var confirmation: Confirmation? {
        get { overlays[QuestionOverlay.self]?.confirmation }
        set { overlays[QuestionOverlay.self] = newValue.map(QuestionOverlay.init) }
    }
}
