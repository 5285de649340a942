import Glibc

/// A store file's outline, found by reading it a window at a time: where each order's text
/// is, and the rest of the file with its list of orders cut out, for the JSON reader.
///
/// It relies on the layout fours writes: the list opens on the line `  "orders": [` and
/// each order ends on a line `    }`; JSON strings never hold a line break, so such a line
/// is never inside one. Nothing is taken on trust: each order's text must later read as
/// one whole object, the file without them as a store whose top-level order list is where
/// they were cut (`sentinel`), and only commas and white space may lie between them. A
/// file laid out otherwise gives nil, and is read whole.
struct FileOutline {
    /// Where an order's text is in the file, and the line and column it starts at.
    struct Place: Sendable {
        var range: Range<Int>
        var position: SourcePosition
        /// The number its `"id"` member gives, found without parsing the order; nil when it
        /// is not there as fours writes it (a plain number on the order's own line).
        var id: Int?
        /// Whether it is open (new or in progress), by its status found the same way; nil
        /// when that is not there so.
        var isOpen: Bool?
        /// The order it follows up, found the same way when asked for (`findingFollowUps`),
        /// or as recorded.
        var followUpOf: Int?
        /// Whether the order before it ends just before it, parted by the comma, line break
        /// and indent fours writes between orders: the two can be copied as one stretch.
        var followsPrevious = false
    }

    /// The file with its orders cut out and one empty object, `{}`, in their place.
    private(set) var skeleton: [UInt8] = []
    /// Where that object is in `skeleton`: the JSON reader must find it as the one order.
    private(set) var sentinel = 0
    private(set) var orders: [Place] = []
    /// Each order's sketch, when asked for (`sketching`), in the order of `orders`; nil for
    /// an order whose id, status or a member the sketch takes is not as fours writes it.
    private(set) var sketches: [TrainingOrder?] = []
    private(set) var style = FileStyle()

    private static let listOpening = Array("\n  \"orders\": [".utf8)
    /// What fours writes between two orders, up to the next one's brace (with LF line breaks).
    private static let orderSeparator = Array(",\n    {".utf8)
    private static let orderEnd = Array("\n    }".utf8)
    /// An order's own members: a member of the order is indented six spaces, and no line
    /// break is ever inside a string. (Ending on the quote, which few places have so far
    /// after a line break, is quicker to find than on the space after the colon.)
    private static let idMember = Array("\n      \"id\"".utf8)
    private static let statusMember = Array("\n      \"status\"".utf8)
    private static let followUpMember = Array("\n      \"followUpOf\"".utf8)

