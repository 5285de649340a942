/// One change a person makes. The store applies it to the file as it is on disk at the
/// moment of saving, so two people changing one store lose nothing.
public enum StoreOperation: Sendable, Equatable {
    /// Sets a step to ticked (with who and when) or unticked.
    case setStep(order: Int, step: String, tick: Tick?)
    /// Moves a stakeholder to a stage and records the move in their history.
    case moveStakeholder(id: String, to: EngagementStage, at: Timestamp, by: String)

    /// Applies the change; fails, changing nothing, when what it refers to no longer exists.
    public func apply(to document: inout StoreDocument) throws(OperationConflict) {
        switch self {
        case .setStep(let orderID, let stepID, let tick):
            var found = false
            let orderExists = document.updateOrder(id: orderID) { order in
                guard let (section, index) = order.checklist.location(ofStep: stepID) else { return }
                order.checklist[section][index].tick = tick
                if tick != nil && order.status == .new { order.status = .inProgress }
                found = true
            }
            guard orderExists else { throw OperationConflict("order #\(orderID) no longer exists") }
            guard found else { throw OperationConflict("that step is no longer on order #\(orderID)") }
        case .moveStakeholder(let id, let stage, let at, let by):
            let exists = document.updateStakeholder(id: id) { stakeholder in
                guard stakeholder.stage != stage else { return }
                stakeholder.stageHistory.append(StageChange(at: at, from: stakeholder.stage, to: stage, by: by))
                stakeholder.stage = stage
            }
            guard exists else { throw OperationConflict("stakeholder \"\(id)\" no longer exists") }
        }
    }

    /// Whether the change can alter which orders are in the queue or their order there.
    public var reordersQueue: Bool {
        switch self {
        case .setStep, .moveStakeholder: false
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
