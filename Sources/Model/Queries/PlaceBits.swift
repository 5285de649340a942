/// A set of places (0 up to a count) as a row of bits, 64 places a word.
struct PlaceBits: Sendable, Equatable {
    var words: [UInt64]

    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
