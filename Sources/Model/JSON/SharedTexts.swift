import Glibc

/// Strings a file repeats thousands of times (the standard steps' ids and titles), read as
/// one shared copy instead of a new string each time: less to allocate, less to keep.
struct SharedTexts: Sendable {
    private let texts: [(bytes: [UInt8], text: String)]

    init(_ texts: [String]) {
        self.texts = texts.map { (Array($0.utf8), $0) }
    }

    /// The shared copy of the text these bytes spell, if it is one.
    func text(matching bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return texts.first { $0.bytes.count == raw.count && memcmp($0.bytes, base, raw.count) == 0 }?.text
        }
    }

    /// The shared copy of `text`, or `text` itself.
    func shared(_ text: String) -> String {
        texts.first { $0.text == text }?.text ?? text
    }
}
