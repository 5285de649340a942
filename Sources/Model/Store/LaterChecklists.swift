/// What opening a big store leaves to do after the first frame, with the text it is done
/// from: the checklists the first screen does not show, read on the other cores once it
/// is up, and the digests of the orders' texts, which saves and reloads need.
public struct LaterChecklists: Sendable {
    private(set) var bytes: [UInt8]
    private var texts: [Int: JSONText]
    private var undigested: [Int: StoredText]

    static let none = LaterChecklists(bytes: [], checklists: [:], undigested: [:])

    init(bytes: [UInt8], checklists: [Int: JSONText], undigested: [Int: StoredText]) {
        self.bytes = checklists.isEmpty && undigested.isEmpty ? [] : bytes
        texts = checklists
        self.undigested = undigested
    }

    public var isEmpty: Bool { texts.isEmpty && undigested.isEmpty }

    /// What a read found.
    public struct Reading: Sendable {
        var checklists: [Int: Checklist]
        /// By order id; taken only with the rest of the checklists.
        var digests: [Int: Int] = [:]
    }

    /// The checklists of `orders` that are still to read, or all the rest with every
    /// digest (when nil), read on every core; nil when a checklist is not as fours
    /// writes it, and must be read the careful way.
    public func read(orders: [Int]? = nil) -> Reading? {
        let wanted = orders.map { $0.compactMap { id in texts[id].map { (id, $0) } } } ?? Array(texts)
        guard let read = ParallelMap.map(wanted.count, perWorker: 512, { ChecklistText.read(bytes, wanted[$0].1) }) else {
            return nil
        }
        var reading = Reading(checklists: Dictionary(uniqueKeysWithValues: zip(wanted.map(\.0), read)))
        if orders == nil {
            reading.digests = StoredText.digests(of: undigested.map { (id: $0.key, range: $0.value.range) }, in: bytes)
        }
        return reading
    }

    /// Those of `read` are done now; once all are, the text goes.
    mutating func remove(_ read: Reading) {
        for id in read.checklists.keys { texts[id] = nil }
        for id in read.digests.keys { undigested[id] = nil }
        if isEmpty { bytes = [] }
    }
}

extension StoreDocument {
    /// Puts checklists read later into their orders.
    mutating func setChecklists(_ checklists: [Int: Checklist]) {
        guard !checklists.isEmpty else { return }
        for (id, checklist) in checklists { updateOrder(id: id) { $0.checklist = checklist } }
    }
}
