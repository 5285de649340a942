import Model

extension AppState {
    /// The merge conflicts about what is selected: its order, then its stakeholder, then
    /// the store itself; the first is the one K and O settle.
    var conflictsInView: [MergeConflict] {
        let conflicts = document.conflicts
        guard !conflicts.isEmpty else { return [] }
        let order = selectedOrder.map { MergeConflict.Subject.order($0.id) }
        let stakeholder = selectedStakeholder.map { MergeConflict.Subject.stakeholder($0.id) }
        return conflicts.filter { $0.subject == order } + conflicts.filter { $0.subject == stakeholder }
            + conflicts.filter { $0.subject == .store }
    }
}
