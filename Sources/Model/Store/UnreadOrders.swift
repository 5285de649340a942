/// The orders a save writes, in their order, in runs: each run one stretch of the file
/// (an order, or unread orders copied together).
struct OrdersToWrite {
    private(set) var ids: [Int] = []
    /// Where each run is in `ids`.
    private(set) var runs: [Range<Int>] = []

    init() {}

    /// Each order alone.
    init(_ ids: [Int]) {
        self.ids = ids
        runs = ids.indices.map { $0..<$0 + 1 }
    }

    mutating func add(_ id: Int) {
        runs.append(ids.count..<ids.count + 1)
        ids.append(id)
    }

    mutating func extendLastRun(with id: Int) {
        ids.append(id)
        runs[runs.count - 1] = runs[runs.count - 1].lowerBound..<ids.count
    }
}

/// The orders of a store file that a command did not read because it needs only a few:
/// every order's id in the file's order, and where the text of each one left unread is,
/// to be copied as it stands when the store is saved.
struct UnreadOrders: Sendable {
    /// Every order of the file, read or not, in the file's order.
    private(set) var ids: [Int]
    /// The texts of those not read, by id.
    private(set) var texts: [Int: StoredText]
    /// Those not read that are open (new or in progress).
    private let open: Set<Int>
    /// For each of `ids`, whether its text follows the one before it in the file, parted
    /// only by what fours writes between two orders (a comma, a line break, the indent):
    /// two such unread orders are copied as one stretch.
    private var followsPrevious: [Bool]

    init(ids: [Int], texts: [Int: StoredText], open: Set<Int>, followsPrevious: [Bool]) {
        self.ids = ids
        self.texts = texts
        self.open = open
        self.followsPrevious = followsPrevious
    }

    /// The numbers of the open orders (or the others, with `open` false), in the file's
    /// order: those not read as the file says, the others as `document` has them.
    func orders(open wanted: Bool, in document: StoreDocument) -> [Int] {
        ids.filter { isOpen($0, in: document) == wanted }
    }

    /// Whether the order `id` is open: as the file says when it was not read, as `document`
    /// has it when it was; nil when neither has it.
    func isOpen(_ id: Int, in document: StoreDocument) -> Bool? {
        if open.contains(id) { return true }
        return texts[id] == nil ? document.order(id: id)?.status.isOpen : false
    }

    /// The orders to write for `document`, in the file's order: each one left unread, each
    /// read one the document still has, then those the document added. Unread orders that
    /// follow each other in the file as fours writes them come as one run, to be copied as
    /// one stretch; every other order comes alone.
    func toWrite(for document: StoreDocument) -> OrdersToWrite {
        var orders = OrdersToWrite()
        for (index, id) in ids.enumerated() where texts[id] != nil || document.order(id: id) != nil {
            if index > 0, followsPrevious[index], let last = orders.ids.last, last == ids[index - 1], texts[id] != nil, texts[last] != nil {
                orders.extendLastRun(with: id)
            } else {
                orders.add(id)
            }
        }
        let inFile = Set(ids)
        for order in document.orders where !inFile.contains(order.id) { orders.add(order.id) }
        return orders
    }

    /// After a save that wrote the orders `written` (in that order) at `places`: where the
    /// unread ones now are. fours wrote every two of them one after the other, parted as
    /// it parts them, unless the file breaks its lines with CRLF.
    mutating func saved(_ written: [Int], at places: [Int: StoredText], partedAsWritten: Bool) {
        ids = written
        var moved = [Int: StoredText](minimumCapacity: texts.count)
        for id in texts.keys { moved[id] = places[id] }
        texts = moved
        followsPrevious = written.indices.map { $0 > 0 && partedAsWritten }
    }
}
