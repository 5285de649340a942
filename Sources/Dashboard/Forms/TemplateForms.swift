import Model

/// A template step, new or reworded: what it says and what it means.
enum TemplateStepForm {
    static func make(type: String, section: ChecklistSection, index: Int, editing: String?, state: AppState) -> Form? {
        guard let template = state.document.template(of: type) else { return nil }
        let step = editing.flatMap { id in template.location(ofStep: id).map { template[$0.section][$0.index] } }
        let name = TemplateOverlay.templateName(type, in: state.document)
        return Form(.templateStep(type: type, section: section, index: index, editing: editing),
                    title: step == nil ? "New step in \(section.title), \(name)" : "Step of \(name)", fields: [
                        FormField(.title, "Step", step?.details.title ?? "", hint: "something done, that you can tick off"),
                        FormField(.note, "Explanation", step?.details.note ?? "", hint: "what it means, shown with it; optional"),
                    ])
    }

    static func submit(_ form: Form, type: String, section: ChecklistSection, index: Int, editing: String?,
                       state: AppState) -> Result<FormResult, FormError> {
        guard let template = state.document.template(of: type) else {
            return .failure(FormError(field: .title, message: "this order type no longer exists"))
        }
        let title = form[.title].trimmingWhitespace
        guard !title.isEmpty else { return .failure(FormError(field: .title, message: "the step needs a few words")) }
        if let twin = template.step(titled: title, except: editing) {
            return .failure(FormError(field: .title, message: "the template has “\(twin.details.title)” already"))
        }
        let name = TemplateOverlay.templateName(type, in: state.document)
        let explanation = form[.note].trimmingWhitespace
        if let editing, let (stepSection, stepIndex) = template.location(ofStep: editing) {
            let before = template[stepSection][stepIndex].details
            var after = before
            after.title = title
            after.note = explanation
            return .success(FormResult(operation: .editTemplate(TemplateChange(type: type, .editStep(editing, from: before, to: after))),
                                       label: "rewording in \(name)", selectStep: editing))
        }
        var step = ChecklistStep(id: template.newStepID(for: title, prefix: ""), title: title)
        step.details.note = explanation
        return .success(FormResult(operation: .editTemplate(TemplateChange(type: type, .addStep(section, step, index: index))),
                                   label: "“\(title)” in \(name)", selectStep: step.id))
    }
}

/// An order type, new (starting from the steps of `from`) or renamed.
enum OrderTypeForm {
    static func make(editing: String?, from: String, state: AppState) -> Form {
        let current = editing.flatMap(state.document.orderType(id:))
        let source = state.document.typeName(of: from)
        return Form(.orderType(editing: editing, from: from), title: current.map { "Rename \($0.name)" } ?? "New order type",
                    fields: [FormField(.name, "Name", current?.name ?? "",
                                       hint: current == nil ? "a kind of work; it starts from the steps of \(source)" : "")])
    }

    static func submit(_ form: Form, editing: String?, from: String, state: AppState) -> Result<FormResult, FormError> {
        let document = state.document
        let name = form[.name].trimmingWhitespace
        guard !name.isEmpty else { return .failure(FormError(field: .name, message: "a type needs a name")) }
        if let other = document.orderTypeID(named: name), other != editing {
            return .failure(FormError(field: .name, message: other.isEmpty ? "that is the store's own template" : "another type has that name"))
        }
        if let editing, let current = document.orderType(id: editing) {
            return .success(FormResult(operation: .editTemplate(TemplateChange(type: editing, .renameType(from: current.name, to: name))),
                                       label: "renaming of \(current.name) to \(name)"))
        }
        let type = OrderType(id: OrderType.newID(for: name, among: document.orderTypes), name: name,
                             template: document.newChecklist(ofType: from))
        return .success(FormResult(operation: OrderType.addition(type), label: "new order type \(name)", selectType: type.id))
    }
}
