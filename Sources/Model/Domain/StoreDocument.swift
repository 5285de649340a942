/// Everything in one store file: the team's orders, their stakeholders and the 4S template.
public struct StoreDocument: Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var name: String
    /// The checklist that new orders copy, unless their type has its own.
    public var template: Checklist
    /// The kinds of work with 4S steps of their own, in the order the team put them.
    public var orderTypes: [OrderType] = []
    public var settings = StoreSettings()
    /// Fields two copies of the store changed two ways, waiting for someone to choose.
    public var conflicts: [MergeConflict] = []
    /// Who changed what lately, oldest first: a log, left out of equality like the file's layout.
    public var activity: [ActivityEntry] = []
    /// The store's id and its last saves: what a merge of two copies is made against. Left
    /// out of equality: two files of the same orders are the same store whatever saved them.
    public var lineage = StoreLineage()
    /// When this is a department's stores seen together (`Department`): each team's store
    /// name, by its place. An order's number then holds its team's place and its own.
    public var teamNames: [String] = []
    public private(set) var orders: [TrainingOrder]
    public private(set) var stakeholders: [Stakeholder]
    private var orderIndex: [Int: Int] = [:]
    private var stakeholderIndex: [String: Int] = [:]
    var preserved = PreservedFields()

    public init(name: String = "L&D orders", template: Checklist = .standardTemplate,
                orders: [TrainingOrder] = [], stakeholders: [Stakeholder] = []) {
        self.name = name
        self.template = template
        self.orders = orders
        self.stakeholders = stakeholders
        rebuildIndexes()
    }

    public static func == (lhs: StoreDocument, rhs: StoreDocument) -> Bool {
        lhs.name == rhs.name && lhs.template == rhs.template && lhs.orderTypes == rhs.orderTypes && lhs.settings == rhs.settings && lhs.conflicts == rhs.conflicts && lhs.orders == rhs.orders
            && lhs.stakeholders == rhs.stakeholders
    }

    private mutating func rebuildIndexes() {
        orderIndex = Dictionary(orders.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        stakeholderIndex = Dictionary(stakeholders.enumerated().map { ($1.id, $0) },
                                      uniquingKeysWith: { first, _ in first })
    }

    /// An order as people name it: `#12`, or in a department's view `sales#12`.
    public func shortID(of order: TrainingOrder) -> String { shortID(ofNumber: order.id) }

    public func shortID(ofNumber id: Int) -> String { Self.shortID(ofNumber: id, teamNames: teamNames) }

    /// In a department's view, the store a stakeholder belongs to (their id holds its place).
    public func teamName(ofStakeholder id: String) -> String? {
        guard let slash = id.firstIndex(of: "/"), let place = Int(id[..<slash]), teamNames.indices.contains(place) else {
            return nil
        }
        return teamNames[place]
    }

    static func shortID(ofNumber id: Int, teamNames: [String]) -> String {
        guard let (team, order) = Department.parts(of: id), teamNames.indices.contains(team) else { return "#\(id)" }
        return "\(teamNames[team])#\(order)"
    }

    public func order(id: Int) -> TrainingOrder? {
        orderIndex[id].map { orders[$0] }
    }

    public func stakeholder(id: String) -> Stakeholder? {
        stakeholderIndex[id].map { stakeholders[$0] }
    }

    /// Whether `other` keeps its orders in the same storage as this document: the first
    /// change to either then copies all of them (at 100,000 orders, a few milliseconds).
    public func sharesOrders(with other: StoreDocument) -> Bool {
        orders.withUnsafeBufferPointer { mine in other.orders.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress } }
            && !orders.isEmpty
    }

    /// Gives the document storage of its own for its orders: a copy, when it shares it.
    mutating func ownOrders() {
        orders.withUnsafeMutableBufferPointer { _ in }
    }

    /// Puts `orders` in place of the orders it has.
    mutating func replaceOrders(with orders: [TrainingOrder]) {
        self.orders = orders
        rebuildIndexes()
    }

    /// Changes one order in place; returns false when there is no such order.
    @discardableResult
    public mutating func updateOrder<Failure: Error>(
        id: Int, _ change: (inout TrainingOrder) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        guard let index = orderIndex[id] else { return false }
        try change(&orders[index])
        return true
    }

    @discardableResult
    public mutating func updateStakeholder<Failure: Error>(
        id: String, _ change: (inout Stakeholder) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        guard let index = stakeholderIndex[id] else { return false }
        try change(&stakeholders[index])
        return true
    }

    /// Adds an order in id order, so that an order deleted and brought back by undo lands
    /// where it was in the file.
    public mutating func add(_ order: TrainingOrder) {
        guard let last = orders.last, last.id > order.id else {
            orders.append(order)
            orderIndex[order.id] = orders.count - 1
            return
        }
        orders.insert(order, at: orders.firstIndex { $0.id > order.id } ?? orders.count)
        rebuildIndexes()
    }

    public mutating func add(_ stakeholder: Stakeholder) {
        stakeholders.append(stakeholder)
        stakeholderIndex[stakeholder.id] = stakeholders.count - 1
    }

    /// Removes an order; returns false when there is no such order.
    public mutating func removeOrder(id: Int) -> Bool {
        guard let index = orderIndex[id] else { return false }
        orders.remove(at: index)
        rebuildIndexes()
        return true
    }

    public mutating func removeStakeholder(id: String) -> Bool {
        guard let index = stakeholderIndex[id] else { return false }
        stakeholders.remove(at: index)
        rebuildIndexes()
        return true
    }

    public var nextOrderID: Int {
        (orders.map(\.id).max() ?? 0) + 1
    }
}

extension StoreDocument {
    /// The orders that follow up `id`, in number order.
    public func followUps(of id: Int) -> [TrainingOrder] {
        orders.filter { $0.followUpOf == id }
    }

    /// A follow-up of `origin`, for its stakeholder, as the next order set up to go the ideal way.
    public func followUpDraft(of origin: TrainingOrder, on today: CalendarDay, by user: String) -> OrderDetails {
        var details = OrderDetails(title: "Needs analysis after \(origin.shortID)", stakeholderID: origin.stakeholderID,
                                   audience: origin.audience, received: today)
        details.followUpOf = origin.id
        details.owners = origin.owners.isEmpty ? [user] : origin.owners
        details.arrival = .collaborativeConversation
        details.businessProblem = origin.businessProblem
        return details
    }
}
