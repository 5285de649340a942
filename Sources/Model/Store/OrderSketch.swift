import Glibc

/// An order known only by what places it in a list: its number and status, when it is due,
/// its priority, when it was received and closed, who carries it and its type. These are
/// found on the order's own lines without parsing the order, so that a big store's queue
/// can be sorted, counted and drawn before its orders are read whole; every other field of
/// a sketched order stays empty till then.
///
/// A sketch is made of every order while the file is outlined, before the first frame, so
/// it reads the bytes itself rather than through the order details' table, whose values,
/// closures and key paths would cost it more than the rest of the outline;
/// `OrderSketchTests` holds each field to what reading the order whole gives.
struct OrderSketch {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var id: Int?
    private var status: OrderStatus?
    private var details = OrderDetails.unread

    private static let quote = UInt8(ascii: "\"")

    /// How a member of an order starts as fours writes it: a line break, six spaces, a quote.
    /// Whatever a member's value holds is indented further, so only the order's own members
    /// start so.
    private static let memberStart = Array("\n      \"".utf8)

    /// The sketch of the order whose text is `bytes[range]`: each of the order's members is
    /// looked at, in whatever order they come. Nil when it has no id or status, or a member
    /// it takes is not as fours writes it or holds a value its field does not take: the
    /// order must then be read whole.
    static func order(in bytes: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> TrainingOrder? {
        var sketch = OrderSketch(bytes: bytes, end: range.upperBound)
        var at = range.lowerBound
        while let start = sketch.nextMember(from: at) {
            guard let next = sketch.takeMember(at: start) else { return nil }
            at = next
        }
        guard let id = sketch.id, let status = sketch.status else { return nil }
        sketch.details.status = status
        return TrainingOrder(id: id, details: sketch.details, checklist: Checklist())
    }

    /// Where the next line of a member of the order starts (its line break), from `start` on.
    private func nextMember(from start: Int) -> Int? {
        guard start < end else { return nil }
        return Self.memberStart.withUnsafeBufferPointer { member in
            ByteSearch.firstPlace(of: member, in: UnsafeBufferPointer(rebasing: bytes[start..<end])).map { start + $0 }
        }
    }

    /// Takes the member whose line starts at the line break `start`, when the sketch has
    /// it; returns where to look on from, nil when it cannot be taken.
    private mutating func takeMember(at start: Int) -> Int? {
        let nameStart = start + 8
        var nameEnd = nameStart
        while nameEnd < end && bytes[nameEnd] != Self.quote { nameEnd += 1 }
        guard nameEnd + 3 < end, bytes[nameEnd + 1] == UInt8(ascii: ":"), bytes[nameEnd + 2] == UInt8(ascii: " ") else { return nil }
        let value = nameEnd + 3
        switch member(named: nameStart..<nameEnd) {
        case nil: return nameEnd
        case .id:
            guard let number = FileOutline.wholeNumber(bytes[value..<lineEnd(from: value)]) else { return nil }
            id = number
        case .status:
            guard let status = FileOutline.status(bytes[value..<lineEnd(from: value)]) else { return nil }
            self.status = status
        case .closedOn: details.closedOn = day(at: value) ?? nil
        case .due: details.due = day(at: value) ?? nil
        case .received:
            guard let day = day(at: value), let day else { return nil }
            details.received = day
        case .priority:
            guard let priority = string(at: value).flatMap(Priority.init(rawValue:)) else { return nil }
            details.priority = priority
        case .type:
            guard let type = string(at: value) else { return nil }
            details.type = type
        case .owners:
            guard let (owners, after) = strings(at: value) else { return nil }
            details.owners = owners
            return after
        }
        return value
    }

    /// The members a sketch takes.
    private enum Member: String {
        case closedOn, due, id, owners, priority, received, status, type
    }

    /// The member a sketch takes with the name at `range`; nil for the others. Told apart
    /// by their first letters, which differ, and then compared whole.
    private func member(named range: Range<Int>) -> Member? {
        let member: Member
        switch bytes[range.lowerBound] {
        case UInt8(ascii: "c"): member = .closedOn
        case UInt8(ascii: "d"): member = .due
        case UInt8(ascii: "i"): member = .id
        case UInt8(ascii: "o"): member = .owners
        case UInt8(ascii: "p"): member = .priority
        case UInt8(ascii: "r"): member = .received
        case UInt8(ascii: "s"): member = .status
        case UInt8(ascii: "t"): member = .type
        default: return nil
        }
        return member.rawValue.utf8.elementsEqual(bytes[range]) ? member : nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The day written as a string at `start` (its line's value); nil when it is not a
    /// day, and .some(nil) for a day left empty (`null`).
    private func day(at start: Int) -> CalendarDay?? {
        if isNull(at: start) { return .some(nil) }
        return string(at: start).flatMap(CalendarDay.init(iso:)).map(Optional.some)
    }

    private func isNull(at start: Int) -> Bool {
        let null = "null".utf8
        return start + null.count <= end && zip(bytes[start..<start + null.count], null).allSatisfy { $0 == $1 }
            && lineEnd(from: start) == start + null.count
    }

    /// The string written with no escapes from `start` to the end of its line (but for the
    /// comma that may end it); nil for anything else.
    private func string(at start: Int) -> String? {
        let close = lineEnd(from: start)
        guard close - start >= 2, bytes[start] == Self.quote, bytes[close - 1] == Self.quote else { return nil }
        for byte in bytes[start + 1..<close - 1] where byte == Self.quote || byte == UInt8(ascii: "\\") || byte < 0x20 {
            return nil
        }
        return text(start + 1..<close - 1)
    }

    /// A list of such strings opened at `start` and closed on a line of its own at the
    /// member's indent, each string on a line; with where it ends.
    private func strings(at start: Int) -> (strings: [String], end: Int)? {
        guard bytes[start] == UInt8(ascii: "["), lineEnd(from: start) == start + 1 else { return nil }
        var strings: [String] = []
        var lineBreak = start + 1
        while lineBreak < end, bytes[lineBreak] == 0x0A || bytes[lineBreak] == UInt8(ascii: "\r") {
            if bytes[lineBreak] == UInt8(ascii: "\r") { lineBreak += 1 }
            var at = lineBreak + 1
            while at < end && bytes[at] == UInt8(ascii: " ") { at += 1 }
            guard at < end else { return nil }
            if bytes[at] == UInt8(ascii: "]") { return at - lineBreak == 7 ? (strings, at + 1) : nil }
            let close = lineEnd(from: at)
            guard at - lineBreak == 9, close < end, let string = string(at: at) else { return nil }
            strings.append(string)
            lineBreak = close + (bytes[close] == UInt8(ascii: ",") ? 1 : 0)
        }
        return nil
    }

    /// Where the value on the line from `start` ends: before the comma that may end the
    /// line, and before its line break.
    private func lineEnd(from start: Int) -> Int {
        var at = start
        while at < end && bytes[at] != 0x0A { at += 1 }
        if at > start && bytes[at - 1] == UInt8(ascii: "\r") { at -= 1 }
        if at > start && bytes[at - 1] == UInt8(ascii: ",") { at -= 1 }
        return at
    }
}
