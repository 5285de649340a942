/// The orders of a file read before, each with where its text stood and a digest of it, so
/// that reading the file again takes those whose text has not changed instead of parsing
/// them. Most often the file differs in an order or two: a text is compared with the order
/// at the same place first, then one place either side (an order added or deleted before
/// it), and looked up among all of them only when none of them is the same.
final class KnownOrders {
    private let entries: [(text: StoredText, order: TrainingOrder)]
    private lazy var byText: [StoredText.Identity: TrainingOrder] = Dictionary(
        entries.compactMap { entry in entry.text.identity.map { ($0, entry.order) } }, uniquingKeysWith: { first, _ in first })

    /// The orders in file order, each with its text.
    init(_ entries: [(text: StoredText, order: TrainingOrder)]) {
        self.entries = entries
    }

    /// The order whose text was `text`, when one was; `index` is where the text is now.
    func order(withText text: StoredText, at index: Int) -> TrainingOrder? {
        guard let wanted = text.identity else { return nil }
        for place in [index, index - 1, index + 1] where entries.indices.contains(place) {
            if entries[place].text.identity == wanted { return entries[place].order }
        }
        return byText[wanted]
    }
}
