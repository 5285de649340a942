/// The orders of a file read before, with their text, so that reading the file again takes
/// those whose text has not changed instead of parsing them. Most often the file differs in
/// an order or two: a text is compared with the order at the same place first, then one
/// place either side (an order added or deleted before it), and looked up by its whole
/// text (hashing every known one, once) only when none of them is the same.
final class KnownOrders {
    private let entries: [(text: OrderText, order: TrainingOrder)]
    private lazy var byText: [OrderText: TrainingOrder] = Dictionary(
        entries.map { ($0.text, $0.order) }, uniquingKeysWith: { first, _ in first })

    /// The orders in file order, each with its text.
    init(_ entries: [(text: OrderText, order: TrainingOrder)]) {
        self.entries = entries
    }

    /// The order whose text was `text`, when one was; `index` is where the text is now.
    func order(withText text: ArraySlice<UInt8>, at index: Int) -> TrainingOrder? {
        let wanted = OrderText(text)
        for place in [index, index - 1, index + 1] where entries.indices.contains(place) {
            if entries[place].text == wanted { return entries[place].order }
        }
        return byText[wanted]
    }
}
