import Dispatch
import Glibc

/// An order's text in a store file, found by its brackets before it is parsed, so that
/// the orders of a big store can be parsed on every core at once.
struct OrderPiece: Sendable {
    var range: Range<Int>
    var index: Int
    /// Where the order list starts, for a problem with the order as a whole.
    var position: SourcePosition
    /// The order read from the same text before, when there was one: it needs no parsing.
    var known: TrainingOrder?

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
    static func decode(_ pieces: [OrderPiece], in bytes: [UInt8], checklistsLater: Bool) -> [Decoding]? {
        let workers = min(max(1, pieces.count / piecesPerWorker), ProcessorCount.online)
        let results = ResultSlots<Decoding>(count: pieces.count)
        defer { results.release() }
        let decodeShare: @Sendable (Int) -> Void = { worker in
            var index = worker
            while index < pieces.count {
                results[index] = pieces[index].decode(in: bytes, checklistLater: checklistsLater)
                index += workers
            }
        }
        if workers == 1 { decodeShare(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: decodeShare) }
        var decoded: [Decoding] = []
        decoded.reserveCapacity(pieces.count)
        for index in 0..<pieces.count {
            guard let decoding = results[index] else { return nil }
            decoded.append(decoding)
        }
        return decoded
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
        return Decoding(order: reader.flatMap(ReadOrder.init), problems: log.problems)
    }
}

/// A fixed row of results that several threads fill at once, each its own places.
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    subscript(index: Int) -> Value? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    func release() {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// How many processors can run this process's threads.
enum ProcessorCount {
    static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
