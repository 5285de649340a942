/// Writes JSON the way the store keeps it: two-space indent, one member per line, keys
/// sorted, so that a change to one field is a one-line diff and git can merge neighbours.
public struct JSONWriter {
    private var output: [UInt8] = []
    /// When set, text already written (`.encoded`) is passed on as it is, between the
    /// pieces written now, instead of being copied into one buffer.
    private var pieces: [TextPiece]?

    public static func bytes(for value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.output.reserveCapacity(4096)
        writer.write(value, indent: 0)
        writer.output.append(UInt8(ascii: "\n"))
        return writer.output
    }

    /// The document as pieces to write one after the other: a store of 10,000 orders is
    /// written without first copying 25 MB of unchanged order text into one buffer. Each
    /// text already written that is a piece (`EncodedJSON.isPiece`) stands on its own,
    /// between pieces written now: the k-th one (from 0) is piece 2k + 1.
    static func pieces(for value: JSONValue) -> [TextPiece] {
        var writer = JSONWriter()
        writer.pieces = []
        writer.write(value, indent: 0)
        writer.output.append(UInt8(ascii: "\n"))
        return (writer.pieces ?? []) + [.bytes(writer.output[...])]
    }

    /// The text of a value nested `depth` levels deep, without a final line break.
    static func bytes(for value: JSONValue, depth: Int) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value, indent: depth)
        return writer.output
    }

    private mutating func newline(indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): writeNumber(number)
        case .numberWithText(_, let text): append(text)
        case .string(let text): writeString(text)
        case .encoded(let text):
            precondition(text.depth == indent, "encoded JSON placed at another depth")
            if pieces != nil && text.isPiece {
                pieces?.append(.bytes(output[...]))
                pieces?.append(text.text)
                // A new buffer: the piece keeps the old one, which emptying would copy whole.
                output = []
            } else if case .bytes(let bytes) = text.text {
                output.append(contentsOf: bytes)
            } else {
                preconditionFailure("text kept in a file is written only as pieces")
            }
        case .array(let elements):
            guard !elements.isEmpty else { append("[]"); return }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { append("{}"); return }
            output.append(UInt8(ascii: "{"))
            for (index, key) in object.memberNames.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1)
                writeString(key)
                append(": ")
                write(object[key] ?? .null, indent: indent + 1)
            }
            newline(indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// JSON has no infinity or NaN: such a value is written as null rather than as text
    /// no reader takes. (The store never gets there: it checks each change reads back.)
    private mutating func writeNumber(_ number: Double) {
        if !number.isFinite {
            append("null")
        } else if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            append(String(Int64(number)))
        } else {
            append(String(number))
        }
    }

    /// Writes a string with every control character escaped, C1 and DEL and the bidi
    /// controls included, so that printing the JSON on a terminal can do no harm.
    private mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Copy runs that need no escaping in one go; most strings are one such run.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let length = TerminalSafety.controlLength(in: bytes, at: index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscaped(UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ character: UnsafeBufferPointer<UInt8>) {
        switch character.first {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            for scalar in String(decoding: character, as: UTF8.self).unicodeScalars {
                let hex = String(scalar.value, radix: 16)
                append("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
            }
        }
    }
}
