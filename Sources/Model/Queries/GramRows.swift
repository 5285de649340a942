/// Which orders' texts hold each short run of bytes (a gram: one byte, two or three): a row
/// of bits per gram, a bit per order. A search reads the rows of its words' grams instead
/// of every order's text, and reads the texts only of the orders whose bits are all set.
///
/// Every byte has a row of its own, and so have the most frequent pairs of bytes: for those
/// the rows alone decide. The other pairs and every run of three share the remaining rows
/// by a hash: a set bit there means "perhaps", a clear one "certainly not".
struct GramRows: Sendable, Equatable {
    /// The rows of a block of orders lie side by side, so that building touches one block's
    /// memory at a time and a gram's bits for a block are one cache line.
    private var bits: [UInt64] = []
    /// Each pair of bytes' own row, or none.
    private var pairRows: [UInt16] = []

    private static let ordersPerBlock = 512
    private static let wordsPerRow = ordersPerBlock / 64
    private static let byteRows = 256
    private static let frequentPairRows = 512
    private static let sharedRows = 1_280
    private static let rowCount = byteRows + frequentPairRows + sharedRows
    private static let wordsPerBlock = rowCount * wordsPerRow
    private static let noRow = UInt16.max

    /// The grams of each text of `spans`, in order. The byte 0x1F (between a text's parts)
    /// is never searched for, so no gram holding it is kept.
    init(text: UnsafeBufferPointer<UInt8>, spans: [Range<Int>]) {
        pairRows = Self.frequentPairs(in: text)
        let blocks = (spans.count + Self.ordersPerBlock - 1) / Self.ordersPerBlock
        bits = [UInt64](repeating: 0, count: blocks * Self.wordsPerBlock)
        bits.withUnsafeMutableBufferPointer { bits in
            pairRows.withUnsafeBufferPointer { pairRows in
                for (place, span) in spans.enumerated() {
                    let block = bits.baseAddress! + place / Self.ordersPerBlock * Self.wordsPerBlock + place % Self.ordersPerBlock / 64
                    let bit = UInt64(1) << UInt64(place % 64)
                    for index in span {
                        let third = text[index]
                        guard third != 0x1F else { continue }
                        block[Int(third) * Self.wordsPerRow] |= bit
                        guard index > span.lowerBound, text[index - 1] != 0x1F else { continue }
                        let second = text[index - 1]
                        block[Self.row(of: pairRows[Self.pairKey(second, third)], second, third) * Self.wordsPerRow] |= bit
                        guard index - 1 > span.lowerBound, text[index - 2] != 0x1F else { continue }
                        block[Self.sharedRow(text[index - 2], second, third) * Self.wordsPerRow] |= bit
                    }
                }
            }
        }
    }

    /// The rows every text holding `word` has set, and whether they decide alone (no text
    /// need be read to be sure).
    func rows(of word: [UInt8]) -> (rows: [Int], decide: Bool) {
        // No gram holding 0x1F is kept: such a word is left to the texts.
        guard !word.contains(0x1F) else { return ([], false) }
        switch word.count {
        case 0: return ([], true)
        case 1: return ([Int(word[0])], true)
        default:
            var rows = Set<Int>()
            for index in 1..<word.count {
                rows.insert(Self.row(of: pairRows[Self.pairKey(word[index - 1], word[index])], word[index - 1], word[index]))
                if index >= 2 { rows.insert(Self.sharedRow(word[index - 2], word[index - 1], word[index])) }
            }
            // Only a pair with a row of its own decides alone.
            return (rows.sorted(), word.count == 2 && pairRows[Self.pairKey(word[0], word[1])] != Self.noRow)
        }
    }

    /// Clears in `candidates` the orders whose bits are not set in every one of `rows`.
    func keep(_ candidates: inout PlaceBits, setIn rows: [Int]) {
        bits.withUnsafeBufferPointer { bits in
            candidates.words.withUnsafeMutableBufferPointer { words in
                for start in stride(from: 0, to: words.count, by: Self.wordsPerRow) {
                    let block = start / Self.wordsPerRow * Self.wordsPerBlock
                    for word in start..<min(words.count, start + Self.wordsPerRow) where words[word] != 0 {
                        for row in rows { words[word] &= bits[block + row * Self.wordsPerRow + word - start] }
                    }
                }
            }
        }
    }

    /// The pairs of bytes found most often, each given a row of its own.
    private static func frequentPairs(in text: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        var counts = [Int](repeating: 0, count: 65_536)
        for index in text.indices.dropFirst() where text[index] != 0x1F && text[index - 1] != 0x1F {
            counts[pairKey(text[index - 1], text[index])] += 1
        }
        var rows = [UInt16](repeating: noRow, count: 65_536)
        let frequent = counts.indices.filter { counts[$0] > 0 }.sorted { counts[$0] > counts[$1] }.prefix(frequentPairRows)
        for (offset, key) in frequent.enumerated() { rows[key] = UInt16(byteRows + offset) }
        return rows
    }

    private static func pairKey(_ first: UInt8, _ second: UInt8) -> Int { Int(first) << 8 | Int(second) }

    /// A pair's row: its own (`pairRow`, as `pairRows` holds it) or a shared one.
    private static func row(of pairRow: UInt16, _ first: UInt8, _ second: UInt8) -> Int {
        pairRow == noRow ? sharedRow(first, second) : Int(pairRow)
    }

    /// The shared row of a pair, or of a run of three, by a multiplicative hash.
    private static func sharedRow(_ first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Int {
        let key = UInt64(first) | UInt64(second) << 8 | UInt64(third.map(Int.init) ?? 0x100) << 16
        return byteRows + frequentPairRows + Int((key &* 0x9E37_79B9_7F4A_7C15) >> 40) % sharedRows
    }
}
