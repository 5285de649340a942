/// An order's text in a store file, found by its brackets before it is parsed, so that
/// the orders of a big store can be parsed on every core at once.
struct OrderPiece: Sendable {
    var range: Range<Int>
    var index: Int
    /// Where the order list starts, for a problem with the order as a whole.
    var position: SourcePosition
    /// The order read from the same text before, when there was one: it needs no parsing.
    var known: TrainingOrder?
    /// The text's digest, when it was taken to look for a known order.
    var digest: Int?

    /// What parsing one piece found.
    struct Decoding: Sendable {
        var order: ReadOrder?
        var problems: [StoreValidationError] = []
    }

    /// How deep an order's object sits: in the list under the top-level object.
    private static let depth = 2
    /// Fewer orders than this are parsed on one core: a thread costs more than it saves.
    private static let piecesPerWorker = 256

    /// Each piece parsed and read into an order, in the order given (an empty decoding for
    /// a known piece); nil when one of them is not valid JSON on its own.
    static func decode(_ pieces: [OrderPiece], in bytes: [UInt8]) -> [Decoding]? {
        ParallelMap.map(pieces.count, perWorker: piecesPerWorker) { pieces[$0].decode(in: bytes, checklistLater: false) }
    }

    /// The piece decoded from a window of the file that holds it at `range`, with the places
    /// it finds given in the whole file; digested when `digesting`. Nil when the text does
    /// not parse.
    func decode(window: [UInt8], at range: Range<Int>, checklistLater: Bool, digesting: Bool) -> Decoding? {
        var inWindow = self
        inWindow.range = range
        guard var decoding = inWindow.decode(in: window, checklistLater: checklistLater) else { return nil }
        let shift = self.range.lowerBound - range.lowerBound
        if var read = decoding.order {
            read.range = self.range
            if let text = read.checklistText { read.checklistText?.range = text.range.lowerBound + shift..<text.range.upperBound + shift }
            if digesting { read.digest = StoredText.digest(of: window[range]) }
            decoding.order = read
        }
        return decoding
    }

    /// Nil when the text does not parse.
    private func decode(in bytes: [UInt8], checklistLater: Bool) -> Decoding? {
        guard known == nil else { return Decoding() }
        let text = JSONText(range: range, position: position, depth: Self.depth)
        // An order as fours writes it is read straight into the model; anything unusual in
        // it, the careful way.
        if let order = TrainingOrderText.read(bytes, text, index: index, checklistLater: checklistLater) {
            return Decoding(order: order)
        }
        guard let value = try? JSONReader.parse(bytes, exactly: text) else { return nil }
        let log = ProblemLog()
        let reader = FieldReader(value, path: "orders[\(index)]", parentPosition: position, log: log)
        return Decoding(order: reader.flatMap { ReadOrder($0, index: index) }, problems: log.problems)
    }
}
