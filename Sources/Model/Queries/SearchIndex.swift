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
    /// For a list of most of the orders, the first word is looked for in all the texts in
    /// one pass, a stretch of them on each core, skipping the rest of an order's text once
    /// found there (reading the texts in the list's order would wait on memory at each
    /// order); for a short list, an order at a time.
    public func filter(_ orderIDs: [Int], allOf words: [String]) -> [Int] {
        let words = words.map { Array($0.utf8) }
        guard let first = words.first, orderIDs.count * 2 >= ids.count else {
            return orderIDs.filter { id in places[id].map { matches(place: $0, allOf: words) } ?? false }
        }
        let stretches = ids.count >= Self.ordersPerStretch ? 8 : 1
        let size = (ids.count + stretches - 1) / stretches
        let stretchMarks = ParallelMap.map(stretches, perWorker: 1) { stretch in
            marks(holding: first, andAllOf: words.dropFirst(), among: min(ids.count, stretch * size)..<min(ids.count, (stretch + 1) * size))
        } ?? []
        var matching: [Bool] = []
        matching.reserveCapacity(ids.count)
        for stretch in stretchMarks { matching += stretch }
        var shown: [Int] = []
        shown.reserveCapacity(orderIDs.count)
        for id in orderIDs where places[id].map({ matching[$0] }) ?? false { shown.append(id) }
        return shown
    }

    /// Fewer orders than this are searched on one core: a thread costs more than it saves.
    private static let ordersPerStretch = 20_000

    /// Whether each of the places of `candidates` has a text that holds `word` and every one
    /// of `others`, found by one pass for `word` over their texts, which lie one after the other.
    private func marks(holding word: [UInt8], andAllOf others: ArraySlice<[UInt8]>, among candidates: Range<Int>) -> [Bool] {
        var marks = [Bool](repeating: false, count: candidates.count)
        guard !candidates.isEmpty else { return marks }
        text.withUnsafeBufferPointer { text in
            word.withUnsafeBufferPointer { word in
                let end = spans[candidates.upperBound - 1].upperBound
                var place = candidates.lowerBound
                var from = spans[place].lowerBound
                while place < candidates.upperBound,
                      let offset = ByteSearch.firstPlace(of: word, in: UnsafeBufferPointer(rebasing: text[from..<end])) {
                    let start = from + offset
                    while spans[place].upperBound <= start { place += 1 }
                    // A match running on into the next order's text is no match for either.
                    if start + word.count <= spans[place].upperBound, matches(place: place, allOf: others) {
                        marks[place - candidates.lowerBound] = true
                    }
                    from = spans[place].upperBound
                    place += 1
                }
            }
        }
        return marks
    }

    private func matches(place: Int, allOf words: some Collection<[UInt8]>) -> Bool {
        text.withUnsafeBufferPointer { text in
            let orderText = UnsafeBufferPointer(rebasing: text[spans[place]])
            return words.allSatisfy { word in word.withUnsafeBufferPointer { ByteSearch.contains(orderText, $0) } }
        }
    }
}
