import Model

/// The form `f` opens: what the queue shows, by status, stakeholder, stage, tag, owner,
/// priority, due date and conflicts.
enum FilterForm {
    static let statuses = StatusFilter.allCases.map(\.title)
    static let stages = ["any"] + EngagementStage.allCases.map(\.title)
    static let priorities = ["any"] + Priority.allCases.map(\.rawValue)
    static let dues = DueFilter.allCases.map(\.title)
    static let conflicts = ["all orders", "only those with a conflict"]

    static func make(state: AppState) -> Form {
        let query = state.queueQuery
        let tags = Array(Set(state.document.orders.flatMap(\.tags))).sorted()
        let owners = Array(Set(state.document.orders.flatMap(\.owners))).sorted()
        return Form(.filter, title: "Filter the queue", fields: [
            FormField(.status, "Orders", query.status.title, kind: .choice(statuses)),
            FormField(.stakeholder, "Stakeholder", query.stakeholderID.flatMap { state.document.stakeholder(id: $0)?.name } ?? "",
                      kind: .suggest(state.stakeholderSuggestions), hint: "empty: anyone"),
            FormField(.stage, "Stage", query.stage?.title ?? "any", kind: .choice(stages)),
            FormField(.tag, "Tag", query.tag ?? "", kind: .suggest(.init(tags)), hint: "empty: any tag"),
            FormField(.owner, "Owner", query.owner ?? "", kind: .suggest(.init(owners)), hint: "empty: anyone"),
            FormField(.priority, "Priority", query.priority?.rawValue ?? "any", kind: .choice(priorities)),
            FormField(.due, "Due", query.due.title, kind: .choice(dues)),
            FormField(.conflicts, "Conflicts", conflicts[query.conflictsOnly ? 1 : 0], kind: .choice(conflicts)),
        ] + typeField(query: query, document: state.document))
    }

    /// The type to show, when the store has types (or the query still names one).
    private static func typeField(query: QueueQuery, document: StoreDocument) -> [FormField] {
        guard !document.orderTypes.isEmpty || query.type != nil else { return [] }
        let current = query.type.map(document.typeName(of:)) ?? "any"
        let names = ["any"] + document.orderTypeNames
        return [FormField(.type, "Type", current, kind: .choice(names.contains(current) ? names : names + [current]))]
    }

    static func submit(_ form: Form, state: AppState) -> Result<QueueQuery, FormError> {
        var query = state.queueQuery
        query.status = StatusFilter.allCases.first { $0.title == form[.status] } ?? .open
        let name = form[.stakeholder]
        if name.isEmpty {
            query.stakeholderID = nil
        } else if let match = state.document.stakeholders.first(where: { $0.name.folded == name.folded }) {
            query.stakeholderID = match.id
        } else {
            return .failure(FormError(field: .stakeholder, message: "no stakeholder is called that"))
        }
        query.stage = EngagementStage.allCases.first { $0.title == form[.stage] }
        query.tag = form[.tag].isEmpty ? nil : form[.tag]
        query.owner = form[.owner].isEmpty ? nil : form[.owner]
        query.priority = Priority(rawValue: form[.priority])
        query.due = DueFilter.allCases.first { $0.title == form[.due] } ?? .any
        query.conflictsOnly = form[.conflicts] == conflicts[1]
        if form.fields.contains(where: { $0.id == .type }) {
            // A type no longer in the store names none: the filter stays as it was.
            query.type = form[.type] == "any" ? nil : state.document.orderTypeID(named: form[.type]) ?? query.type
        }
        return .success(query)
    }
}
