/// The searchable text of every order, folded once (lowercase, no accents), so that a
/// search narrows the queue as fast as someone types. The texts are one run of bytes, in
/// the document's order: a search goes through them without counting references, and
/// only through those its words' grams leave in doubt.
public struct SearchIndex: Sendable, Equatable {
    private var text: [UInt8] = []
    /// Each order's stretch of `text`, and its id, in the document's order.
    private var spans: [Range<Int>] = []
    private var ids: [Int] = []
    private var places = IDPlaces(ids: [])
    /// For a big store only: fewer texts than `ordersForGrams` are read in well under a
    /// millisecond, and the rows would hold memory for nothing.
    private var grams: GramRows?

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
        grams = spans.count < Self.ordersForGrams ? nil : text.withUnsafeBufferPointer { [spans] in GramRows(text: $0, spans: spans) }
    }

    /// The order fields a search reads, by their names in the store, tags as the dashboard
    /// writes them (#tag).
    static let searchedFields: [(name: String, text: @Sendable (TrainingOrder) -> [String])] = [
        ("title", { [$0.title] }), ("request", { [$0.request] }), ("businessProblem", { [$0.businessProblem] }),
        ("audience", { [$0.audience] }), ("tags", { $0.tags.map { "#" + $0 } }), ("owners", \.owners),
        ("decisionReason", { [$0.details.decisionReason] }), ("closingNote", { [$0.details.closingNote] }),
    ]

    /// The order fields a search does not read as text, and why.
    static let unsearchedFields: [String: String] = [
        "stakeholder": "found by the stakeholder's name and notes, not by the id the order keeps",
        "received": "a date: sorted by, and found with the filter's due choices",
        "due": "a date: sorted by, and found with the filter's due choices",
        "closedOn": "a date: the archive is sorted by it",
        "priority": "one of a few words: the filter chooses it",
        "status": "one of a few words: the filter chooses it",
        "arrival": "one of a few words, shown in the detail",
        "decision": "one of a few words; its reason is searched",
        "audienceSize": "a number",
        "measurement": "figures, shown in the detail and the report",
        "value": "figures, shown in the detail and the report",
        "sourceId": "another system's reference, kept for the next import",
        "followUpOf": "an order number: the detail names the order",
        "type": "one of the store's order types: the filter chooses it",
    ]

    /// What a search finds of an order: its fields that are text, the steps people added
    /// (every order has the template's), its notes, and its stakeholder's name and notes.
    private static func append(_ order: TrainingOrder, stakeholders: [String: [UInt8]], to text: inout [UInt8]) {
        let steps = order.checklist.customSteps.map(\.title)
        let parts = searchedFields.flatMap { $0.text(order) } + order.notes.map(\.text) + steps
        text += parts.joined(separator: " \u{1F} ").folded.utf8
        text.append(0x1F)
        text += stakeholders[order.stakeholderID] ?? Array(order.stakeholderID.utf8)
    }

    /// The orders of `orderIDs` whose text holds every one of the (folded) words, in order.
    /// The grams of the words rule out most orders without reading their texts; the texts
    /// still in doubt are read in the document's order (reading them in the list's order
    /// would wait on memory at each order), on every core when there are many.
    public func filter(_ orderIDs: [Int], allOf words: [String]) -> [Int] {
        var candidates = places.bits(of: orderIDs, count: ids.count)
        var unsure: [[UInt8]] = []
        for word in words.map({ Array($0.utf8) }) {
            guard let grams else {
                unsure.append(word)
                continue
            }
            let (rows, decide) = grams.rows(of: word)
            grams.keep(&candidates, setIn: rows)
            if !decide { unsure.append(word) }
        }
        if !unsure.isEmpty { candidates = confirmed(candidates, holdingAll: unsure) }
        return places.filter(orderIDs, keeping: candidates)
    }

    /// Whether the order's text holds every one of the (folded) words, read from the text
    /// itself: what `filter` finds of it.
    public func holds(_ orderID: Int, allOf words: [String]) -> Bool {
        places[orderID].map { matches(place: $0, allOf: words.map { Array($0.utf8) }) } ?? false
    }

    /// More orders in doubt than this are read on every core: a thread costs more than it saves.
    private static let ordersPerStretch = 20_000
    private static let ordersForGrams = 20_000

    /// Those of `candidates` whose text holds every one of `words`.
    private func confirmed(_ candidates: PlaceBits, holdingAll words: [[UInt8]]) -> PlaceBits {
        let stretches = candidates.count >= Self.ordersPerStretch ? 8 : 1
        let size = (candidates.words.count + stretches - 1) / stretches
        let parts = ParallelMap.map(stretches, perWorker: 1) { stretch -> [UInt64]? in
            let range = min(candidates.words.count, stretch * size)..<min(candidates.words.count, (stretch + 1) * size)
            var part = Array(candidates.words[range])
            for (offset, word) in part.enumerated() {
                var left = word
                while left != 0 {
                    let bit = left.trailingZeroBitCount
                    left &= left - 1
                    if !matches(place: (range.lowerBound + offset) * 64 + bit, allOf: words) {
                        part[offset] &= ~(UInt64(1) << UInt64(bit))
                    }
                }
            }
            return part
        } ?? []
        var confirmed = candidates
        confirmed.words.removeAll(keepingCapacity: true)
        for part in parts { confirmed.words += part }
        return confirmed
    }

    private func matches(place: Int, allOf words: [[UInt8]]) -> Bool {
        text.withUnsafeBufferPointer { text in
            let orderText = UnsafeBufferPointer(rebasing: text[spans[place]])
            return words.allSatisfy { word in word.withUnsafeBufferPointer { ByteSearch.contains(orderText, $0) } }
        }
    }
}
