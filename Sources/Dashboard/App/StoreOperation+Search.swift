import Model

extension StoreOperation {
    /// Whether the change can alter what a search finds: anything but ticks and stage moves.
    var changesSearchText: Bool {
        switch self {
        case .setStep, .moveStakeholder, .revertStageMove: false
        case .batch(let operations): operations.contains { $0.changesSearchText }
        default: true
        }
    }
}
