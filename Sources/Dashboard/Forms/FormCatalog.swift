import Model

/// Builds the form for a purpose and turns a filled-in form into a change.
enum FormCatalog {
    static func form(for purpose: FormPurpose, state: AppState) -> Form? {
        switch purpose {
        case .order(let editing, let origin):
            OrderForm.make(editing: editing.flatMap { state.document.order(id: $0) },
                           followingUp: origin.flatMap { state.document.order(id: $0) }, state: state)
        case .closeOrder(let id): state.document.order(id: id).map { CloseOrderForm.make($0, in: state.document) }
        case .measurement(let id): state.document.order(id: id).map { MeasurementForm.make($0, in: state.document) }
        case .step(let order, let section, let editing): StepForm.make(order: order, section: section, editing: editing, state: state)
        case .stakeholder(let editing): StakeholderForm.make(editing: editing.flatMap { state.document.stakeholder(id: $0) })
        case .note(let target): NoteForm.make(target: target, state: state)
        case .moveStage(let id, let stage): state.document.stakeholder(id: id).map { StageForm.make($0, to: stage) }
        case .filter: FilterForm.make(state: state)
        case .templateStep(let type, let section, let index, let editing):
            TemplateStepForm.make(type: type, section: section, index: index, editing: editing, state: state)
        case .orderType(let editing, let from): OrderTypeForm.make(editing: editing, from: from, state: state)
        case .bulkEdit(let ids): BulkForm.make(orders: ids)
        case .saveView: SaveViewForm.make(state: state)
        case .chooseView: ChooseViewForm.make(state: state)
        }
    }

    static func submit(_ form: Form, state: AppState, now: Timestamp) -> Result<FormOutcome, FormError> {
        switch form.purpose {
        case .filter: return FilterForm.submit(form, state: state).map(FormOutcome.filter)
        case .saveView: return SaveViewForm.submit(form, state: state)
        case .chooseView: return ChooseViewForm.submit(form, state: state)
        default: break
        }
        return change(form, state: state, now: now).map(FormOutcome.change)
    }

    private static func change(_ form: Form, state: AppState, now: Timestamp) -> Result<FormResult, FormError> {
        switch form.purpose {
        case .order(let editing, let origin): OrderForm.submit(form, editing: editing, followingUp: origin, state: state, now: now)
        case .closeOrder(let id): CloseOrderForm.submit(form, order: id, state: state)
        case .measurement(let id): MeasurementForm.submit(form, order: id, state: state)
        case .step(let order, let section, let editing): StepForm.submit(form, order: order, section: section,
                                                                         editing: editing, state: state)
        case .stakeholder(let editing): StakeholderForm.submit(form, editing: editing, state: state)
        case .note(let target): NoteForm.submit(form, target: target, state: state, now: now)
        case .moveStage(let id, let stage): StageForm.submit(form, stakeholder: id, to: stage, state: state, now: now)
        case .templateStep(let type, let section, let index, let editing):
            TemplateStepForm.submit(form, type: type, section: section, index: index, editing: editing, state: state)
        case .orderType(let editing, let from): OrderTypeForm.submit(form, editing: editing, from: from, state: state)
        case .bulkEdit(let ids): BulkForm.submit(form, orders: ids, state: state)
        case .filter, .saveView, .chooseView: .failure(FormError(field: .name, message: "not a change"))
        }
    }

    /// What a form shows as it is filled in, such as the saving the value calculator gives.
    static func notice(for form: Form, state: AppState) -> String? {
        switch form.purpose {
        case .measurement: MeasurementForm.notice(form)
        case .order: OrderForm.notice(form, state: state)
        default: form.notice
        }
    }
}

