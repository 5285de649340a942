import Model

/// What a form is for. Each purpose builds its form from the state and turns the entered
/// values into one change of the store.
enum FormPurpose: Equatable, Sendable {
    /// A new order (`editing` nil), a follow-up of `followingUp`, or an edit.
    case order(editing: Int?, followingUp: Int? = nil)
    case closeOrder(Int)
    case measurement(Int)
    case step(order: Int, section: ChecklistSection, editing: String?)
    case stakeholder(editing: String?)
    case note(NoteTarget)
    case moveStage(stakeholder: String, to: EngagementStage)
    /// The queue's filters: changes what is shown, not the store.
    case filter
    /// A step of a template (an order type's, or the store's for `type` empty): a new one at
    /// `index` in `section`, or one reworded.
    case templateStep(type: String, section: ChecklistSection, index: Int, editing: String?)
    /// A new order type starting from the steps of `from`, or one renamed.
    case orderType(editing: String?, from: String)
    /// Tags, owners and due date of the marked orders, at once.
    case bulkEdit(orders: [Int])
    /// The list's search, filters and sort under a name; changes the person's views, not the store.
    case saveView
    /// A saved view to show, or to forget.
    case chooseView
}

extension FormPurpose {
    /// What Enter does with a form that changes no store, for its hint; nil for the usual
    /// "save".
    var submitHint: String? {
        switch self {
        case .filter: "apply"
        case .chooseView: "go"
        default: nil
        }
    }
}

/// What submitting a form leads to.
enum FormOutcome: Equatable, Sendable {
    case change(FormResult)
    case filter(QueueQuery)
    /// The saved views as they are now, a query to show (a view chosen), and what to say.
    case views([SavedView], show: QueueQuery?, said: String)
}

/// A change ready to save, and how the status line and undo describe it.
struct FormResult: Equatable, Sendable {
    var operation: StoreOperation
    var label: String
    /// The order to select afterwards, such as a new one.
    var selectOrder: Int?
    /// The template step, or the order type, the template editor selects afterwards.
    var selectStep: String?
    var selectType: String?
}

/// Reading typed values. Each returns nil and sets the field's error when the value is
/// not what is expected.
extension Form {
    /// A day as `DateInput` reads it, or none; `word` is one more the field takes ("none"),
    /// named in the message.
    func date(_ id: FieldID, today: CalendarDay, orWord word: String? = nil) -> Result<CalendarDay?, FormError> {
        let text = self[id]
        guard let day = DateInput.parse(text, today: today) else {
            if let (dayFirst, monthFirst) = DateInput.readings(of: text) {
                return .failure(FormError(field: id, message: "could be \(dayFirst.shortDescription) or \(monthFirst.shortDescription); "
                                              + "write \(dayFirst) or \(monthFirst)"))
            }
            let taken = ["YYYY-MM-DD", "31/12/2026", "today", "tomorrow", "+3d", "+2w"] + (word.map { [$0] } ?? [])
            return .failure(FormError(field: id, message: "expected \(taken.dropLast().joined(separator: ", ")) or \(taken[taken.count - 1])"))
        }
        return .success(day)
    }

    /// A number within the limits the store keeps to (`NumberLimits`).
    func number(_ id: FieldID, in range: ClosedRange<Double>) -> Result<Double?, FormError> {
        let text = self[id].replacingCommas
        guard !text.isEmpty else { return .success(nil) }
        guard let number = Double(text), range.contains(number) else {
            return .failure(FormError(field: id, message: "expected a number \(NumberLimits.describe(range)), such as 2.5"))
        }
        return .success(number)
    }

    func wholeNumber(_ id: FieldID, in range: ClosedRange<Int>) -> Result<Int?, FormError> {
        let text = self[id].replacingCommas
        guard !text.isEmpty else { return .success(nil) }
        guard let number = Int(text), range.contains(number) else {
            return .failure(FormError(field: id, message: "expected a whole number \(NumberLimits.describe(range))"))
        }
        return .success(number)
    }

    /// A comma-separated field as its entries, blank ones left out.
    func list(_ id: FieldID) -> [String] {
        self[id].listItems()
    }

    func required(_ id: FieldID, _ what: String) -> Result<String, FormError> {
        let text = self[id]
        return text.isEmpty ? .failure(FormError(field: id, message: "\(what) is needed")) : .success(text)
    }
}

struct FormError: Error, Equatable, Sendable {
    var field: FieldID
    var message: String
}

extension String {
    fileprivate var replacingCommas: String { filter { $0 != "," && $0 != "_" } }
}

