/// One change a person makes. The store applies it to the file as it is on disk at the
/// moment of saving, so two people changing one store lose nothing. Edits carry both the
/// details before and after, so only the fields the person changed are written.
public indirect enum StoreOperation: Sendable, Equatable {
    /// Sets a step to ticked (with who and when) or unticked.
    case setStep(order: Int, step: String, tick: Tick?)
    /// Moves a stakeholder to a stage and records the move in their history.
    case moveStakeholder(id: String, to: EngagementStage, at: Timestamp, by: String, note: String = "")
    /// Takes back a move: the stage goes back and the move leaves the history.
    case revertStageMove(id: String, StageChange)
    case addOrder(TrainingOrder)
    case deleteOrder(Int)
    case editOrder(Int, from: OrderDetails, to: OrderDetails)
    case addStep(order: Int, section: ChecklistSection, step: ChecklistStep, index: Int)
    case removeStep(order: Int, step: String)
    case editStep(order: Int, step: String, from: StepDetails, to: StepDetails)
    /// Changes a template (orders created from now on start from it) or the order types.
    case editTemplate(TemplateChange)
    case addStakeholder(Stakeholder)
    case removeStakeholder(String)
    case editStakeholder(String, from: StakeholderDetails, to: StakeholderDetails)
    case addNote(NoteTarget, Note)
    case removeNote(NoteTarget, id: String)
    /// Settles a merge conflict: keeps the value the store holds, or takes the other copy's.
    case resolveConflict(MergeConflict, takeOther: Bool)
    /// Puts a settled conflict back, to undo its settling.
    case restoreConflict(MergeConflict)
    /// Merges another copy of the store in; not undone (the copy is kept beside the store).
    case mergeCopy(MergeCopy)
    /// Takes back an earlier change made by a command, if what it touched is as it left it.
    case undoChange(ChangeSnapshot)
    /// Several changes saved together and undone together.
    case batch([StoreOperation])

    /// Applies the change and returns it as applied: an order added while someone else
    /// took its number gets the next free one. Fails, changing nothing, when what it
    /// refers to no longer exists.
    @discardableResult
    public func apply(to document: inout StoreDocument) throws(OperationConflict) -> StoreOperation {
        switch self {
        case .setStep(let orderID, let stepID, let tick):
            try document.changeStep(stepID, of: orderID) { step in step.tick = tick }
            if tick != nil {
                document.updateOrder(id: orderID) { if $0.status == .new { $0.status = .inProgress } }
            }
        case .moveStakeholder(let id, let stage, let at, let by, let note):
            try document.changeStakeholder(id) { stakeholder in
                guard stakeholder.stage != stage else { return }
                stakeholder.stageHistory.append(StageChange(at: at, from: stakeholder.stage, to: stage, by: by, note: note))
                stakeholder.stage = stage
            }
        case .revertStageMove(let id, let move):
            try document.changeStakeholder(id) { stakeholder throws(OperationConflict) in
                guard stakeholder.stage == move.to, let index = stakeholder.stageHistory.lastIndex(of: move) else {
                    throw OperationConflict("\(stakeholder.name) has moved again since")
                }
                stakeholder.stageHistory.remove(at: index)
                stakeholder.stage = move.from
            }
        case .addOrder(var order):
            guard document.stakeholder(id: order.stakeholderID) != nil else {
                throw OperationConflict("stakeholder \"\(order.stakeholderID)\" no longer exists")
            }
            if document.order(id: order.id) != nil { order.id = document.nextOrderID }
            document.add(order)
            return .addOrder(order)
        case .deleteOrder(let id):
            guard document.removeOrder(id: id) else { throw OperationConflict("order #\(id) no longer exists") }
        case .editOrder(let id, let base, let edited):
            if edited.stakeholderID != base.stakeholderID, document.stakeholder(id: edited.stakeholderID) == nil {
                throw OperationConflict("stakeholder \"\(edited.stakeholderID)\" no longer exists")
            }
            try document.changeOrder(id) { order in order.details = edited.merged(onto: order.details, from: base) }
        case .addStep(let orderID, let section, let step, let index):
            try document.changeOrder(orderID) { order in
                let steps = order.checklist[section]
                guard !steps.contains(where: { $0.id == step.id }) else { return }
                order.checklist[section].insert(step, at: min(max(0, index), steps.count))
            }
        case .removeStep(let orderID, let stepID):
            try document.changeOrder(orderID) { order throws(OperationConflict) in
                guard let (section, index) = order.checklist.location(ofStep: stepID) else {
                    throw OperationConflict("that step is no longer on order #\(orderID)")
                }
                order.checklist[section].remove(at: index)
            }
        case .editStep(let orderID, let stepID, let base, let edited):
            try document.changeStep(stepID, of: orderID) { step in step.details = edited.merged(onto: step.details, from: base) }
        case .editTemplate(let change):
            try change.apply(to: &document)
        case .addStakeholder(let stakeholder):
            if let existing = document.stakeholder(id: stakeholder.id) {
                guard existing.details == stakeholder.details else {
                    throw OperationConflict("someone else just added a stakeholder with the id \"\(stakeholder.id)\"")
                }
                return self
            }
            document.add(stakeholder)
        case .removeStakeholder(let id):
            if document.orders.contains(where: { $0.stakeholderID == id }) {
                throw OperationConflict("stakeholder \"\(id)\" still has orders")
            }
            guard document.removeStakeholder(id: id) else { throw OperationConflict("stakeholder \"\(id)\" no longer exists") }
        case .editStakeholder(let id, let base, let edited):
            try document.changeStakeholder(id) { stakeholder in
                stakeholder.details = edited.merged(onto: stakeholder.details, from: base)
            }
        case .addNote(let target, var note):
            // The same note again (a retried save) is already there; another note under
            // the same id gets a new one, so that neither is lost.
            try document.changeNotes(of: target) { notes in
                guard let existing = notes.first(where: { $0.id == note.id }) else { return notes.append(note) }
                guard existing != note else { return }
                note.id = UniqueName.make(note.id) { id in notes.contains { $0.id == id } }
                notes.append(note)
            }
            return .addNote(target, note)
        case .removeNote(let target, let noteID):
            try document.changeNotes(of: target) { notes in notes.removeAll { $0.id == noteID } }
        case .resolveConflict(let conflict, let takeOther):
            document = try document.resolving(conflict, takeOther: takeOther)
        case .mergeCopy(let copy):
            return .mergeCopy(try copy.applied(to: &document))
        case .undoChange(let snapshot):
            try snapshot.undo(in: &document)
        case .restoreConflict(let conflict):
            if !document.conflicts.contains(where: { $0.id == conflict.id }) { document.conflicts.append(conflict) }
        case .batch(let operations):
            // All or nothing: work on a copy, so a failure part-way changes nothing.
            var changed = document
            var applied: [StoreOperation] = []
            for operation in operations { applied.append(try operation.apply(to: &changed)) }
            document = changed
            return .batch(applied)
        }
        return self
    }

    /// The operation that takes `document` (as it is before this one is applied) back.
    /// Nil when there is nothing to undo, such as a step that no longer exists.
    public func inverse(before document: StoreDocument) -> StoreOperation? {
        switch self {
        case .setStep(let orderID, let stepID, _):
            guard let order = document.order(id: orderID), let (section, index) = order.checklist.location(ofStep: stepID)
            else { return nil }
            let step = order.checklist[section][index]
            guard order.status != .new else {
                // Ticking a new order also started it; undo both.
                return .batch([.setStep(order: orderID, step: stepID, tick: step.tick),
                               .editOrder(orderID, from: order.details.with(\.status, .inProgress), to: order.details)])
            }
            return .setStep(order: orderID, step: stepID, tick: step.tick)
        case .moveStakeholder(let id, let stage, let at, let by, let note):
            guard let stakeholder = document.stakeholder(id: id), stakeholder.stage != stage else { return nil }
            return .revertStageMove(id: id, StageChange(at: at, from: stakeholder.stage, to: stage, by: by, note: note))
        case .revertStageMove(let id, let move):
            return .moveStakeholder(id: id, to: move.to, at: move.at, by: move.by, note: move.note)
        case .addOrder(let order):
            return .deleteOrder(order.id)
        case .deleteOrder(let id):
            return document.order(id: id).map { .addOrder($0) }
        case .editOrder(let id, let base, let edited):
            return .editOrder(id, from: edited, to: base)
        case .addStep(let orderID, _, let step, _):
            return .removeStep(order: orderID, step: step.id)
        case .removeStep(let orderID, let stepID):
            guard let order = document.order(id: orderID), let (section, index) = order.checklist.location(ofStep: stepID)
            else { return nil }
            return .addStep(order: orderID, section: section, step: order.checklist[section][index], index: index)
        case .editStep(let orderID, let stepID, let base, let edited):
            return .editStep(order: orderID, step: stepID, from: edited, to: base)
        case .editTemplate(let change):
            return change.inverse(before: document).map(StoreOperation.editTemplate)
        case .addStakeholder(let stakeholder):
            return .removeStakeholder(stakeholder.id)
        case .removeStakeholder(let id):
            return document.stakeholder(id: id).map { .addStakeholder($0) }
        case .editStakeholder(let id, let base, let edited):
            return .editStakeholder(id, from: edited, to: base)
        case .addNote(let target, let note):
            return .removeNote(target, id: note.id)
        case .removeNote(let target, let noteID):
            return document.notes(of: target)?.first { $0.id == noteID }.map { .addNote(target, $0) }
        case .resolveConflict(let conflict, let takeOther):
            guard takeOther else { return .restoreConflict(conflict) }
            // Taking the other value replaced the order; the order as it was comes back.
            guard case .order(let id) = conflict.subject else { return nil }
            guard let order = document.order(id: id) else { return nil }
            let removeChanged: StoreOperation = conflict.path.segments.isEmpty && conflict.other == nil
                ? .batch([]) : .deleteOrder(id)
            return .batch([removeChanged, .addOrder(order), .restoreConflict(conflict)])
        case .restoreConflict(let conflict):
            return .resolveConflict(conflict, takeOther: false)
        case .mergeCopy, .undoChange:
            return nil
        case .batch(let operations):
            var before = document
            var inverses: [StoreOperation] = []
            for operation in operations {
                guard let inverse = operation.inverse(before: before) else { return nil }
                inverses.append(inverse)
                _ = try? operation.apply(to: &before)
            }
            return .batch(inverses.reversed())
        }
    }

    /// Whether the change can alter which orders are in the queue or their order there.
    public var reordersQueue: Bool {
        switch self {
        case .setStep, .moveStakeholder, .revertStageMove, .addStep, .editTemplate, .removeStep, .editStep, .addStakeholder, .removeStakeholder,
             .editStakeholder, .addNote, .removeNote:
            false
        case .addOrder, .deleteOrder, .editOrder, .resolveConflict, .mergeCopy, .undoChange:
            true
        case .restoreConflict:
            false
        case .batch(let operations):
            operations.contains { $0.reordersQueue }
        }
    }
}