enum OrderForm {
    /// The order's fields, as the form shows them and takes them back.
    static func fields(state: AppState) -> [EditedField<OrderDetails>] {
        let document = state.document
        let names = state.stakeholderSuggestions
        return [
            .text("title", .title, "Title", \.title, hint: "what they asked for, in a few words", required: "A title"),
            .text("request", .request, "Request", \.request, hint: "in the requester's own words"),
            // A name in the form, an id in the order: `submit` finds the stakeholder or adds one.
            EditedField(name: "stakeholder", make: { details in
                FormField(.stakeholder, "Stakeholder", document.stakeholder(id: details.stakeholderID)?.name ?? "",
                          kind: .suggest(names), hint: "an existing name, or a new one")
            }, take: { form, _, _ throws(FormError) in _ = try form.required(.stakeholder, "A stakeholder").get() }),
            .text("audience", .audience, "Audience", \.audience, hint: "team or group"),
            .day("received", .received, "Received", \.received, hint: "YYYY-MM-DD or today",
                 missing: "the day it came in is needed"),
            .day("due", .due, "Due", \.due, hint: "YYYY-MM-DD, +3d, +2w, or empty"),
            .choice("priority", .priority, "Priority", \.priority, options: Priority.allCases.map { ($0, $0.rawValue) }),
            .list("tags", .tags, "Tags", \.tags, hint: "comma-separated"),
            .list("owners", .owners, "Owners", \.owners, hint: "who on the team carries it, comma-separated"),
            .choice("arrival", .arrival, "Arrived as", \.arrival, options: OrderArrival.allCases.map { ($0, $0.title) }),
            .text("businessProblem", .problem, "Business problem", \.businessProblem, hint: "the need behind the request"),
            .wholeNumber("audienceSize", .size, "Audience size", \.audienceSize, in: NumberLimits.people, hint: "people"),
            .choice("decision", .decision, "Decision", \.decision,
                    options: [(nil, "—")] + IntakeDecision.allCases.map { ($0, $0.title) }),
            .text("decisionReason", .reason, "Reason", \.decisionReason, hint: "why, for the decision"),
            // A name in the form, an id in the order; a type no longer in the store keeps its id
            // and shows as such, so that saving the form does not change it.
            EditedField(name: "type", make: { details in
                let current = document.typeName(of: details.type)
                let names = document.orderTypeNames
                return FormField(.type, "Type", current, kind: .choice(names.contains(current) ? names : names + [current]),
                                 hint: "its kind of work: a new order starts from its 4S steps")
            }, take: { form, details, _ throws(FormError) in
                if let id = document.orderTypeID(named: form[.type]) { details.type = id }
            }),
        ]
    }

    /// The order's fields this form leaves to others, and where they are edited.
    static let editedElsewhere = [
        "status": "the close form (c)", "closingNote": "the close form (c)", "closedOn": "the close form (c)",
        "measurement": "the measurement form (m)", "value": "the measurement form (m)",
        "sourceId": "fours import, which sets it",
        "followUpOf": "N on the order it follows up, which makes the new order linked to it",
    ]

    /// What a new order starts from: a follow-up of `origin` starts as the next piece of
    /// work for the same stakeholder.
    private static func draft(followingUp origin: TrainingOrder?, state: AppState) -> OrderDetails {
        if let origin { return state.document.followUpDraft(of: origin, on: state.today, by: state.user) }
        var details = OrderDetails(title: "", stakeholderID: "", received: state.today)
        details.owners = [state.user]
        return details
    }

    static func make(editing order: TrainingOrder?, followingUp origin: TrainingOrder? = nil, state: AppState) -> Form {
        let details = order?.details ?? draft(followingUp: origin, state: state)
        let title = order.map { "Edit order \(state.document.shortID(of: $0))" } ?? origin.map { "Follow-up of \(state.document.shortID(of: $0)) \($0.title)" } ?? "New order"
        return Form(.order(editing: order?.id, followingUp: origin?.id), title: title,
                    fields: fields(state: state).map { $0.make(details) })
    }

    static func notice(_ form: Form, state: AppState) -> String? {
        guard let field = form.fields.first(where: { $0.id == .stakeholder }), !field.value.isEmpty else { return nil }
        let suggestions = field.suggestions
        if suggestions.contains(where: { $0.folded == field.value.folded }) { return nil }
        switch suggestions.count {
        case 0: return "“\(field.value)” is a new stakeholder: they will be added, as an order taker."
        case 1: return "Stakeholder: \(suggestions[0])"
        default: return "Stakeholders matching: " + suggestions.prefix(4).joined(separator: ", ")
        }
    }

