import Model

/// One input of a form.
struct FormField: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case text
        /// One of a fixed list: Left/Right change it, a letter jumps to an option.
        case choice([String])
        /// Free text with suggestions from a list, such as stakeholder names.
        case suggest(Suggestions)
    }

    /// The options a field suggests from, each folded once when the form opens: a big
    /// store has thousands, and what is typed is compared with them at every key.
    struct Suggestions: Equatable, Sendable {
        let options: [String]
        let folded: [String]

        init(_ options: [String]) {
            self.options = options
            folded = options.map(\.folded)
        }
    }

    let id: FieldID
    let label: String
    let kind: Kind
    var input: TextField
    var choice = 0
    /// What is expected, shown dimmed beside the field.
    var hint: String
    /// Why the value was refused, shown beside the field in red.
    var error: String?

    init(_ id: FieldID, _ label: String, _ text: String = "", kind: Kind = .text, hint: String = "") {
        self.id = id
        self.label = label
        self.kind = kind
        self.input = TextField(text)
        self.hint = hint
        if case .choice(let options) = kind { choice = max(0, options.firstIndex(of: text) ?? 0) }
    }

    /// The value as entered, trimmed; for a choice, the chosen option.
    var value: String {
        if case .choice(let options) = kind { return options[choice] }
        return input.text.trimmingWhitespace
    }

    /// Suggestions that match what is typed, best first: names starting with it, then
    /// names containing it, ignoring case and accents.
    var suggestions: [String] {
        guard case .suggest(let list) = kind else { return [] }
        let typed = value.folded
        guard !typed.isEmpty else { return [] }
        var starting: [String] = []
        var containing: [String] = []
        for (option, folded) in zip(list.options, list.folded) {
            if folded.hasPrefix(typed) {
                starting.append(option)
            } else if folded.containsBytes(of: typed) {
                containing.append(option)
            }
        }
        return starting + containing
    }
}

/// What a key does inside a form.
enum FormInput: Equatable, Sendable {
    case edit(TextField.Edit)
    case nextField
    case previousField
}

/// A dialog of fields. Knows nothing of what its values mean: each kind of form turns
/// them into a change of the store (see `FormPurpose`).
struct Form: Equatable, Sendable {
    let purpose: FormPurpose
    let title: String
    var fields: [FormField]
    var focused = 0
    /// A line above the fields, such as how many 4S steps are still open.
    var notice: String?

    init(_ purpose: FormPurpose, title: String, fields: [FormField], notice: String? = nil) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.notice = notice
    }

    subscript(id: FieldID) -> String {
        fields.first { $0.id == id }?.value ?? ""
    }

    mutating func setError(_ message: String?, on id: FieldID) {
        if let index = fields.firstIndex(where: { $0.id == id }) { fields[index].error = message }
    }

    var hasErrors: Bool { fields.contains { $0.error != nil } }

    mutating func apply(_ input: FormInput) {
        guard fields.indices.contains(focused) else { return }
        switch input {
        case .nextField:
            completeSuggestion()
            focused = (focused + 1) % fields.count
        case .previousField:
            completeSuggestion()
            focused = (focused + fields.count - 1) % fields.count
        case .edit(let edit):
            fields[focused].error = nil
            if case .choice(let options) = fields[focused].kind {
                choose(edit, among: options)
            } else {
                fields[focused].input.apply(edit)
            }
        }
    }

    /// Leaving a suggestion field with a unique match, or a case-insensitive exact one,
    /// takes that match's spelling.
    mutating func completeSuggestion() {
        let field = fields[focused]
        let suggestions = field.suggestions
        guard let best = suggestions.first(where: { $0.folded == field.value.folded })
            ?? (suggestions.count == 1 ? suggestions.first : nil) else { return }
        fields[focused].input = TextField(best)
    }

    private mutating func choose(_ edit: TextField.Edit, among options: [String]) {
        var choice = fields[focused].choice
        switch edit {
        case .left, .backspace: choice = (choice + options.count - 1) % options.count
        case .right, .insert(" "): choice = (choice + 1) % options.count
        case .home: choice = 0
        case .end: choice = options.count - 1
        case .insert(let text):
            let typed = text.folded
            if let match = options.indices.first(where: { options[$0].folded.hasPrefix(typed) }) { choice = match }
        default: break
        }
        fields[focused].choice = choice
    }
}
