/// The searchable text of every order, folded once (lowercase, no accents), so that a
/// search narrows the queue as fast as someone types. The texts are one run of bytes, in
/// the document's order: a search goes through them without counting references.
public struct SearchIndex: Sendable, Equatable {
    private var text: [UInt8] = []
    /// Each order's stretch of `text`, and its id, in the document's order.
    private var spans: [Range<Int>] = []
    private var ids: [Int] = []
    private var places = IDPlaces(ids: [])

    public init(_ document: StoreDocument) {
        // A stakeholder's name and notes, folded once, not once per order.
        let stakeholders = Dictionary(uniqueKeysWithValues: document.stakeholders.map { stakeholder in
            (stakeholder.id, Array(([stakeholder.name] + stakeholder.notes.map(\.text)).joined(separator: " \u{1F} ").folded.utf8))
        })
        spans.reserveCapacity(document.orders.count)
        for order in document.orders {
            let start = text.count
            Self.append(order, stakeholders: stakeholders, to: &text)
            spans.append(start..<text.count)
        }
        ids = document.orders.map(\.id)
        places = IDPlaces(ids: ids)
    }

    /// What the dashboard shows of an order, tags as it writes them (#tag), the steps
    /// people added (every order has the template's), and its stakeholder's notes.
    private static func append(_ order: TrainingOrder, stakeholders: [String: [UInt8]], to text: inout [UInt8]) {
        let steps = order.checklist.allSteps.map(\.step).filter(\.isCustom).map(\.title)
        let parts = [order.title, order.request, order.businessProblem, order.audience]
            + order.tags.map { "#" + $0 } + order.owners + order.notes.map(\.text) + steps
        text += parts.joined(separator: " \u{1F} ").folded.utf8
        text.append(0x1F)
        text += stakeholders[order.stakeholderID] ?? Array(order.stakeholderID.utf8)
    }

    /// The orders of `orderIDs` whose text holds every one of the (folded) words, in order.
    /// A list of most of the orders is matched by going through every order's text front
    /// to back, a stretch of it on each core (reading the texts in the list's order would
    /// wait on memory at each order); a short list, an order at a time.
    public func filter(_ orderIDs: [Int], allOf words: [String]) -> [Int] {
        let words = words.map { Array($0.utf8) }
        guard orderIDs.count >= Self.ordersPerStretch, orderIDs.count * 2 >= ids.count else {
            return orderIDs.filter { id in places[id].map { matches(place: $0, allOf: words) } ?? false }
        }
        let stretches = 8
        let size = (ids.count + stretches - 1) / stretches
        let matching = Array((ParallelMap.map(stretches, perWorker: 1) { stretch in
            (min(ids.count, stretch * size)..<min(ids.count, (stretch + 1) * size)).map { matches(place: $0, allOf: words) }
        } ?? []).joined())
        return orderIDs.filter { id in places[id].map { matching[$0] } ?? false }
    }

    /// Fewer orders than this are searched on one core: a thread costs more than it saves.
    private static let ordersPerStretch = 20_000

    private func matches(place: Int, allOf words: [[UInt8]]) -> Bool {
        text.withUnsafeBufferPointer { text in
            let orderText = UnsafeBufferPointer(rebasing: text[spans[place]])
            return words.allSatisfy { word in word.withUnsafeBufferPointer { ByteSearch.contains(orderText, $0) } }
        }
    }
}