    static func submit(_ form: Form, editing: Int?, followingUp origin: Int?, state: AppState,
                       now: Timestamp) -> Result<FormResult, FormError> {
        do throws(FormError) {
            let document = state.document
            let base = editing.flatMap { document.order(id: $0)?.details }
            var details = base ?? draft(followingUp: origin.flatMap(document.order(id:)), state: state)
            try fields(state: state).take(form, into: &details, today: state.today)
            var operations: [StoreOperation] = []
            let stakeholderName = form[.stakeholder]
            let matches = document.stakeholders.filter { $0.name.folded == stakeholderName.folded }
            if let match = matches.first {
                details.stakeholderID = match.id
            } else {
                let prefixMatches = document.stakeholders.filter { $0.name.folded.hasPrefix(stakeholderName.folded) }
                if prefixMatches.count > 1 {
                    throw FormError(field: .stakeholder, message: "matches \(prefixMatches.count) people; type more of the name")
                }
                let newcomer = Stakeholder(id: Stakeholder.newID(for: stakeholderName, existing: document.stakeholders),
                                           name: stakeholderName)
                details.stakeholderID = newcomer.id
                operations.append(.addStakeholder(newcomer))
            }
            if let editing, let base {
                operations.append(.editOrder(editing, from: base, to: details))
                return .success(FormResult(operation: .batch(operations), label: "edit of #\(editing)", selectOrder: editing))
            }
            let id = document.nextOrderID
            operations.append(.addOrder(TrainingOrder(id: id, details: details, checklist: document.newChecklist(ofType: details.type))))
            return .success(FormResult(operation: .batch(operations), label: "new order #\(id) “\(details.title)”",
                                       selectOrder: id))
        } catch {
            return .failure(error)
        }
    }
}

enum CloseOrderForm {
    static let outcomes = [OrderStatus.delivered.rawValue, OrderStatus.closed.rawValue]

    static func make(_ order: TrainingOrder, in document: StoreDocument) -> Form {
        let progress = order.checklist.progress
        let open = progress.total - progress.done
        return Form(.closeOrder(order.id), title: "Close \(document.shortID(of: order)) \(order.title)", fields: [
            FormField(.status, "Outcome", OrderStatus.delivered.rawValue, kind: .choice(outcomes),
                      hint: "closed: ended without delivery"),
            FormField(.note, "Closing note", order.closingNote, hint: "optional: what happened, what was learned"),
        ], notice: open > 0 ? "\(open) of \(progress.total) 4S steps are still open." : nil)
    }

    static func submit(_ form: Form, order id: Int, state: AppState) -> Result<FormResult, FormError> {
        guard let order = state.document.order(id: id) else {
            return .failure(FormError(field: .status, message: "this order no longer exists"))
        }
        let details = order.details.closed(as: OrderStatus(rawValue: form[.status]) ?? .delivered, on: state.today,
                                           note: form[.note])
        return .success(FormResult(operation: .editOrder(id, from: order.details, to: details),
                                   label: "\(state.document.shortID(of: order)) marked \(details.status.title)"))
    }
}

enum MeasurementForm {
    /// The measurement's and the value's fields, as the form shows them and takes them back.
    static let fields: [EditedField<OrderDetails>] = [
        .text("metric", .metric, "Metric", \.measurement.metric, hint: "what shows it worked"),
        .text("baseline", .baseline, "Baseline", \.measurement.baseline, hint: "before; may start with a number"),
        .text("target", .target, "Target", \.measurement.target),
        .text("result", .result, "Result", \.measurement.result, hint: "after"),
        .number("hoursSavedPerPerson", .hours, "Hours saved each", \.value.hoursSavedPerPerson,
                in: NumberLimits.hoursSavedPerPerson, hint: "per person"),
        .wholeNumber("people", .people, "People", \.value.people, in: NumberLimits.people),
        .number("costPerHour", .cost, "Cost per hour", \.value.costPerHour, in: NumberLimits.costPerHour,
                hint: "loaded cost of an hour"),
    ]

    static func make(_ order: TrainingOrder, in document: StoreDocument) -> Form {
        Form(.measurement(order.id), title: "Measurement and value of \(document.shortID(of: order))",
             fields: fields.map { $0.make(order.details) })
    }

    /// The saving the figures typed so far give, while they all read.
    static func notice(_ form: Form) -> String? {
        var draft = OrderDetails(title: "", stakeholderID: "", received: CalendarDay(ordinal: 0))
        do throws(FormError) {
            try fields.take(form, into: &draft, today: draft.received)
        } catch {
            return nil
        }
        return ValueText.summary(draft.value)
    }

