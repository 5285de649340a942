/// Counts line breaks, eight bytes at a time.
enum LineBreaks {
    static func count(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { count(in: $0) }
    }

    static func count(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var index = 0
        while index + 32 <= bytes.count {
            // Each byte of `counts` counts the line breaks at its place in the words read;
            // it is added up before it could pass 255.
            var counts: UInt64 = 0
            let stop = min(bytes.count, index + 32 * 63)
            while index + 32 <= stop {
                let words = base + index
                counts &+= breaks(words.loadUnaligned(as: UInt64.self)) &+ breaks(words.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    &+ breaks(words.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
                    &+ breaks(words.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
                index += 32
            }
            let pairs = (counts & 0x00FF_00FF_00FF_00FF) &+ ((counts >> 8) & 0x00FF_00FF_00FF_00FF)
            count += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }

    /// 1 in each byte of `word` that is a line break, 0 in the others.
    @inline(__always)
    private static func breaks(_ word: UInt64) -> UInt64 {
        (word ^ .repeating(0x0A)).zeroByteMarks >> 7
    }
}
