import Glibc

/// What went wrong while reading JSON text, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var position: SourcePosition
    public var problem: String
}

/// A value's text within a file: where it is, where it starts, and how deeply it is nested.
struct JSONText: Sendable {
    var range: Range<Int>
    var position: SourcePosition
    var depth: Int
}

/// A strict JSON reader: no trailing commas, no comments, no duplicate keys, valid UTF-8 only.
/// Foundation's parser accepts some of these and reports no line or column, which is why
/// the store reads its own files.
public struct JSONReader {
    private let bytes: [UInt8]
    /// Where the text to read ends: the file's end, or the end of one value read on its own.
    private let end: Int
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        return try reader.parseDocument()
    }

    /// Parses a document whose top-level object has a list under `key`, handing each
    /// element of that list to `element` (with its index and the list's position) as soon
    /// as it is read, instead of keeping it: the document comes back with an empty list
    /// there. A store's orders are read this way, so their text is never all held as values.
    /// `reuse`, when given, is offered each object of the list as its bytes, its index
    /// and where it starts, before it is parsed; it returns true when it already knows
    /// those bytes (the same text as in a file read before), and the object is then skipped.
    static func parse(_ bytes: [UInt8], streaming key: String,
                      reuse: ((Range<Int>, Int, SourcePosition) -> Bool)? = nil,
                      element: @escaping (JSONValue, Int, SourcePosition) -> Void) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.streamedKey = key
        reader.streamedElement = element
        reader.streamedReuse = reuse
        return try reader.parseDocument()
    }

    private var streamedKey: String?
    private var streamedElement: ((JSONValue, Int, SourcePosition) -> Void)?
    private var streamedReuse: ((Range<Int>, Int, SourcePosition) -> Bool)?

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Parses the one value that spans `text` (found earlier by `parse(_:streaming:reuse:element:)`),
    /// as it would read in place. Positions and ranges in what it returns are those of the
    /// whole file.
    static func parse(_ bytes: [UInt8], exactly text: JSONText) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, text: text)
        let value = try reader.parseValue()
        guard reader.offset == text.range.upperBound else { throw reader.fail("unexpected text after the value") }
        return value
    }

    /// A reader of one value's text, for a caller that reads it a token at a time.
    init(bytes: [UInt8], text: JSONText) {
        self.bytes = bytes
        offset = text.range.lowerBound
        end = text.range.upperBound
        line = text.position.line
        lineStart = text.range.lowerBound - (text.position.column - 1)
        depth = text.depth
    }

    // Reading a token at a time.

    /// The next byte that is not white space, left in place; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < end ? bytes[offset] : nil
    }

    /// Takes `byte` when it comes next, after any white space.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        offset += 1
        return true
    }

    mutating func readString(sharing shared: SharedTexts? = nil) throws(JSONSyntaxError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw fail("unexpected \(describeCurrent()), expected a string") }
        return try parseString(sharing: shared)
    }

    /// Passes over the object that comes next, found by its brackets alone, and gives its
    /// text to read later; nil when no whole object comes next.
    mutating func skimObject() -> JSONText? {
        skipWhitespace()
        guard let skimmed = skimObject(from: offset) else { return nil }
        let text = JSONText(range: offset..<skimmed.end, position: position, depth: depth + 1)
        passOver(skimmed)
        return text
    }

    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        return try parseValue()
    }

    var isAtEnd: Bool {
        mutating get {
            skipWhitespace()
            return offset == end
        }
    }

    /// Where the next byte is, in the whole file.
    var position: SourcePosition {
        SourcePosition(line: line, column: offset - lineStart + 1)
    }

    private func fail(_ problem: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position, problem: problem)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        // A byte-order mark carries no meaning in UTF-8; editors on some systems add one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
        skipWhitespace()
        if offset == end { throw fail("the file is empty; a store is a JSON object") }
        let value = try parseValue()
        skipWhitespace()
        if offset < end { throw fail("unexpected \(describeCurrent()) after the end of the document") }
        return value
    }

    /// The hottest loop of a read (an indented file is a third white space): the bytes are
    /// read without a bounds check each, `end` being within them.
    private mutating func skipWhitespace() {
        var offset = self.offset
        defer { self.offset = offset }
        bytes.withUnsafeBufferPointer { bytes in
            while offset < end {
                switch bytes[offset] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    offset += 1
                case UInt8(ascii: "\n"):
                    offset += 1
                    line += 1
                    lineStart = offset
                default:
                    return
                }
            }
        }
    }

    private func describeCurrent() -> String {
        guard offset < end else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard offset < end else { throw fail("unexpected end of file, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        let start = offset
        var object = JSONObject(position: position)
        if try isEmpty(closedBy: UInt8(ascii: "}")) { return object }
        while true {
            skipWhitespace()
            guard offset < end, bytes[offset] == UInt8(ascii: "\"") else {
                throw fail("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let keyPosition = position
            let key = try parseString()
            if object[key] != nil {
                throw JSONSyntaxError(position: keyPosition, problem: "duplicate member \"\(TerminalSafety.excerpt(key))\"")
            }
            skipWhitespace()
            guard offset < end, bytes[offset] == UInt8(ascii: ":") else {
                throw fail("unexpected \(describeCurrent()), expected ':' after \"\(TerminalSafety.excerpt(key))\"")
            }
            offset += 1
            skipWhitespace()
            let valuePosition = position
            if depth == 1, key == streamedKey, let element = streamedElement,
               offset < end, bytes[offset] == UInt8(ascii: "[") {
                _ = try parseArray(reuse: streamedReuse) { value, index in element(value, index, valuePosition) }
                object.insert(.array([]), for: key, at: valuePosition)
            } else {
                object.insert(try parseValue(), for: key, at: valuePosition)
            }
            if try isClosed(by: UInt8(ascii: "}")) {
                object.setByteRange(start..<offset)
                return object
            }
        }
    }

    /// The elements of a list; with `element`, each is handed over instead of kept.
    private mutating func parseArray(reuse: ((Range<Int>, Int, SourcePosition) -> Bool)? = nil,
                                     element: ((JSONValue, Int) -> Void)? = nil) throws(JSONSyntaxError) -> [JSONValue] {
        var elements: [JSONValue] = []
        var count = 0
        if try isEmpty(closedBy: UInt8(ascii: "]")) { return elements }
        while true {
            skipWhitespace()
            if let reuse, let skimmed = skimObject(from: offset), reuse(offset..<skimmed.end, count, position) {
                passOver(skimmed)
            } else {
                let value = try parseValue()
                if let element { element(value, count) } else { elements.append(value) }
            }
            count += 1
            if try isClosed(by: UInt8(ascii: "]")) { return elements }
        }
    }

    /// Steps into an object or a list at its opening bracket; returns whether the bracket
    /// `close` ends it at once (then it is left again).
    private mutating func isEmpty(closedBy close: UInt8) throws(JSONSyntaxError) -> Bool {
        try enterNesting()
        offset += 1
        skipWhitespace()
        guard offset < end && bytes[offset] == close else { return false }
        offset += 1
        depth -= 1
        return true
    }

    /// After a member or an element: a comma and another, or the bracket `close` that ends
    /// them (then the nesting is left). Returns whether it closed.
    private mutating func isClosed(by close: UInt8) throws(JSONSyntaxError) -> Bool {
        let bracket = Character(Unicode.Scalar(close))
        skipWhitespace()
        guard offset < end else { throw fail("unexpected end of file, expected ',' or '\(bracket)'") }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            skipWhitespace()
            if offset < end && bytes[offset] == close { throw fail("trailing comma before '\(bracket)'") }
            return false
        }
        guard bytes[offset] == close else { throw fail("unexpected \(describeCurrent()), expected ',' or '\(bracket)'") }
        offset += 1
        depth -= 1
        return true
    }

    /// An object's extent, found by its brackets and strings alone (nothing is checked or kept).
    private struct Skimmed {
        var end: Int
        var lineBreaks = 0
        /// Where the last line inside it starts, when it spans lines.
        var lastLineStart: Int?
    }

    /// Where the object starting at `start` ends, and the lines it spans; nil when it is
    /// not an object or does not end.
    private func skimObject(from start: Int) -> Skimmed? {
        guard start < end, bytes[start] == UInt8(ascii: "{") else { return nil }
        return bytes.withUnsafeBufferPointer { bytes -> Skimmed? in
            guard let base = bytes.baseAddress else { return nil }
            var skimmed = Skimmed(end: start)
            var nesting = 0
            var index = start
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    // Most of an order is text: jump to the quote that closes it.
                    guard let close = Self.closingQuote(in: base, from: index + 1, to: end) else { return nil }
                    index = close
                case UInt8(ascii: "\n"):
                    skimmed.lineBreaks += 1
                    skimmed.lastLineStart = index + 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    nesting += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    nesting -= 1
                    if nesting == 0 {
                        skimmed.end = index + 1
                        return skimmed
                    }
                default:
                    break
                }
                index += 1
            }
            return nil
        }
    }

    /// The quote that ends a string whose text starts at `start`: the next one not escaped
    /// by an odd run of backslashes.
    static func closingQuote(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), end - index) else { return nil }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 >= start && base[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 { return quote }
            index = quote + 1
        }
        return nil
    }

    /// Moves past an object already known, keeping count of its lines.
    private mutating func passOver(_ skimmed: Skimmed) {
        line += skimmed.lineBreaks
        if let lastLineStart = skimmed.lastLineStart { lineStart = lastLineStart }
        offset = skimmed.end
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard offset + count <= end, bytes[offset..<offset + count].elementsEqual(expected) else {
            throw fail("unexpected \(describeCurrent()), expected a value")
        }
        offset += count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.offset
            while reader.offset < reader.end,
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.offset]) {
                reader.offset += 1
            }
            return reader.offset - first
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits(&self)
        if integerDigits == 0 { throw fail("a number needs digits after '-'") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            offset = integerStart
            throw fail("numbers may not start with 0")
        }
        if offset < end && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            if digits(&self) == 0 { throw fail("a number needs digits after '.'") }
        }
        if offset < end && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < end && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            if digits(&self) == 0 { throw fail("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = start
            throw fail("the number \(TerminalSafety.excerpt(text)) is out of range")
        }
        // Short whole numbers, by far the most common, are written back the same way;
        // any other number keeps its text.
        let isPlainInteger = integerDigits <= 15 && offset - integerStart == integerDigits
            && !(bytes[start] == UInt8(ascii: "-") && value == 0)
        return isPlainInteger ? .number(value) : .numberWithText(value, text: text)
    }

    private mutating func parseString(sharing shared: SharedTexts? = nil) throws(JSONSyntaxError) -> String {
        offset += 1
        let start = offset
        var hasEscapes = false
        var isASCII = true
        // Where the string stops being plain: its closing quote, a control character, or the end.
        var stop = offset
        bytes.withUnsafeBufferPointer { bytes in
            while stop < end {
                let byte = bytes[stop]
                if byte == UInt8(ascii: "\"") || byte < 0x20 { return }
                if byte >= 0x80 { isASCII = false }
                if byte == UInt8(ascii: "\\") { hasEscapes = true; stop += 2 } else { stop += 1 }
            }
        }
        offset = stop
        guard offset < end else { throw fail("unterminated string") }
        if bytes[offset] < 0x20 {
            throw fail(bytes[offset] == UInt8(ascii: "\n") ? "unterminated string (line break inside quotes)"
                                                           : "control character inside a string; write it as an escape")
        }
        let close = offset
        offset += 1
        if !hasEscapes {
            // Most of a store's text is ASCII, which is valid UTF-8 as it stands.
            guard isASCII else { return try decodeUTF8(bytes[start..<close], at: start) }
            if let shared, let text = shared.text(matching: bytes[start..<close]) { return text }
            return bytes.withUnsafeBufferPointer { all in
                String(unsafeUninitializedCapacity: close - start) { buffer in
                    _ = buffer.initialize(from: all[start..<close])
                    return close - start
                }
            }
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(close - start)
        var index = start
        while index < close {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""): unescaped.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): unescaped.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): unescaped.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = try hexQuad(at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalarValue) {
                    guard index + 6 <= close, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw errorAt(index, "a high surrogate escape must be followed by a low one")
                    }
                    let low = try hexQuad(at: index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw errorAt(index, "a high surrogate escape must be followed by a low one")
                    }
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    throw errorAt(index - 6, "\\u escape names no character")
                }
                unescaped.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw errorAt(index - 2, "unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        return try decodeUTF8(unescaped[...], at: start)
    }

    private func hexQuad(at index: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        guard index + 4 <= end else { throw errorAt(index, "\\u needs four hex digits") }
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw errorAt(index, "\\u needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private func errorAt(_ index: Int, _ problem: String) -> JSONSyntaxError {
        // Strings never span lines, so the current line is the right one.
        JSONSyntaxError(position: SourcePosition(line: line, column: index - lineStart + 1), problem: problem)
    }

    private func decodeUTF8(_ slice: ArraySlice<UInt8>, at start: Int) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw errorAt(start, "the string is not valid UTF-8; save the file as UTF-8")
        }
        return text
    }
}
