/// Where each order of a sound store file is, in the file's order, as this machine last
/// read or wrote it: kept beside the record of the sound file (`SyncVersions`), so that a
/// command that needs a few orders of a big file reads those and the file around its list
/// of orders, not the whole file to find them.
///
/// Kept as text, a line an order: its id, where its text starts, how long it is, 1 for an
/// open order (new or in progress) else 0, and the number of the order it follows up, or
/// `-` for none.
struct OrderPlaces: Sendable, Equatable {
    struct Place: Sendable, Equatable {
        var id: Int
        var range: Range<Int>
        var isOpen: Bool
        var followUpOf: Int?
    }

    private(set) var places: [Place]

    /// Below this size reading a file's outline (about half a millisecond a megabyte) costs
    /// about what writing the record at each save does: a smaller file's places are not
    /// recorded.
    static let smallestFileRecorded = 1 << 20

    /// Nil unless the places are in the file's order, apart, and inside a file of
    /// `fileSize` bytes, and no number is below 0 (the record keeps plain digits). (That
    /// no two orders have one id is for the reader to check.)
    init?(_ places: [Place], fileSize: Int) {
        var end = 0
        for place in places {
            guard place.id >= 0, (place.followUpOf ?? 0) >= 0, place.range.lowerBound >= end, !place.range.isEmpty else { return nil }
            end = place.range.upperBound
        }
        guard end <= fileSize else { return nil }
        self.places = places
    }

    /// The places as kept: a line each.
    var text: [UInt8] {
        // Five numbers of at most 19 digits a line, each followed by a space or a line break.
        [UInt8](unsafeUninitializedCapacity: places.count * 100) { buffer, count in
            var at = 0
            func write(_ number: Int?, then separator: UInt8) {
                guard let number else {
                    buffer[at] = UInt8(ascii: "-")
                    buffer[at + 1] = separator
                    at += 2
                    return
                }
                var digits = 1
                var rest = number / 10
                while rest > 0 { digits += 1; rest /= 10 }
                rest = number
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[at + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                buffer[at + digits] = separator
                at += digits + 1
            }
            for place in places {
                write(place.id, then: UInt8(ascii: " "))
                write(place.range.lowerBound, then: UInt8(ascii: " "))
                write(place.range.count, then: UInt8(ascii: " "))
                write(place.isOpen ? 1 : 0, then: UInt8(ascii: " "))
                write(place.followUpOf, then: 0x0A)
            }
            count = at
        }
    }

    /// The places kept as `text`, of a file of `fileSize` bytes; nil when the text is not
    /// such a list.
    init?(text: ArraySlice<UInt8>, fileSize: Int) {
        var places: [Place] = []
        var fields = PlainFields(text)
        while !fields.isAtEnd {
            guard let id = fields.next(), let start = fields.next(), let count = fields.next(), let open = fields.next(),
                  open <= 1, let followUpOf = fields.nextOrNone(), fields.endOfLine() else { return nil }
            places.append(Place(id: id, range: start..<start + count, isOpen: open == 1, followUpOf: followUpOf))
        }
        self.init(places, fileSize: fileSize)
    }
}

/// Whole numbers (or `-` for none) parted by single spaces, lines ended by line breaks,
/// read one at a time.
private struct PlainFields {
    private let text: ArraySlice<UInt8>
    private var at: Int

    init(_ text: ArraySlice<UInt8>) {
        self.text = text
        at = text.startIndex
    }

    var isAtEnd: Bool { at == text.endIndex }

    /// The number from here, and the space after it, if any.
    mutating func next() -> Int? {
        let start = at
        while at < text.endIndex, text[at] >= UInt8(ascii: "0"), text[at] <= UInt8(ascii: "9") { at += 1 }
        guard let number = FileOutline.wholeNumber(text[start..<at]) else { return nil }
        if at < text.endIndex, text[at] == UInt8(ascii: " ") { at += 1 }
        return number
    }

    /// The number from here, or none (`-`), and the space after it, if any; nil for
    /// anything else.
    mutating func nextOrNone() -> Int?? {
        guard at < text.endIndex, text[at] == UInt8(ascii: "-") else { return next().map(Optional.some) }
        at += 1
        if at < text.endIndex, text[at] == UInt8(ascii: " ") { at += 1 }
        return .some(nil)
    }

    /// Whether a line ends here; steps past its line break.
    mutating func endOfLine() -> Bool {
        guard at < text.endIndex, text[at] == 0x0A else { return false }
        at += 1
        return true
    }
}
