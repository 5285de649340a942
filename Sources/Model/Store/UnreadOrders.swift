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
/// every order's id in the file's order, and which of them were left unread, to be copied
/// as they stand (from where the store knows their texts are) when the store is saved.
/// Kept in lists in the file's order, not by id: a save of a big store goes through them
/// all, and a list is read in one pass.
struct UnreadOrders: Sendable {
    /// Every order of the file, read or not, in the file's order.
    private(set) var ids: [Int]
    /// For each of `ids`: nil for an order read (the document has it); for one left
    /// unread, whether the file says it is open (new or in progress).
    private var unreadOpen: [Bool?]
    /// For each of `ids` left unread, the order it follows up, as the file says.
    private var unreadFollowUps: [Int?]
    /// For each of `ids`, whether its text follows the one before it in the file, parted
    /// only by what fours writes between two orders (a comma, a line break, the indent):
    /// two such unread orders are copied as one stretch.
    private var followsPrevious: [Bool]

    init(ids: [Int], unreadOpen: [Bool?], followUps: [Int?], followsPrevious: [Bool]) {
        self.ids = ids
        self.unreadOpen = unreadOpen
        unreadFollowUps = followUps
        self.followsPrevious = followsPrevious
    }

    /// The numbers of the open orders (or the others, with `open` false), in the file's
    /// order: those not read as the file says, the others as `document` has them.
    func orders(open wanted: Bool, in document: StoreDocument) -> [Int] {
        zip(ids, isOpen(in: document)).compactMap { id, isOpen in isOpen == wanted ? id : nil }
    }

    /// For each of `ids`, whether it is open: as the file says when it was not read, as
    /// `document` has it when it was; nil when neither has it (an order deleted since).
    func isOpen(in document: StoreDocument) -> [Bool?] {
        zip(ids, unreadOpen).map { id, unread in unread ?? document.order(id: id)?.status.isOpen }
    }

    /// For each of `ids`, the order it follows up: as the file says when it was not read,
    /// as `document` has it when it was.
    func followUps(in document: StoreDocument) -> [Int?] {
        ids.indices.map { index in
            unreadOpen[index] == nil ? document.order(id: ids[index])?.followUpOf : unreadFollowUps[index]
        }
    }

    /// The orders to write for `document`, in the file's order: each one left unread, each
    /// read one the document still has, then those the document added. Unread orders that
    /// follow each other in the file as fours writes them come as one run, to be copied as
    /// one stretch; every other order comes alone.
    func toWrite(for document: StoreDocument) -> OrdersToWrite {
        var orders = OrdersToWrite()
        var read = Set<Int>()
        for (index, id) in ids.enumerated() {
            let isUnread = unreadOpen[index] != nil
            if !isUnread {
                read.insert(id)
                guard document.order(id: id) != nil else { continue }
            }
            if isUnread, index > 0, followsPrevious[index], unreadOpen[index - 1] != nil, orders.ids.last == ids[index - 1] {
                orders.extendLastRun(with: id)
            } else {
                orders.add(id)
            }
        }
        // An order the file did not have: not one read from it, nor (were one added under
        // an unread one's number) one left unread.
        for order in document.orders where !read.contains(order.id) && !ids.contains(order.id) { orders.add(order.id) }
        return orders
    }

    /// After a save that wrote the orders `written` (in that order): which of them are
    /// still unread. fours wrote every two of them one after the other, parted as it parts
    /// them, unless the file breaks its lines with CRLF.
    mutating func saved(_ written: [Int], partedAsWritten: Bool) {
        // `written` keeps the file's order, less the orders deleted, and adds the new ones
        // after: one pass over both finds each one's place before.
        var states: [Bool?] = [], followUps: [Int?] = []
        states.reserveCapacity(written.count)
        followUps.reserveCapacity(written.count)
        var next = 0
        for id in written {
            if let before = ids[next...].firstIndex(of: id) {
                states.append(unreadOpen[before])
                followUps.append(unreadFollowUps[before])
                next = before + 1
            } else {
                states.append(nil)
                followUps.append(nil)
            }
        }
        ids = written
        unreadOpen = states
        unreadFollowUps = followUps
        followsPrevious = written.indices.map { $0 > 0 && partedAsWritten }
    }
}