    static func submit(_ form: Form, order id: Int, state: AppState) -> Result<FormResult, FormError> {
        guard let order = state.document.order(id: id) else {
            return .failure(FormError(field: .metric, message: "this order no longer exists"))
        }
        // On top of what there was, so that what fours does not know of it is kept.
        var details = order.details
        do throws(FormError) {
            try fields.take(form, into: &details, today: state.today)
        } catch {
            return .failure(error)
        }
        return .success(FormResult(operation: .editOrder(id, from: order.details, to: details),
                                   label: "measurement of \(state.document.shortID(of: order))"))
    }
}

/// How the value calculator's figures read.
enum ValueText {
    /// "2.5 h × 40 people = 100 h saved × 55/h = 5,500"
    static func summary(_ value: ValueEstimate) -> String? {
        guard let hours = value.hoursSaved else { return nil }
        var text = "\(PlainNumber.text(value.hoursSavedPerPerson ?? 0)) h × \(value.people ?? 0) people = "
            + "\(GroupedNumber.text(hours)) h saved"
        if let saving = value.saving, let cost = value.costPerHour {
            text += " × \(PlainNumber.text(cost))/h = \(GroupedNumber.text(saving)) saved"
        }
        return text
    }
}

enum StepForm {
    static func make(order id: Int, section: ChecklistSection, editing: String?, state: AppState) -> Form? {
        guard let order = state.document.order(id: id) else { return nil }
        let step = editing.flatMap { stepID in order.checklist.location(ofStep: stepID).map { order.checklist[$0.section][$0.index] } }
        return Form(.step(order: id, section: section, editing: editing),
                    title: step == nil ? "New step in \(section.title)" : "Edit step", fields: [
                        FormField(.title, "Step", step?.title ?? "", hint: "something you can tick off"),
                        FormField(.note, "Note", step?.note ?? "", hint: "optional"),
                    ])
    }

    static func submit(_ form: Form, order id: Int, section: ChecklistSection, editing: String?,
                       state: AppState) -> Result<FormResult, FormError> {
        guard let order = state.document.order(id: id) else {
            return .failure(FormError(field: .title, message: "this order no longer exists"))
        }
        guard case .success(let title) = form.required(.title, "The step") else {
            return .failure(FormError(field: .title, message: "the step needs a few words"))
        }
        if let editing, let (stepSection, index) = order.checklist.location(ofStep: editing) {
            let before = order.checklist[stepSection][index].details
            var after = before
            after.title = title
            after.note = form[.note]
            return .success(FormResult(operation: .editStep(order: id, step: editing, from: before, to: after),
                                       label: "edit of step “\(title)”"))
        }
        var step = ChecklistStep(id: order.checklist.newStepID(for: title), title: title, isCustom: true)
        step.note = form[.note]
        return .success(FormResult(
            operation: .addStep(order: id, section: section, step: step, index: order.checklist[section].count),
            label: "new step “\(title)”"))
    }
}

enum StakeholderForm {
    static let stages = EngagementStage.allCases.map(\.title)

    /// A stakeholder's fields, as the form shows them and takes them back.
    static let fields: [EditedField<StakeholderDetails>] = {
        let ratings: [(value: Int?, text: String)] = [(nil, "—")] + (0...3).map { ($0, String($0)) }
        return [
            .text("name", .name, "Name", \.name, required: "A name"),
            .text("role", .role, "Role", \.role),
            .text("team", .team, "Team", \.team),
            .choice("rapport", .rapport, "Rapport", \.rapport, options: ratings, hint: "0 to 3"),
            .choice("reputation", .reputation, "Reputation", \.reputation, options: ratings, hint: "0 to 3"),
            .choice("relationships", .relationships, "Relationships", \.relationships, options: ratings, hint: "0 to 3"),
            // The next touchpoint is two fields in the form: its day, and what it is for.
            EditedField(name: "nextTouchpoint", make: { details in
                FormField(.touchpoint, "Next touchpoint", details.nextTouchpoint?.on.description ?? "",
                          hint: "YYYY-MM-DD, +1w, or empty")
            }, take: { form, details, today throws(FormError) in
                details.nextTouchpoint = try form.date(.touchpoint, today: today).get().map { day in
                    // On top of the one there was, so that what fours does not know of it is kept.
                    var touchpoint = details.nextTouchpoint ?? Touchpoint(on: day, purpose: "")
                    touchpoint.on = day
                    touchpoint.purpose = form[.purpose]
                    return touchpoint
                }
            }),
            EditedField(name: "nextTouchpoint", make: { details in
                FormField(.purpose, "What for", details.nextTouchpoint?.purpose ?? "", hint: "the conversation you plan")
            }, take: nil),
        ]
    }()

