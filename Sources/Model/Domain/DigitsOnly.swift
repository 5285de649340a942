/// Reads fixed-width numbers in text such as `2026-11-25T09:30:00Z`, straight from its
/// UTF-8: only ASCII digits count, so `-1` or `+1` never pass as a month or an hour. A
/// store holds hundreds of thousands of dates, so this is on the path of every load.
struct FixedLayout {
    private let bytes: [UInt8]

    /// Nil when the text is not `length` bytes long.
    init?(_ text: String, length: Int) {
        guard text.utf8.count == length else { return nil }
        bytes = Array(text.utf8)
    }

    /// The number written with `width` digits at `offset`.
    func number(at offset: Int, width: Int) -> Int? {
        var value = 0
        for byte in bytes[offset..<offset + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether the character at `offset` is `character`.
    func has(_ character: Unicode.Scalar, at offset: Int) -> Bool {
        bytes[offset] == UInt8(ascii: character)
    }
}
