/// Text from a store must never drive the terminal it is printed on: a title holding an
/// escape sequence could set the window title, fill the clipboard or move the cursor.
/// This finds the characters that can (C0 and C1 controls, DEL, the bidi controls that
/// reorder what is shown) and shows them as visible escapes instead.
public enum TerminalSafety {
    /// How many UTF-8 bytes at `index` make a character that must not reach a terminal
    /// raw, or must be escaped in JSON (`"` and `\`); 0 for any other character.
    static func controlLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0..<0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "\\"):
            return 1
        case 0xC2:
            // U+0080 to U+009F, the C1 controls.
            return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) ? 2 : 0
        case 0xD8:
            // U+061C, the Arabic letter mark.
            return index + 1 < bytes.count && bytes[index + 1] == 0x9C ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            // U+200E, U+200F, U+202A to U+202E; U+2066 to U+2069.
            if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) { return 3 }
            if second == 0x81 && (0xA6...0xA9).contains(third) { return 3 }
            return 0
        default:
            return 0
        }
    }

    /// The text with every control shown as a visible escape (`\x1b`, `\u202e`); line
    /// breaks and tabs too, unless `keepingLines`, for text that is laid out in lines.
    public static func visible(_ text: String, keepingLines: Bool = false) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let length = controlLength(in: bytes, at: index)
                let byte = bytes[index]
                let isQuoteOrBackslash = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                let isLayout = keepingLines && (byte == 0x0A || byte == 0x09)
                if length == 0 || isQuoteOrBackslash || isLayout {
                    output.append(byte)
                    index += 1
                    continue
                }
                let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
                for scalar in character.unicodeScalars {
                    let hex = String(scalar.value, radix: 16)
                    let escape = scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                                                      : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    output.append(contentsOf: escape.utf8)
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// A short, safe excerpt of a value for an error message: a 100,000-digit number or
    /// a pasted page must not make a 100 KB message.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 40) -> String {
        let shown = text.count > limit ? "\(text.prefix(limit))…" : String(text)
        return visible(shown)
    }
}
