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
    /// For an order whose text follows the one before it as fours writes them (a comma,
    /// a line break, the indent), that one's id: two such unread orders are copied as one.
    private var follows: [Int: Int]

    init(ids: [Int], texts: [Int: StoredText], open: Set<Int>, follows: [Int: Int]) {
        self.ids = ids
        self.texts = texts
        self.open = open
        self.follows = follows
    }

    /// The numbers of the open orders (or the others, with `open` false), in the file's
    /// order: those not read as the file says, the others as `document` has them.
    func orders(open wanted: Bool, in document: StoreDocument) -> [Int] {
        ids.filter { id in
            guard texts[id] == nil else { return open.contains(id) == wanted }
            return document.order(id: id).map { $0.status.isOpen == wanted } ?? false
        }
    }

    /// The orders to write for `document`, in the file's order: each one left unread, each
    /// read one the document still has, then those the document added. Unread orders that
    /// follow each other in the file as fours writes them come as one run, to be copied as
    /// one stretch; every other order comes alone.
    func toWrite(for document: StoreDocument) -> OrdersToWrite {
        var orders = OrdersToWrite()
        for id in ids where texts[id] != nil || document.order(id: id) != nil {
            if let last = orders.ids.last, texts[id] != nil, texts[last] != nil, follows[id] == last {
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
        for id in texts.keys { texts[id] = places[id] }
        follows = partedAsWritten ? Dictionary(uniqueKeysWithValues: zip(written.dropFirst(), written)) : [:]
    }
}
