import Model

/// The form `E` opens on the marked orders: what to change on all of them at once. A
/// field left empty changes nothing.
enum BulkForm {
    static func make(orders ids: [Int]) -> Form {
        Form(.bulkEdit(orders: ids), title: "Change \(Counted(ids.count, "marked order"))", fields: [
            FormField(.tag, "Add tag", "", hint: "one word, such as safety"),
            FormField(.tags, "Take off tag", "", hint: "one word"),
            FormField(.owners, "Owners", "", hint: "comma-separated; - for nobody; empty: as they are"),
            FormField(.due, "Due", "", hint: "YYYY-MM-DD, +3d, +2w, none; empty: as it is"),
        ])
    }

    static func submit(_ form: Form, orders ids: [Int], state: AppState) -> Result<FormResult, FormError> {
        var edits: [BulkEdit] = []
        for (id, make) in [(FieldID.tag, BulkEdit.addTag), (.tags, BulkEdit.removeTag)] {
            let tag = form[id].trimmingWhitespace.trimmingPrefix("#")
            guard !tag.isEmpty else { continue }
            guard !tag.contains(where: { $0 == " " || $0 == "," }) else {
                return .failure(FormError(field: id, message: "one tag, one word"))
            }
            edits.append(make(tag))
        }
        let owners = form[.owners].trimmingWhitespace
        if !owners.isEmpty { edits.append(.setOwners(owners == "-" ? [] : owners.listItems())) }
        let due = form[.due].trimmingWhitespace
        if !due.isEmpty {
            guard due.lowercased() != "none" else {
                edits.append(.setDue(nil))
                return result(edits, ids: ids, state: state)
            }
            switch form.date(.due, today: state.today, orWord: "none") {
            case .success(let day): edits.append(.setDue(day))
            case .failure(let error): return .failure(error)
            }
        }
        return result(edits, ids: ids, state: state)
    }

    private static func result(_ edits: [BulkEdit], ids: [Int], state: AppState) -> Result<FormResult, FormError> {
        guard !edits.isEmpty else { return .failure(FormError(field: .tag, message: "say what to change")) }
        guard let (operation, said) = state.document.bulk(edits, orders: ids) else {
            return .failure(FormError(field: .tag, message: "the marked orders are that way already"))
        }
        return .success(FormResult(operation: operation, label: said.prefix(1).lowercased() + said.dropFirst()))
    }
}