    /// A whole number written plainly: digits, with no leading zero.
    static func wholeNumber(_ value: some Collection<UInt8>) -> Int? {
        guard (1...18).contains(value.count), value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              value.count == 1 || value.first != UInt8(ascii: "0") else { return nil }
        return value.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// A status written as a plain string (`"delivered"`).
    static func status(_ value: some BidirectionalCollection<UInt8>) -> OrderStatus? {
        guard value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") else { return nil }
        return OrderStatus(rawValue: String(decoding: value.dropFirst().dropLast(), as: UTF8.self))
    }

    /// With `findingFollowUps`, each order's `followUpOf` is looked for too (before its id,
    /// as fours writes members in the order of their names), which takes a little longer;
    /// with `sketching`, each order's sketch is made (`OrderSketch`), which finds its id and
    /// status on the way.
    init?(_ file: OpenedFile, findingFollowUps: Bool = false, sketching: Bool = false) throws(FileSystem.Failure) {
        var window = ScanWindow(file: file)
        guard try window.readOn() else { return nil }
        style = FileStyle(of: window.bytes)
        guard let opening = try window.find(Self.listOpening, from: 0) else { return nil }
        let listStart = opening + Self.listOpening.count
        let prefix = try file.read(0..<listStart)
        var line = 1 + LineBreaks.count(in: prefix[...])
        var lineStart = (prefix.lastIndex(of: 0x0A) ?? -1) + 1
        var offset = listStart
        while true {
            var follows = false
            if !orders.isEmpty && !style.usesCRLF { follows = try window.holds(Self.orderSeparator, at: offset) }
            let skipped = try window.skipWhiteSpace(from: offset)
            line += skipped.lineBreaks
            if let last = skipped.lastLineStart { lineStart = last }
            offset = skipped.end
            guard let byte = try window.byte(at: offset) else { return nil }
            if byte == UInt8(ascii: "]") { break }
            if !orders.isEmpty {
                guard byte == UInt8(ascii: ",") else { return nil }
                let next = try window.skipWhiteSpace(from: offset + 1)
                line += next.lineBreaks
                if let last = next.lastLineStart { lineStart = last }
                offset = next.end
            }
            guard try window.byte(at: offset) == UInt8(ascii: "{"),
                  let end = try window.find(Self.orderEnd, from: offset, keeping: offset) else { return nil }
            let range = offset..<end + Self.orderEnd.count
            var place = Place(range: range, position: SourcePosition(line: line, column: offset - lineStart + 1), followsPrevious: follows)
            if sketching {
                // The sketch looks at every member of the order, its id and status among them.
                let sketch = window.sketch(of: range)
                (place.id, place.isOpen) = (sketch?.id, sketch?.status.isOpen)
                sketches.append(sketch)
            } else {
                let id = window.memberValue(Self.idMember, in: range)
                // fours writes an order's members in the order of their names: its status after its id.
                let status = window.memberValue(Self.statusMember, in: (id.map { window.offset(of: $0.endIndex) } ?? range.lowerBound)..<range.upperBound)
                let followUpOf = findingFollowUps
                    ? id.flatMap { window.memberValue(Self.followUpMember, in: range.lowerBound..<window.offset(of: $0.startIndex)) } : nil
                (place.id, place.isOpen, place.followUpOf) = (id.flatMap(Self.wholeNumber), status.flatMap(Self.status)?.isOpen,
                                                              followUpOf.flatMap(Self.wholeNumber))
            }
            orders.append(place)
            line += window.lineBreaks(in: range)
            lineStart = end + 1
            offset = range.upperBound
        }
        try cut(prefix: prefix, resumingAt: offset, of: file)
    }

    /// The outline of a file whose orders' places this machine recorded (`OrderPlaces`):
    /// only the text around the list of orders is read. The lines the orders start on are
    /// not recorded: a problem in an order read sends the file to the careful read, which
    /// finds its place. Nil for a file with no orders.
    init?(_ file: OpenedFile, places: OrderPlaces) throws(FileSystem.Failure) {
        guard let first = places.places.first, let last = places.places.last else { return nil }
        let prefix = try file.read(0..<first.range.lowerBound)
        style = FileStyle(of: prefix)
        var previousEnd: Int?
        orders = places.places.map { place in
            // In a file that read whole, only a comma and white space part two orders: when
            // the gap is as long as what fours writes there, the two are copied as one stretch.
            let follows = !style.usesCRLF && previousEnd.map { place.range.lowerBound - $0 == Self.orderSeparator.count - 1 } == true
            previousEnd = place.range.upperBound
            return Place(range: place.range, position: Self.unplaced, id: place.id, isOpen: place.isOpen,
                         followUpOf: place.followUpOf, followsPrevious: follows)
        }
        try cut(prefix: prefix, resumingAt: last.range.upperBound, of: file)
    }

    /// Where an order known by its recorded place starts, by line: not known.
    static let unplaced = SourcePosition(line: 0, column: 0)

    /// The skeleton: `prefix`, the empty object in place of the orders, and the file from
    /// `offset` on.
    private mutating func cut(prefix: [UInt8], resumingAt offset: Int, of file: OpenedFile) throws(FileSystem.Failure) {
        skeleton = prefix
        sentinel = skeleton.count
        skeleton += Array("{}".utf8)
        skeleton += try file.read(offset..<file.size)
    }
}

/// The file read on a window at a time into one buffer, keeping what is still needed.
private struct ScanWindow {
    let file: OpenedFile
    /// `storage[0]` is the file's byte at `start`; the first `filled` bytes are read.
    private var storage: [UInt8]
    private var filled = 0
    private var start = 0

    init(file: OpenedFile) {
        self.file = file
        // Not zeroed, and no bigger than the file: only bytes read are ever looked at.
        let capacity = min(2 * FileWindows.size, file.size)
        storage = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
    }

    /// The bytes read and kept.
    var bytes: ArraySlice<UInt8> { storage[0..<filled] }

