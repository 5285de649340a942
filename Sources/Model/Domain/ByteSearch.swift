import CByteSearch

/// Finding a word in folded text by its bytes: folded text is UTF-8, so a match of bytes
/// is a match of text, and bytes are found far faster than characters.
public enum ByteSearch {
    public static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        firstPlace(of: word, in: text) != nil
    }

    /// Where in `text` the first match of `word` starts.
    public static func firstPlace(of word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty else { return 0 }
        guard let base = text.baseAddress, let wanted = word.baseAddress else { return nil }
        let place = fours_find_bytes(base, text.count, wanted, word.count)
        return place < 0 ? nil : place
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
