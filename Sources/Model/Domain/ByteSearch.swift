import Glibc

/// Finding a word in folded text by its bytes: folded text is UTF-8, so a match of bytes
/// is a match of text, and bytes are found far faster than characters.
public enum ByteSearch {
    public static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        firstPlace(of: word, in: text) != nil
    }

    /// Where `word` first starts in `text`, as an index of `text`; nil when it is not there.
    static func firstIndex(of word: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        text.withUnsafeBufferPointer { buffer in word.withUnsafeBufferPointer { firstPlace(of: $0, in: buffer) } }
            .map { text.startIndex + $0 }
    }

    /// Where `word` first starts in `text`; nil when it is not there.
    public static func firstPlace(of word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty else { return 0 }
        guard word.count <= text.count, let base = text.baseAddress, let wanted = word.baseAddress else { return nil }
        guard word.count > 1 else {
            return memchr(base, Int32(wanted[0]), text.count).map { UnsafeRawPointer(base).distance(to: $0) }
        }
        // Eight places at a time, those where both the first and the last byte of the word
        // are found, and only there the bytes between compared.
        let count = word.count
        let (firsts, lasts) = (UInt64.repeating(wanted[0]), UInt64.repeating(wanted[count - 1]))
        let places = text.count - count + 1
        var start = 0
        while start + 8 <= places {
            var candidates = (UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) ^ firsts).zeroByteMarks
                & (UnsafeRawPointer(base + start + count - 1).loadUnaligned(as: UInt64.self) ^ lasts).zeroByteMarks
            while candidates != 0 {
                let place = start + candidates.trailingZeroBitCount / 8
                if count == 2 || memcmp(base + place + 1, wanted + 1, count - 2) == 0 { return place }
                candidates &= candidates - 1
            }
            start += 8
        }
        while start < places {
            if base[start] == wanted[0], memcmp(base + start + 1, wanted + 1, count - 1) == 0 { return start }
            start += 1
        }
        return nil
    }
}

extension String {
    /// Whether `word` is in this text, byte for byte (both folded, for a search that
    /// ignores case and accents).
    public func containsBytes(of word: String) -> Bool {
        var text = self
        var word = word
        return text.withUTF8 { text in word.withUTF8 { ByteSearch.contains(text, $0) } }
    }
}
