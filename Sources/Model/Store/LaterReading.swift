/// What opening a big store leaves to do after the first frame, with the file it is done
/// from: the checklists the first screen does not show, read on the other cores once it
/// is up, and the digests of the orders' texts, which saves and reloads need. Or, for a
/// file known to read whole, the orders themselves: the document holds their sketches
/// (`OrderSketch`) till each is read whole, its checklist and digest with it.
public struct LaterReading: Sendable {
    /// The file as it was opened; nil when nothing is left to do.
    private(set) var file: OpenedFile?
    /// The texts still to read, by order id: checklists, or whole orders (`wholeOrders`).
    private var texts: [Int: JSONText]
    private var undigested: [Int: StoredText]
    private let wholeOrders: Bool

    public static let none = LaterReading(file: nil, checklists: [:], undigested: [:])

    init(file: OpenedFile?, checklists: [Int: JSONText], undigested: [Int: StoredText]) {
        self.file = checklists.isEmpty && undigested.isEmpty ? nil : file
        texts = checklists
        self.undigested = undigested
        wholeOrders = false
    }

    /// The orders of `file` at `texts`, each to be read whole.
    init(file: OpenedFile, orders texts: [Int: JSONText]) {
        self.file = texts.isEmpty ? nil : file
        self.texts = texts
        undigested = [:]
        wholeOrders = true
    }

    public var isEmpty: Bool { file == nil }

    /// Whether orders are still to be read whole: the document holds their sketches.
    public var holdsSketches: Bool { wholeOrders && file != nil }

    /// The rest in the parts it is best read in, one after the other, each to `read`:
    /// orders in about a tenth of them at a time, in the file's order (each part taken in
    /// lets go of the sketches it replaces), or the checklists in one go with every digest.
    public var parts: [[Int]?] {
        guard wholeOrders else { return [nil] }
        let ids = texts.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }.map(\.key)
        let size = max(Self.ordersPerPart, ids.count / 10 + 1)
        return stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// The fewest orders a part holds: each part taken in costs the loop a pass, and a copy
    /// of the list of orders.
    static let ordersPerPart = 1_000

    /// What a read found.
    public struct Found: Sendable {
        var checklists: [Int: Checklist] = [:]
        /// Orders read whole, in place of their sketches.
        var orders: [Int: TrainingOrder] = [:]
        /// By order id; taken with the rest of the checklists, or with each order read whole.
        var digests: [Int: Int] = [:]
    }

    /// The checklists (or whole orders) of `orders` that are still to read, or all the rest
    /// with every digest (when nil), read from the file a window at a time on every core;
    /// nil when one is not as fours writes it, or the file was written to in place: it must
    /// then be read the careful way.
    public func read(orders: [Int]? = nil) -> Found? {
        guard let file else { return Found() }
        let wanted = orders.map { $0.compactMap { id in texts[id].map { (id, $0) } } } ?? Array(texts)
        if wholeOrders {
            guard let read = Self.readWhole(wanted, in: file), file.holdsSameText else { return nil }
            return read
        }
        guard let read = FileWindows.map(wanted.map(\.1.range), in: file, { bytes, range, index in
            var text = wanted[index].1
            text.range = range
            return ChecklistText.read(bytes, text)
        }) else { return nil }
        var reading = Found(checklists: Dictionary(uniqueKeysWithValues: zip(wanted.map(\.0), read)))
        if orders == nil {
            let places = Array(undigested)
            guard let digests = FileWindows.map(places.map(\.value.range), in: file, { bytes, range, _ in
                StoredText.digest(of: bytes[range])
            }) else { return nil }
            reading.digests = Dictionary(uniqueKeysWithValues: zip(places.map(\.key), digests))
        }
        guard file.holdsSameText else { return nil }
        return reading
    }

    /// The orders at `texts` read whole, each with its digest; nil when one does not read
    /// without a problem as the order of that id.
    private static func readWhole(_ texts: [(key: Int, value: JSONText)], in file: OpenedFile) -> Found? {
        guard let decoded = FileWindows.map(texts.map(\.value.range), in: file, { bytes, range, index in
            let text = texts[index].value
            return OrderPiece(range: text.range, index: 0, position: text.position)
                .decode(window: bytes, at: range, checklistLater: false, digesting: true)
        }) else { return nil }
        var reading = Found()
        for ((id, _), decoding) in zip(texts, decoded) {
            guard decoding.problems.isEmpty, let read = decoding.order, read.order.id == id, let digest = read.digest else { return nil }
            reading.orders[id] = read.order
            reading.digests[id] = digest
        }
        return reading
    }

    /// Those of `read` are done now; once all are, the file is let go.
    mutating func remove(_ read: Found) {
        for id in read.checklists.keys { texts[id] = nil }
        for id in read.orders.keys { texts[id] = nil }
        for id in read.digests.keys { undigested[id] = nil }
        if texts.isEmpty && undigested.isEmpty { file = nil }
    }
}

extension StoreDocument {
    /// Puts checklists read later into their orders.
    mutating func setChecklists(_ checklists: [Int: Checklist]) {
        guard !checklists.isEmpty else { return }
        for (id, checklist) in checklists { updateOrder(id: id) { $0.checklist = checklist } }
    }

    /// Puts orders read whole later in place of their sketches.
    mutating func setOrders(_ orders: [Int: TrainingOrder]) {
        for (id, order) in orders { updateOrder(id: id) { $0 = order } }
    }
}
