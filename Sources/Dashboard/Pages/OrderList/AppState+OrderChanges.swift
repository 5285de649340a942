import Model

/// The changes the keys of an order list make to its selected order and step.
extension AppState {
    mutating func toggleSelectedStep(now: Timestamp) -> [Effect] {
        guard focus == .checklist, let order = selectedOrder, let (_, step) = selectedStepEntry else {
            status = StatusMessage(text: "Go to the checklist first (→ or Tab), then tick a step", kind: .info)
            return []
        }
        let tick = step.isDone ? nil : Tick(at: now, by: user)
        let name = document.shortID(of: order)
        let operation = StoreOperation.setStep(order: order.id, step: step.id, tick: tick)
        let label = "\(tick == nil ? "untick" : "tick") of “\(step.title)”"
        return change(operation, label: label) { document in
            let progress = document.order(id: order.id)?.checklist.progress ?? order.checklist.progress
            return "\(tick == nil ? "Unticked" : "Ticked") “\(step.title)” on \(name) (\(progress) done)"
        }
    }

    mutating func closeOrReopen() -> [Effect] {
        guard let order = selectedOrder, ensureWritable() else { return [] }
        guard order.status.isOpen else {
            let name = document.shortID(of: order)
            return change(.editOrder(order.id, from: order.details, to: order.details.reopened),
                          label: "reopening of \(name)") { _ in "Reopened \(name) \(order.title)" }
        }
        let progress = order.checklist.progress
        if progress.done < progress.total {
            confirmation = .closeWithOpenSteps(order: order.id, open: progress.total - progress.done, total: progress.total)
        } else {
            openForm(.closeOrder(order.id))
        }
        return []
    }

    mutating func removeSelectedStep() -> [Effect] {
        guard focus == .checklist, let order = selectedOrder, let (_, step) = selectedStepEntry else {
            status = StatusMessage(text: "Go to the checklist first, then remove a step", kind: .info)
            return []
        }
        let name = document.shortID(of: order)
        if step.isCustom {
            return change(.removeStep(order: order.id, step: step.id), label: "removal of “\(step.title)”") { _ in
                "Removed “\(step.title)” from \(name) (u brings it back)"
            }
        }
        // A template step is hidden on this order, never lost: H shows hidden steps.
        var details = step.details
        details.isHidden.toggle()
        let verb = details.isHidden ? "Hid" : "Showed again"
        return change(.editStep(order: order.id, step: step.id, from: step.details, to: details),
                      label: "\(details.isHidden ? "hiding" : "showing") of “\(step.title)”") { _ in
            "\(verb) “\(step.title)” on \(name)" + (details.isHidden ? " (H shows hidden steps)" : "")
        }
    }

    /// The order's template (its type's, or the store's) is what new orders copy: a step
    /// that proved useful on one order can join it, and a template step that never fits can
    /// leave it.
    mutating func toggleTemplateStep() -> [Effect] {
        guard focus == .checklist, let order = selectedOrder, let (section, step) = selectedStepEntry else {
            status = StatusMessage(text: "Go to the checklist first, then choose a step for the template", kind: .info)
            return []
        }
        let type = order.details.type
        guard let template = document.template(of: type) else {
            status = StatusMessage(text: "\(document.typeName(of: type)): the order's type has no template to change", kind: .error)
            return []
        }
        let typeName = document.typeName(of: type)
        let name = type.isEmpty ? "the template" : "the \(typeName) template"
        if template.location(ofStep: step.id) != nil {
            return change(.editTemplate(TemplateChange(type: type, .removeStep(step.id))), label: "removal of “\(step.title)” from \(name)") { _ in
                "“\(step.title)” left \(name): new orders will not get it (this one keeps it)"
            }
        }
        let index = template[section].count
        return change(.editTemplate(TemplateChange(type: type, .addStep(section, step, index: index))),
                      label: "“\(step.title)” in \(name)") { _ in
            "“\(step.title)” joined \(name): every new \(type.isEmpty ? "" : typeName + " ")order gets it"
        }
    }

    /// Keeps the value the store holds (`takeOther` false) or takes the other copy's.
    mutating func settleConflict(takeOther: Bool) -> [Effect] {
        guard let conflict = conflictsInView.first else {
            status = StatusMessage(text: "No merge conflict here", kind: .info)
            return []
        }
        let subject = conflict.subjectDescription(in: document)
        let choice = takeOther ? "took the other copy's \(conflict.fieldDescription)"
            : "kept the \(conflict.fieldDescription) shown"
        return change(.resolveConflict(conflict, takeOther: takeOther), label: "choice on \(subject)") { document in
            let left = document.conflicts.count
            return "On \(subject), \(choice)" + (left == 0 ? "" : " (\(left) conflict\(left == 1 ? "" : "s") left)")
        }
    }
}
