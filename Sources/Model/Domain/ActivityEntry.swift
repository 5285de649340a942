/// One change someone made that does not carry its own who and when (a tick, a note and a
/// stage move do): an edit, a new or deleted order, a step added. Kept for the stand-up's
/// "what each of us did", whichever machine the change came from.
public struct ActivityEntry: Sendable, Equatable {
    /// How long entries are kept: the stand-up looks back days, not months.
    public static let keptDays = 60

    public var at: Timestamp
    public var by: String
    /// The order it was about, when it was about one.
    public var order: Int?
    /// "edited #4: title, priority"
    public var what: String
    var preserved = PreservedFields()

    public init(at: Timestamp, by: String, order: Int? = nil, what: String) {
        self.at = at
        self.by = by
        self.order = order
        self.what = what
    }
}

extension StoreOperation {
    /// What the change did, in a few words, for the activity log; nil for the changes that
    /// record who and when themselves.
    func activity(in document: StoreDocument) -> (order: Int?, what: String)? {
        switch self {
        case .setStep, .moveStakeholder, .addNote, .batch:
            nil
        case .revertStageMove(let id, _):
            (nil, "took back a stage move of \(document.stakeholder(id: id)?.name ?? id)")
        case .addOrder(let order):
            (order.id, "added #\(order.id) “\(order.title)”")
        case .deleteOrder(let id):
            (id, "deleted #\(id)")
        case .editOrder(let id, let base, let edited):
            (id, "edited #\(id): " + edited.changedFields(from: base).joined(separator: ", "))
        case .addStep(let id, _, let step, _):
            (id, "added the step “\(step.details.title)” to #\(id)")
        case .removeStep(let id, _):
            (id, "removed a step from #\(id)")
        case .editStep(let id, _, let base, let edited):
            (id, "edited a step of #\(id): " + edited.changedFields(from: base).joined(separator: ", "))
        case .editTemplate(let change):
            (nil, change.activity(in: document))
        case .addStakeholder(let stakeholder):
            (nil, "added the stakeholder \(stakeholder.name)")
        case .removeStakeholder(let id):
            (nil, "removed the stakeholder \(id)")
        case .editStakeholder(let id, let base, let edited):
            (nil, "edited \(document.stakeholder(id: id)?.name ?? id): " + edited.changedFields(from: base).joined(separator: ", "))
        case .removeNote(let target, _):
            (target.orderID, "removed a note")
        case .resolveConflict(let conflict, let takeOther):
            (conflict.orderID, "chose on \(conflict.subjectDescription(in: document)) \(conflict.fieldDescription): "
                + (takeOther ? "the other copy's value" : "the value kept"))
        case .restoreConflict(let conflict):
            (conflict.orderID, "reopened a merge conflict on \(conflict.subjectDescription(in: document))")
        case .mergeCopy(let copy):
            (nil, copy.withoutBase ? MergeCopy.withoutBaseActivity : "merged a conflicted copy of the store")
        case .undoChange(let snapshot):
            (snapshot.orders.keys.sorted().first, "undid: \(snapshot.what)")
        }
    }

    /// The operations a change is made of: a batch's parts, or the change itself.
    var parts: [StoreOperation] {
        if case .batch(let operations) = self { return operations.flatMap(\.parts) }
        return [self]
    }
}

extension NoteTarget {
    /// The order the note is on; nil for a stakeholder's note.
    public var orderID: Int? {
        if case .order(let id) = self { return id }
        return nil
    }
}

extension MergeConflict {
    var orderID: Int? {
        if case .order(let id) = subject { return id }
        return nil
    }
}

extension StoreDocument {
    /// Adds what `operation` did to the activity log, and lets entries older than the
    /// kept days go.
    mutating func record(_ operation: StoreOperation, by author: String, at moment: Timestamp) {
        for part in operation.parts {
            guard let (order, what) = part.activity(in: self) else { continue }
            activity.append(ActivityEntry(at: moment, by: author, order: order, what: what))
        }
        let oldest = moment.secondsSince1970 - Int64(ActivityEntry.keptDays) * 86_400
        if let first = activity.first, first.at.secondsSince1970 < oldest {
            activity.removeAll { $0.at.secondsSince1970 < oldest }
        }
    }
}
