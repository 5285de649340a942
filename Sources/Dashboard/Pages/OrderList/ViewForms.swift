import Model

/// The form `s` opens: the list's search, filters and sort saved under a name, in the
/// person's own state file.
enum SaveViewForm {
    static func make(state: AppState) -> Form {
        let names = state.savedViews.map(\.name)
        return Form(.saveView, title: "Save this view", fields: [
            FormField(.name, "Name", "", kind: .suggest(FormField.Suggestions(names)),
                      hint: "such as My overdue compliance orders; a name saved before is replaced"),
        ], notice: "Saves: " + describe(state.query, in: state.document))
    }

    static func submit(_ form: Form, state: AppState) -> Result<FormOutcome, FormError> {
        let name = form[.name].trimmingWhitespace
        guard !name.isEmpty else { return .failure(FormError(field: .name, message: "a view needs a name")) }
        let replaced = state.savedViews.named(name) != nil
        return .success(.views(state.savedViews.saving(SavedView(name: name, query: state.query)), show: nil,
                               said: "\(replaced ? "Saved again" : "Saved") the view “\(name)”: ' shows it, fours list --view \"\(name)\" too"))
    }

    /// "open orders, sort: due date, filter: #safety, search: “forklift”"
    static func describe(_ query: QueueQuery, in document: StoreDocument) -> String {
        var parts = ["\(query.status.title) orders", "sort: \(query.sort.title)" + (query.reversed ? ", reversed" : "")]
        let filters = query.filterDescriptions(in: document)
        if !filters.isEmpty { parts.append("filter: " + filters.joined(separator: ", ")) }
        if !query.search.isEmpty { parts.append("search: “\(query.search)”") }
        return parts.joined(separator: " · ")
    }
}

/// The form `'` opens: a saved view to show in the queue, or to forget.
enum ChooseViewForm {
    static let actions = ["show it in the queue", "forget it"]

    static func make(state: AppState) -> Form? {
        let names = state.savedViews.map(\.name)
        guard let first = names.first else { return nil }
        return Form(.chooseView, title: "Saved views", fields: [
            FormField(.name, "View", first, kind: .choice(names)),
            FormField(.status, "Then", actions[0], kind: .choice(actions)),
        ])
    }

    static func submit(_ form: Form, state: AppState) -> Result<FormOutcome, FormError> {
        guard let view = state.savedViews.named(form[.name]) else {
            return .failure(FormError(field: .name, message: "no view is called that"))
        }
        if form[.status] == actions[1] {
            return .success(.views(state.savedViews.filter { $0 != view }, show: nil, said: "Forgot the view “\(view.name)”"))
        }
        return .success(.views(state.savedViews, show: view.query,
                               said: "View “\(view.name)”: " + SaveViewForm.describe(view.query, in: state.document)))
    }
}
