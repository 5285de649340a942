/// What opening a big store leaves to do after the first frame, with the file it is done
/// from: the checklists the first screen does not show, read on the other cores once it
/// is up, and the digests of the orders' texts, which saves and reloads need.
public struct LaterChecklists: Sendable {
    /// The file as it was opened; nil when nothing is left to do.
    private(set) var file: OpenedFile?
    private var texts: [Int: JSONText]
    private var undigested: [Int: StoredText]

    public static let none = LaterChecklists(file: nil, checklists: [:], undigested: [:])

    init(file: OpenedFile?, checklists: [Int: JSONText], undigested: [Int: StoredText]) {
        self.file = checklists.isEmpty && undigested.isEmpty ? nil : file
        texts = checklists
        self.undigested = undigested
    }

    public var isEmpty: Bool { file == nil }

    /// What a read found.
    public struct Reading: Sendable {
        var checklists: [Int: Checklist]
        /// By order id; taken only with the rest of the checklists.
        var digests: [Int: Int] = [:]
    }

    /// The checklists of `orders` that are still to read, or all the rest with every
    /// digest (when nil), read from the file a window at a time on every core; nil when a
    /// checklist is not as fours writes it, or the file was written to in place: it must
    /// then be read the careful way.
    public func read(orders: [Int]? = nil) -> Reading? {
        guard let file else { return Reading(checklists: [:]) }
        let wanted = orders.map { $0.compactMap { id in texts[id].map { (id, $0) } } } ?? Array(texts)
        guard let read = FileWindows.map(wanted.map(\.1.range), in: file, { bytes, range, index in
            var text = wanted[index].1
            text.range = range
            return ChecklistText.read(bytes, text)
        }) else { return nil }
        var reading = Reading(checklists: Dictionary(uniqueKeysWithValues: zip(wanted.map(\.0), read)))
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

    /// Those of `read` are done now; once all are, the file is let go.
    mutating func remove(_ read: Reading) {
        for id in read.checklists.keys { texts[id] = nil }
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
}
