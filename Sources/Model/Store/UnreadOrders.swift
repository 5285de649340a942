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

    init(ids: [Int], texts: [Int: StoredText], open: Set<Int>) {
        self.ids = ids
        self.texts = texts
        self.open = open
    }

    /// The numbers of the open orders, in the file's order: those not read as the file
    /// says, the others as `document` has them.
    func openOrders(in document: StoreDocument) -> [Int] {
        ids.filter { texts[$0] != nil ? open.contains($0) : document.order(id: $0)?.status.isOpen == true }
    }

    func contains(_ id: Int) -> Bool { texts[id] != nil }

    /// The orders to write for `document`, in the file's order: each one left unread, each
    /// read one the document still has, then those the document added.
    func orderToWrite(for document: StoreDocument) -> [Int] {
        var written = ids.filter { texts[$0] != nil || document.order(id: $0) != nil }
        let inFile = Set(ids)
        written += document.orders.map(\.id).filter { !inFile.contains($0) }
        return written
    }

    /// After a save that wrote the orders `written` (in that order) at `places`: where the
    /// unread ones now are.
    mutating func saved(_ written: [Int], at places: [Int: StoredText]) {
        ids = written
        for id in texts.keys { texts[id] = places[id] }
    }
}
