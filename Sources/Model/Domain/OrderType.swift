/// A kind of work with 4S steps of its own (a compliance refresher, an onboarding
/// programme, a leadership course): its orders start from its template instead of the
/// store's.
public struct OrderType: Sendable, Equatable, Identifiable {
    /// How orders name it in the file; never changes, so a rename reaches every order.
    public var id: String
    public var name: String
    public var template: Checklist
    /// The type as it was read, so fields this version does not know survive a save.
    var preserved = PreservedFields()

    public init(id: String, name: String, template: Checklist) {
        self.id = id
        self.name = name
        self.template = template
    }

    /// How an order with no type, or with the id of a type no longer in the store, is named.
    public static let noTypeName = "Standard"

    /// The change that adds it after the store's other types.
    public static func addition(_ type: OrderType) -> StoreOperation {
        .editTemplate(TemplateChange(type: type.id, .addType(type, index: .max)))
    }

    /// An id for a new type called `name`, unique among `types`.
    public static func newID(for name: String, among types: [OrderType]) -> String {
        let slug = UniqueName.slug(name, words: 4)
        return UniqueName.make(slug.isEmpty ? "type" : slug) { id in types.contains { $0.id == id } }
    }
}

extension StoreDocument {
    /// The template an order of `type` starts from: the store's own when `type` is nil or
    /// empty; nil when no type has that id (any more).
    public func template(of type: String?) -> Checklist? {
        guard let type, !type.isEmpty else { return template }
        return orderTypes.first { $0.id == type }?.template
    }

    /// The type with that id.
    public func orderType(id: String) -> OrderType? {
        orderTypes.first { $0.id == id }
    }

    /// The id of the type that `text` names (its name, compared folded, or its id): empty
    /// for the store's own template (its name, "none" or nothing); nil when no type is
    /// called that.
    public func orderTypeID(named text: String) -> String? {
        let folded = text.trimmingWhitespace.folded
        if folded.isEmpty || folded == "none" || folded == OrderType.noTypeName.folded { return "" }
        return orderTypes.first { $0.name.folded == folded || $0.id == text }?.id
    }

    /// The names an order's type can be given by: the standard one's first.
    public var orderTypeNames: [String] {
        [OrderType.noTypeName] + orderTypes.map(\.name)
    }

    /// What the queue and the detail call an order's type: its name, the standard one's
    /// for none, the id with a mark for a type no longer in the store.
    public func typeName(of id: String) -> String {
        guard !id.isEmpty else { return OrderType.noTypeName }
        return orderType(id: id)?.name ?? "\(id) (no longer a type)"
    }

    /// A new order's checklist: its type's template, the store's for none or for a type
    /// that is gone.
    public func newChecklist(ofType type: String) -> Checklist {
        template(of: type) ?? template
    }
}
