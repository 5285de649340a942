/// The checklists of a document just opened that are found but not read yet, with the
/// text they are read from: the first screen of a big store needs a few of them, and the
/// rest are read on the other cores once it is up.
public struct LaterChecklists: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var texts: [Int: JSONText]

    static let none = LaterChecklists(bytes: [], texts: [:])

    init(bytes: [UInt8], texts: [Int: JSONText]) {
        self.bytes = texts.isEmpty ? [] : bytes
        self.texts = texts
    }

    public var isEmpty: Bool { texts.isEmpty }

    /// The checklists of `orders` that are still to read (all of them when nil), read on
    /// every core; nil when one is not as fours writes it, and must be read the careful way.
    public func read(orders: [Int]? = nil) -> [Int: Checklist]? {
        let wanted = orders.map { $0.compactMap { id in texts[id].map { (id, $0) } } } ?? Array(texts)
        guard let read = ParallelMap.map(wanted.count, perWorker: 512, { ChecklistText.read(bytes, wanted[$0].1) }) else {
            return nil
        }
        return Dictionary(uniqueKeysWithValues: zip(wanted.map(\.0), read))
    }

    /// Those of `read` are read now; once all are, the text goes.
    mutating func remove(_ read: [Int: Checklist]) {
        for id in read.keys { texts[id] = nil }
        if texts.isEmpty { bytes = [] }
    }
}

extension StoreDocument {
    /// Puts checklists read later into their orders.
    mutating func setChecklists(_ checklists: [Int: Checklist]) {
        guard !checklists.isEmpty else { return }
        for (id, checklist) in checklists { updateOrder(id: id) { $0.checklist = checklist } }
    }
}
