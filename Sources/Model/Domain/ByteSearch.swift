import Glibc

/// Finding a word in folded text by its bytes: folded text is UTF-8, so a match of bytes
/// is a match of text, and bytes are found far faster than characters.
public enum ByteSearch {
    public static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return true }
        guard word.count <= text.count, let base = text.baseAddress, let wanted = word.baseAddress else { return false }
        // Each place the first byte is, found by memchr, then the rest compared at once.
        let last = text.count - word.count
        var start = 0
        while start <= last {
            guard let found = memchr(base + start, Int32(wanted[0]), last - start + 1) else { return false }
            let place = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + place, wanted, word.count) == 0 { return true }
            start = place + 1
        }
        return false
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