/// A change that cannot be applied because someone else changed the store first.
public struct OperationConflict: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

extension OrderDetails {
    /// A copy with one field changed.
    public func with<Value>(_ field: WritableKeyPath<OrderDetails, Value>, _ value: Value) -> OrderDetails {
        var copy = self
        copy[keyPath: field] = value
        return copy
    }
}

extension StoreDocument {
    mutating func changeOrder(_ id: Int,
                              _ change: (inout TrainingOrder) throws(OperationConflict) -> Void) throws(OperationConflict) {
        guard try updateOrder(id: id, change) else { throw OperationConflict("order #\(id) no longer exists") }
    }

    mutating func changeStep(_ stepID: String, of orderID: Int, _ change: (inout ChecklistStep) -> Void) throws(OperationConflict) {
        try changeOrder(orderID) { order throws(OperationConflict) in
            guard let (section, index) = order.checklist.location(ofStep: stepID) else {
                throw OperationConflict("that step is no longer on order #\(orderID)")
            }
            change(&order.checklist[section][index])
        }
    }

    mutating func changeStakeholder(_ id: String,
                                    _ change: (inout Stakeholder) throws(OperationConflict) -> Void) throws(OperationConflict) {
        guard try updateStakeholder(id: id, change) else { throw OperationConflict("stakeholder \"\(id)\" no longer exists") }
    }

    mutating func changeNotes(of target: NoteTarget, _ change: (inout [Note]) -> Void) throws(OperationConflict) {
        switch target {
        case .order(let id): try changeOrder(id) { change(&$0.notes) }
        case .stakeholder(let id): try changeStakeholder(id) { change(&$0.notes) }
        }
    }

    public func notes(of target: NoteTarget) -> [Note]? {
        switch target {
        case .order(let id): order(id: id)?.notes
        case .stakeholder(let id): stakeholder(id: id)?.notes
        }
    }
}
