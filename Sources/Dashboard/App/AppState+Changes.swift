import Model

extension AppState {
    /// Whether changes are allowed; when not, the status line says why.
    mutating func ensureWritable() -> Bool {
        guard let reason = readOnlyReason else { return true }
        status = StatusMessage(text: "Read-only (\(reason)): nothing can be changed", kind: .error)
        return false
    }

    /// Whether what belongs to a store as a whole (a new order or stakeholder, a template)
    /// can be changed: not in a department's view, whose changes go to each order's store.
    mutating func ensureOneStore() -> Bool {
        guard !document.teamNames.isEmpty else { return true }
        status = StatusMessage(text: "Not in a department's view: add orders and stakeholders, and shape templates, "
                                   + "in the team's own store (fours --store PATH)", kind: .error)
        return false
    }

    mutating func confirm(now: Timestamp) -> [Effect] {
        let confirmed = confirmation
        confirmation = nil
        switch confirmed {
        case .quitWithUnsavedChanges:
            return [.quit]
        case .closeWithOpenSteps(let id, _, _):
            openForm(.closeOrder(id))
        case .deleteOrder(let id, let title):
            return change(.deleteOrder(id), label: "deletion of #\(id)") { _ in "Deleted #\(id) “\(title)” (u undoes it)" }
        case .applyTemplate(let type, _, let name):
            // What is in line now, after whatever changed while the question was asked.
            let operations = document.catchingUp(type: type)
            guard !operations.isEmpty else { break }
            let what = CatchUp(operations).describe()
            return change(.batch(operations), label: "\(what) brought in line") { _ in "Brought \(what) in line with \(name) (u undoes it)" }
        case .bulk(let edit, let ids):
            // What it changes now, after whatever changed while the question was asked.
            guard let (operation, changed) = document.bulk(edit, orders: ids) else { break }
            let sentence = edit.sentence(changed, in: document)
            return change(operation, label: sentence.prefix(1).lowercased() + sentence.dropFirst()) { _ in "\(sentence) (u undoes it)" }
        case .removeOrderType(let id, let name, _):
            return change(.editTemplate(TemplateChange(type: id, .removeType)), label: "removal of the order type \(name)") { _ in
                "Removed the order type \(name) (u undoes it)"
            }
        case nil:
            break
        }
        return []
    }

    /// Shows a change at once, remembers how to undo it, and asks the program to save it.
    mutating func change(_ operation: StoreOperation, label: String,
                describe: (StoreDocument) -> String) -> [Effect] {
        guard ensureWritable() else { return [] }
        let inverse = operation.inverse(before: document)
        do {
            try applyLocally(operation)
        } catch {
            status = StatusMessage(text: "Not changed: \(error.reason)", kind: .error)
            return []
        }
        if let inverse {
            remember(UndoEntry(forward: operation, inverse: inverse, label: label))
            redoStack.removeAll()
        }
        // Shown at once; marked as saved when the store confirms it.
        status = StatusMessage(text: describe(document), kind: .pending)
        return persist(operation)
    }

    mutating func undo() -> [Effect] { travel(.back) }

    mutating func redo() -> [Effect] { travel(.forward) }

    /// Takes the newest change of one stack again (its inverse going back) and puts it on the other.
    private mutating func travel(_ direction: UndoDirection) -> [Effect] {
        guard ensureWritable() else { return [] }
        let (from, onto) = direction == .back ? (\AppState.undoStack, \AppState.redoStack) : (\.redoStack, \.undoStack)
        guard let entry = self[keyPath: from].popLast() else {
            status = StatusMessage(text: direction == .back ? "Nothing to undo" : "Nothing to redo", kind: .info)
            return []
        }
        let operation = direction == .back ? entry.inverse : entry.forward
        do {
            try applyLocally(operation)
        } catch {
            status = StatusMessage(text: "Cannot take that back: \(error.reason)", kind: .error)
            return []
        }
        self[keyPath: onto].append(entry)
        status = StatusMessage(text: (direction == .back ? "Undid " : "Redid ") + entry.label, kind: .pending)
        return persist(operation)
    }

    /// The store took `changes`: the screen shows the file as it is now, with what is
    /// still unsaved on top, and the status line says what became of them.
    mutating func saved(document: StoreDocument, changes: [PendingChange], outcomes: [Store.Outcome],
                        othersChanged: Bool) {
        markSaved(changes)
        var renumbered = false
        var refusal: String?
        for (change, outcome) in zip(changes, outcomes) {
            switch outcome {
            case .saved(let applied) where applied == change.operation:
                continue
            case .saved:
                // Someone else took the new number or id meanwhile.
                renumbered = true
            case .refused(let reason):
                refusal = reason
            }
            // Its undo would no longer apply to what is in the file.
            undoStack.removeAll { $0.forward == change.operation }
            redoStack.removeAll { $0.inverse == change.operation }
        }
        // Saved as shown, and nothing else in the file: the screen shows it already.
        if othersChanged || renumbered || refusal != nil { showStoreDocument(document) }
        if let refusal {
            status = StatusMessage(text: refusal, kind: .error)
        } else if renumbered {
            status = StatusMessage(text: "Saved under a new number: someone else added one at the same time",
                                   kind: .success)
        } else if let current = status, current.kind == .pending, changes.count == 1 {
            status = StatusMessage(text: current.text + " · saved", kind: .success)
        } else if unsaved.isEmpty {
            status = StatusMessage(text: "All changes saved", kind: .success)
        }
    }
}