    /// Reads the next window, keeping what is read from `keeping` on; false at the end.
    mutating func readOn(keeping: Int? = nil) throws(FileSystem.Failure) -> Bool {
        let readTo = start + filled
        guard readTo < file.size else { return false }
        let kept = max(start, min(keeping ?? readTo, readTo))
        let keptCount = readTo - kept
        let wanted = min(file.size - readTo, FileWindows.size)
        if keptCount + wanted > storage.count { storage += [UInt8](repeating: 0, count: keptCount + wanted - storage.count) }
        var got = 0
        var failure: Int32 = 0
        storage.withUnsafeMutableBytes { buffer in
            if keptCount > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + (kept - start), keptCount) }
            got = file.read(into: buffer.baseAddress! + keptCount, count: wanted, at: readTo, failure: &failure)
        }
        if failure != 0 { throw FileSystem.Failure(operation: "read", code: failure) }
        start = kept
        filled = keptCount + got
        return got > 0
    }

    /// Whether the file holds `bytes` at `offset`, reading on as far as it takes and
    /// keeping what is read from `offset` on.
    mutating func holds(_ bytes: [UInt8], at offset: Int) throws(FileSystem.Failure) -> Bool {
        for (index, expected) in bytes.enumerated() where try byte(at: offset + index, keeping: offset) != expected {
            return false
        }
        return true
    }

    /// The byte at `offset`, reading on to it and keeping from `keeping` (else from it);
    /// nil past the end.
    mutating func byte(at offset: Int, keeping: Int? = nil) throws(FileSystem.Failure) -> UInt8? {
        while offset >= start + filled {
            guard try readOn(keeping: keeping ?? offset) else { return nil }
        }
        return offset >= start ? storage[offset - start] : nil
    }

    /// Where `needle` first comes at or after `from`, reading on as far as it takes and
    /// keeping from `keeping` on; nil when the file ends first.
    mutating func find(_ needle: [UInt8], from: Int, keeping: Int? = nil) throws(FileSystem.Failure) -> Int? {
        var searchFrom = from
        while true {
            let last = needle[needle.count - 1]
            let (start, filled) = (start, filled)
            let found: Int? = storage.withUnsafeBufferPointer { buffer in
                var index = max(searchFrom - start, needle.count - 1)
                while index < filled {
                    guard let hit = memchr(buffer.baseAddress! + index, Int32(last), filled - index) else { return nil }
                    let at = buffer.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let first = at - (needle.count - 1)
                    if first + start >= from, needle.withUnsafeBufferPointer({ memcmp(buffer.baseAddress! + first, $0.baseAddress!, needle.count) == 0 }) {
                        return first + start
                    }
                    index = at + 1
                }
                return nil
            }
            if let found { return found }
            searchFrom = max(from, start + filled - (needle.count - 1))
            guard try readOn(keeping: min(keeping ?? searchFrom, searchFrom)) else { return nil }
        }
    }

    /// The white space from `from` on: where it ends, and the line breaks in it.
    mutating func skipWhiteSpace(from: Int) throws(FileSystem.Failure) -> (end: Int, lineBreaks: Int, lastLineStart: Int?) {
        var offset = from, lineBreaks = 0, lastLineStart: Int?
        while let byte = try byte(at: offset) {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            case 0x0A:
                lineBreaks += 1
                lastLineStart = offset + 1
            default: return (offset, lineBreaks, lastLineStart)
            }
            offset += 1
        }
        return (offset, lineBreaks, lastLineStart)
    }

    /// The value of the first member `name` (its line-break and indent included) in `range`,
    /// which the window holds: the text after `: ` to the end of its line, without the comma
    /// that may end it (indexed as the window holds it). A value on one line is whole there,
    /// as no string holds a line break.
    func memberValue(_ name: [UInt8], in range: Range<Int>) -> ArraySlice<UInt8>? {
        let text = storage[(range.lowerBound - start)..<(range.upperBound - start)]
        guard let found = ByteSearch.firstIndex(of: name, in: text) else { return nil }
        let valueStart = found + name.count + 2
        guard valueStart <= text.endIndex, text[valueStart - 2] == UInt8(ascii: ":"), text[valueStart - 1] == UInt8(ascii: " ") else {
            return nil
        }
        var valueEnd = text[valueStart...].firstIndex(of: 0x0A) ?? text.endIndex
        if valueEnd > valueStart, text[valueEnd - 1] == UInt8(ascii: "\r") { valueEnd -= 1 }
        if valueEnd > valueStart, text[valueEnd - 1] == UInt8(ascii: ",") { valueEnd -= 1 }
        return text[valueStart..<valueEnd]
    }

    /// The sketch of the order at `range`, which the window holds; nil when it has none.
    func sketch(of range: Range<Int>) -> TrainingOrder? {
        storage.withUnsafeBufferPointer { bytes in
            OrderSketch.order(in: bytes, at: (range.lowerBound - start)..<(range.upperBound - start))
        }
    }

    /// Where in the file a byte the window holds is, from its index in the window.
    func offset(of index: Int) -> Int { start + index }

    /// The line breaks in `range`, which the window holds.
    func lineBreaks(in range: Range<Int>) -> Int {
        LineBreaks.count(in: storage[(range.lowerBound - start)..<(range.upperBound - start)])
    }
}
