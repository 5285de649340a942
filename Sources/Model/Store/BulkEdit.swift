/// One change made to many orders at once (those marked in the queue, or named on the
/// command line): saved, and undone, as one change; each order's part goes into the
/// activity with who made it.
public enum BulkEdit: Sendable, Equatable {
    /// With a closing note for each, when given.
    case close(as: OrderStatus, on: CalendarDay, note: String? = nil)
    case reopen
    case addTag(String)
    case removeTag(String)
    case setOwners([String])
    case setDue(CalendarDay?)
    case delete

    /// What it did to the orders of `ids`, as a sentence: "Marked #3, #5 delivered" (the
    /// orders named as `document` names them).
    public func sentence(_ ids: [Int], in document: StoreDocument) -> String {
        let orders = ids.map(document.shortID(ofNumber:)).joined(separator: ", ")
        return switch self {
        case .close(let status, _, _): "Marked \(orders) \(status.title)"
        case .reopen: "Reopened \(orders)"
        case .addTag(let tag): "Added #\(tag) to \(orders)"
        case .removeTag(let tag): "Took #\(tag) off \(orders)"
        case .setOwners(let owners): owners.isEmpty ? "Left \(orders) without an owner" : "Gave \(orders) to " + owners.joined(separator: ", ")
        case .setDue(let day): day.map { "Made \(orders) due \($0)" } ?? "Took the due date off \(orders)"
        case .delete: "Deleted \(orders)"
        }
    }

    /// The edit of one order, or nil when it changes nothing there (closing one that is closed).
    func edited(_ details: OrderDetails) -> OrderDetails? {
        var edited = details
        switch self {
        case .close(let status, let day, let note):
            guard details.status.isOpen else { return nil }
            edited = details.closed(as: status, on: day, note: note)
        case .reopen:
            guard !details.status.isOpen else { return nil }
            edited = details.reopened
        case .addTag(let tag):
            guard !details.tags.contains(where: { $0.folded == tag.folded }) else { return nil }
            edited.tags.append(tag)
        case .removeTag(let tag):
            edited.tags.removeAll { $0.folded == tag.folded }
        case .setOwners(let owners):
            edited.owners = owners
        case .setDue(let day):
            edited.due = day
        case .delete:
            return nil
        }
        return edited == details ? nil : edited
    }
}

extension StoreDocument {
    /// Several edits in a row to the orders of `ids`, as one change, with what they did in one
    /// sentence ("Added #safety to #1, #3; took #video off #2"); nil when none changes anything.
    public func bulk(_ edits: [BulkEdit], orders ids: [Int]) -> (operation: StoreOperation, said: String)? {
        var working = self
        var operations: [StoreOperation] = []
        var said: [String] = []
        for edit in edits {
            guard let (operation, changed) = working.bulk(edit, orders: ids), (try? operation.apply(to: &working)) != nil else { continue }
            operations.append(operation)
            said.append(edit.sentence(changed, in: self))
        }
        let sentence = said.enumerated().map { $0 == 0 ? $1 : $1.prefix(1).lowercased() + $1.dropFirst() }.joined(separator: "; ")
        return operations.isEmpty ? nil : (.batch(operations), sentence)
    }

    /// The change that makes `edit` to the orders of `ids` it changes, and those orders;
    /// nil when it changes none of them.
    public func bulk(_ edit: BulkEdit, orders ids: [Int]) -> (operation: StoreOperation, changed: [Int])? {
        var operations: [StoreOperation] = []
        var changed: [Int] = []
        for id in ids {
            guard let order = order(id: id) else { continue }
            if edit == .delete {
                operations.append(.deleteOrder(id))
            } else if let details = edit.edited(order.details) {
                operations.append(.editOrder(id, from: order.details, to: details))
            } else {
                continue
            }
            changed.append(id)
        }
        return operations.isEmpty ? nil : (.batch(operations), changed)
    }
}
