import Model

// Opening forms and turning a submitted form into a change.
extension AppState {
    mutating func openStageForm(up: Bool) {
        guard let stakeholder = selectedStakeholder else {
            status = StatusMessage(text: "No order selected", kind: .info)
            return
        }
        guard let stage = up ? stakeholder.stage.higher : stakeholder.stage.lower else {
            status = StatusMessage(text: "\(stakeholder.name) is already at \(stakeholder.stage.title)", kind: .info)
            return
        }
        openForm(.moveStage(stakeholder: stakeholder.id, to: stage))
    }

    mutating func openForm(_ purpose: FormPurpose, allowedWhenReadOnly: Bool = false) {
        guard allowedWhenReadOnly || ensureWritable() else { return }
        keepStakeholderSuggestions()
        guard var opened = FormCatalog.form(for: purpose, state: self) else { return }
        opened.notice = FormCatalog.notice(for: opened, state: self)
        form = opened
    }

    mutating func submitForm(now: Timestamp) -> [Effect] {
        guard var submitted = form else { return [] }
        submitted.completeSuggestion()
        switch FormCatalog.submit(submitted, state: self, now: now) {
        case .failure(let error):
            submitted.setError(error.message, on: error.field)
            submitted.focused = submitted.fields.firstIndex { $0.id == error.field } ?? submitted.focused
            form = submitted
            return []
        case .success(.filter(let query)):
            form = nil
            return showFiltered(query)
        case .success(.views(let views, let query, let said)):
            form = nil
            var effects = keep(views: views)
            if let query {
                show(.queue)
                effects += showFiltered(query)
            }
            status = StatusMessage(text: said, kind: .info)
            return effects
        case .success(.change(let result)):
            form = nil
            let effects = change(result.operation, label: result.label) { _ in
                result.label.prefix(1).uppercased() + result.label.dropFirst()
            }
            if let id = result.selectOrder { reveal(order: id) }
            if var editor = overlays[TemplateOverlay.self] {
                if let type = result.selectType { editor.type = type }
                if let step = result.selectStep { editor.select(step: step, in: document) }
                overlays[TemplateOverlay.self] = editor
            }
            // A step just added is the one the next Space ticks.
            if case .addStep(_, _, let step, _) = result.operation { OrderListPage.select(step: step.id, in: &self) }
            return effects
        }
    }
}
