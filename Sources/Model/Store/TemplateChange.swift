/// One edit of a template, the store's own (`type` nil) or an order type's, or of the types
/// themselves. Orders keep the steps they have: a template is what new orders start from,
/// and reaches open orders only when asked (`StoreDocument.catchingUp`).
public struct TemplateChange: Sendable, Equatable {
    public enum Edit: Sendable, Equatable {
        case addStep(ChecklistSection, ChecklistStep, index: Int)
        case removeStep(String)
        /// Its wording and explanation; fields changed only on one side of a merge both survive.
        case editStep(String, from: StepDetails, to: StepDetails)
        /// To `index` in its section.
        case moveStep(String, to: Int)
        /// A new type, with `type` its id, at `index` among the types.
        case addType(OrderType, index: Int)
        case removeType
        case renameType(from: String, to: String)
    }

    /// The order type whose template (or which type) changes; nil for the store's template.
    public var type: String?
    public var edit: Edit

    public init(type: String?, _ edit: Edit) {
        self.type = type?.isEmpty == true ? nil : type
        self.edit = edit
    }

    /// Applies the edit, failing when what it refers to is gone. An edit already made (a
    /// save retried) changes nothing.
    func apply(to document: inout StoreDocument) throws(OperationConflict) {
        switch edit {
        case .addType(let added, let index):
            if let existing = document.orderType(id: added.id) {
                guard existing.name == added.name else { throw OperationConflict("another order type has the id \"\(added.id)\"") }
                return
            }
            document.orderTypes.insert(added, at: min(max(0, index), document.orderTypes.count))
        case .removeType:
            guard let type, let index = document.orderTypes.firstIndex(where: { $0.id == type }) else {
                throw OperationConflict("that order type no longer exists")
            }
            document.orderTypes.remove(at: index)
        case .renameType(_, let name):
            guard let type, let index = document.orderTypes.firstIndex(where: { $0.id == type }) else {
                throw OperationConflict("that order type no longer exists")
            }
            document.orderTypes[index].name = name
        case .addStep, .removeStep, .editStep, .moveStep:
            var template = try self.template(in: document)
            try apply(to: &template)
            if let type, let index = document.orderTypes.firstIndex(where: { $0.id == type }) {
                document.orderTypes[index].template = template
            } else {
                document.template = template
            }
        }
    }

    private func template(in document: StoreDocument) throws(OperationConflict) -> Checklist {
        guard let template = document.template(of: type) else { throw OperationConflict("that order type no longer exists") }
        return template
    }

    private func apply(to template: inout Checklist) throws(OperationConflict) {
        func location(of id: String) throws(OperationConflict) -> (section: ChecklistSection, index: Int) {
            guard let found = template.location(ofStep: id) else { throw OperationConflict("that step is no longer in the template") }
            return found
        }
        switch edit {
        case .addStep(let section, let step, let index):
            guard template.location(ofStep: step.id) == nil else { return }
            var clean = ChecklistStep(id: step.id, title: step.details.title)
            clean.details.note = step.details.note
            template[section].insert(clean, at: min(max(0, index), template[section].count))
        case .removeStep(let id):
            let (section, index) = try location(of: id)
            template[section].remove(at: index)
        case .editStep(let id, let base, let edited):
            let (section, index) = try location(of: id)
            template[section][index].details = edited.merged(onto: template[section][index].details, from: base)
        case .moveStep(let id, let target):
            let (section, index) = try location(of: id)
            let step = template[section].remove(at: index)
            template[section].insert(step, at: min(max(0, target), template[section].count))
        case .addType, .removeType, .renameType:
            break
        }
    }

    /// The edit that takes `document` (as it is before this one) back.
    func inverse(before document: StoreDocument) -> TemplateChange? {
        switch edit {
        case .addType:
            return TemplateChange(type: type, .removeType)
        case .removeType:
            guard let index = document.orderTypes.firstIndex(where: { $0.id == type }) else { return nil }
            return TemplateChange(type: type, .addType(document.orderTypes[index], index: index))
        case .renameType(let from, let to):
            return TemplateChange(type: type, .renameType(from: to, to: from))
        case .addStep(_, let step, _):
            return TemplateChange(type: type, .removeStep(step.id))
        case .removeStep(let id):
            guard let template = document.template(of: type), let (section, index) = template.location(ofStep: id) else { return nil }
            return TemplateChange(type: type, .addStep(section, template[section][index], index: index))
        case .editStep(let id, let base, let edited):
            return TemplateChange(type: type, .editStep(id, from: edited, to: base))
        case .moveStep(let id, _):
            guard let (_, index) = document.template(of: type)?.location(ofStep: id) else { return nil }
            return TemplateChange(type: type, .moveStep(id, to: index))
        }
    }

    /// What the edit did, for the activity log.
    func activity(in document: StoreDocument) -> String {
        let name = type.map { document.orderType(id: $0)?.name ?? $0 }
        let template = name.map { "the \($0) template" } ?? "the template"
        return switch edit {
        case .addStep(_, let step, _): "added “\(step.details.title)” to \(template)"
        case .removeStep: "took a step out of \(template)"
        case .editStep(_, let base, let edited): "edited a step of \(template): " + edited.changedFields(from: base).joined(separator: ", ")
        case .moveStep: "moved a step of \(template)"
        case .addType(let added, _): "added the order type \(added.name)"
        case .removeType: "removed the order type \(name ?? "")"
        case .renameType(let from, let to): "renamed the order type \(from) to \(to)"
        }
    }
}

extension StoreDocument {
    /// What brings the open orders of `type` (nil: those with no type) in line with its
    /// template: the steps they lack, unticked, and the template's steps they have that it
    /// no longer has, unless ticked. Steps people added to one order stay.
    public func catchingUp(type: String?) -> [StoreOperation] {
        let type = type ?? ""
        guard let template = template(of: type) else { return [] }
        var operations: [StoreOperation] = []
        for order in orders where order.status.isOpen && order.details.type == type {
            for (_, step) in order.checklist.allSteps where !step.isCustom && !step.isDone && template.location(ofStep: step.id) == nil {
                operations.append(.removeStep(order: order.id, step: step.id))
            }
            for section in ChecklistSection.allCases {
                for (index, step) in template[section].enumerated() where order.checklist.location(ofStep: step.id) == nil {
                    operations.append(.addStep(order: order.id, section: section, step: step, index: index))
                }
            }
        }
        return operations
    }
}

/// What bringing open orders in line with a template adds and removes, in words.
public struct CatchUp: Sendable {
    public private(set) var orders = Set<Int>()
    public private(set) var added = 0
    public private(set) var removed = 0

    public init(_ operations: [StoreOperation]) {
        for operation in operations {
            switch operation {
            case .addStep(let order, _, _, _):
                orders.insert(order)
                added += 1
            case .removeStep(let order, _):
                orders.insert(order)
                removed += 1
            default:
                break
            }
        }
    }

    /// "2 open orders (adding 3 steps, removing 1 unticked step)"
    public func describe() -> String {
        var parts: [String] = []
        if added > 0 { parts.append("adding \(Counted(added, "step"))") }
        if removed > 0 { parts.append("removing \(Counted(removed, "unticked step"))") }
        return "\(Counted(orders.count, "open order")) (" + parts.joined(separator: ", ") + ")"
    }
}
