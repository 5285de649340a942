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