    static func make(editing stakeholder: Stakeholder?) -> Form {
        var shown = fields.map { $0.make(stakeholder?.details ?? StakeholderDetails(name: "")) }
        // A newcomer may start anywhere on the spectrum; later moves go through < and >, which keep the history.
        if stakeholder == nil {
            shown.insert(FormField(.stage, "Stage", EngagementStage.orderTaker.title, kind: .choice(stages),
                                   hint: "where they stand today"), at: 1)
        }
        return Form(.stakeholder(editing: stakeholder?.id), title: stakeholder.map { "Stakeholder \($0.name)" } ?? "New stakeholder",
                    fields: shown)
    }

    static func submit(_ form: Form, editing: String?, state: AppState) -> Result<FormResult, FormError> {
        do throws(FormError) {
            let base = editing.flatMap { state.document.stakeholder(id: $0)?.details } ?? StakeholderDetails(name: "")
            var details = base
            try fields.take(form, into: &details, today: state.today)
            let name = details.name
            if let editing {
                return .success(FormResult(operation: .editStakeholder(editing, from: base, to: details),
                                           label: "edit of \(name)"))
            }
            if state.document.stakeholders.contains(where: { $0.name.folded == name.folded }) {
                throw FormError(field: .name, message: "someone of that name is already here")
            }
            let id = Stakeholder.newID(for: name, existing: state.document.stakeholders)
            let stage = EngagementStage.allCases.first { $0.title == form[.stage] } ?? .orderTaker
            return .success(FormResult(operation: .addStakeholder(Stakeholder(id: id, details: details, stage: stage)),
                                       label: "new stakeholder \(name)"))
        } catch {
            return .failure(error)
        }
    }
}

enum NoteForm {
    static func make(target: NoteTarget, state: AppState) -> Form? {
        let subject: String
        switch target {
        case .order(let id): subject = state.document.order(id: id).map { "order \(state.document.shortID(of: $0))" } ?? "order"
        case .stakeholder(let id): subject = state.document.stakeholder(id: id)?.name ?? "stakeholder"
        }
        return Form(.note(target), title: "Note on \(subject)", fields: [
            FormField(.text, "Note", hint: "an insight about their business, a decision, a next step"),
        ])
    }

    static func submit(_ form: Form, target: NoteTarget, state: AppState, now: Timestamp) -> Result<FormResult, FormError> {
        guard case .success(let text) = form.required(.text, "The note") else {
            return .failure(FormError(field: .text, message: "write the note, or Esc to cancel"))
        }
        let existing = state.document.notes(of: target) ?? []
        let note = Note(id: Note.newID(at: now, by: state.user, existing: existing), at: now, by: state.user, text: text)
        return .success(FormResult(operation: .addNote(target, note), label: "note “\(text.prefix(30))”"))
    }
}

enum StageForm {
    static func make(_ stakeholder: Stakeholder, to stage: EngagementStage) -> Form {
        Form(.moveStage(stakeholder: stakeholder.id, to: stage),
             title: "\(stakeholder.name): \(stakeholder.stage.title) → \(stage.title)", fields: [
                FormField(.note, "Why", hint: "optional; Enter to move"),
             ], notice: stage.sign)
    }

    static func submit(_ form: Form, stakeholder id: String, to stage: EngagementStage, state: AppState,
                       now: Timestamp) -> Result<FormResult, FormError> {
        guard let stakeholder = state.document.stakeholder(id: id) else {
            return .failure(FormError(field: .note, message: "this stakeholder no longer exists"))
        }
        return .success(FormResult(
            operation: .moveStakeholder(id: id, to: stage, at: now, by: state.user, note: form[.note]),
            label: "\(stakeholder.name): \(stakeholder.stage.title) → \(stage.title)"))
    }
}
