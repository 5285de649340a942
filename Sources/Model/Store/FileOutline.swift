/// A store file's outline, found by reading it a window at a time: where each order's text
/// is, and the rest of the file with its list of orders left empty, for the JSON reader.
/// Only brackets, strings, commas and line breaks are looked at; the readers check the
/// rest when they read the orders' texts and the rest of the file. A file it cannot
/// outline (not an object with a list of orders that are objects, anything but commas and
/// white space between the orders, text that does not end) gives nil: such a file is
/// read whole, which says what is wrong with it.
struct FileOutline {
    /// Where an order's text is in the file, and the line and column it starts at.
    struct Place: Sendable {
        var range: Range<Int>
        var position: SourcePosition
    }

    /// The file without the orders: `"orders": []` where they were.
    private(set) var skeleton: [UInt8] = []
    private(set) var orders: [Place] = []
    private(set) var style = FileStyle()

    init?(_ file: OpenedFile) throws(FileSystem.Failure) {
        var scan = Scan(file: file)
        guard try scan.run() else { return nil }
        skeleton = scan.skeleton
        orders = scan.orders
        style = scan.style
    }
}

/// Where the scan is in the list of orders.
private enum OrderList {
    case notYet
    case expectingOrder(first: Bool)
    case inOrder(start: Int, position: SourcePosition)
    case afterOrder
    case done

    /// Between the orders, where only an order, a comma or the list's end may come.
    var isBetweenOrders: Bool {
        switch self {
        case .expectingOrder, .afterOrder: true
        default: false
        }
    }
}

private struct Scan {
    let file: OpenedFile
    var skeleton: [UInt8] = []
    var orders: [FileOutline.Place] = []
    var style = FileStyle()

    /// A window of the file: `buffer[0]` is the byte at `bufferStart`.
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var index = 0
    private var readTo = 0
    /// How far the skeleton has been copied; nil inside the list of orders.
    private var copiedTo: Int? = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var seenTop = false
    /// At the top level: the next string is a member's name.
    private var expectingName = false
    /// At the top level: the value that comes next is the member "orders".
    private var valueIsOrders = false
    private var list = OrderList.notYet

    init(file: OpenedFile) {
        self.file = file
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
    private static let orders = Array("orders".utf8)

    /// False when the file cannot be outlined.
    mutating func run() throws(FileSystem.Failure) -> Bool {
        guard try readOn() else { return false }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            style.hasByteOrderMark = true
            index = 3
            lineStart = 3
        }
        var seenNewline = false
        while true {
            if index == buffer.count {
                guard try readOn() else { break }
            }
            let byte = buffer[index]
            let offset = bufferStart + index
            switch byte {
            case Self.quote:
                guard let close = try closingQuote() else { return false }
                guard depth > 0, !(depth == 2 && list.isBetweenOrders) else { return false }
                if depth == 1 {
                    valueIsOrders = expectingName && buffer[(index + 1)..<close].elementsEqual(Self.orders)
                    expectingName = false
                }
                index = close + 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case Self.newline:
                if !seenNewline {
                    seenNewline = true
                    style.usesCRLF = index > 0 && buffer[index - 1] == UInt8(ascii: "\r")
                }
                line += 1
                lineStart = offset + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard open(byte, at: offset) else { return false }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard close(byte, at: offset) else { return false }
            case UInt8(ascii: ","):
                if depth == 1 { expectingName = true }
                if depth == 2, case .afterOrder = list { list = .expectingOrder(first: false) } else if depth == 2 && list.isBetweenOrders {
                    return false
                }
            default:
                guard depth > 0, !(depth == 2 && list.isBetweenOrders) else { return false }
                if depth == 1 && byte != UInt8(ascii: ":") { valueIsOrders = false }
            }
            index += 1
        }
        guard seenTop, depth == 0, let copiedTo else { return false }
        skeleton += buffer[(copiedTo - bufferStart)...]
        return true
    }

    private mutating func open(_ byte: UInt8, at offset: Int) -> Bool {
        switch depth {
        case 0:
            guard byte == UInt8(ascii: "{"), !seenTop else { return false }
            seenTop = true
            expectingName = true
        case 1:
            if valueIsOrders, byte == UInt8(ascii: "["), case .notYet = list, let copiedTo {
                list = .expectingOrder(first: true)
                skeleton += buffer[(copiedTo - bufferStart)...index]
                self.copiedTo = nil
            }
            valueIsOrders = false
        case 2 where list.isBetweenOrders:
            guard byte == UInt8(ascii: "{"), case .expectingOrder = list else { return false }
            list = .inOrder(start: offset, position: SourcePosition(line: line, column: offset - lineStart + 1))
        default:
            break
        }
        depth += 1
        return true
    }

    private mutating func close(_ byte: UInt8, at offset: Int) -> Bool {
        switch (depth, list) {
        case (0, _):
            return false
        case (2, .expectingOrder(first: false)):
            // A comma before the end of the list.
            return false
        case (2, .expectingOrder), (2, .afterOrder):
            guard byte == UInt8(ascii: "]") else { return false }
            list = .done
            copiedTo = offset
        case (3, .inOrder(let start, let position)):
            guard byte == UInt8(ascii: "}") else { return false }
            orders.append(FileOutline.Place(range: start..<offset + 1, position: position))
            list = .afterOrder
        default:
            break
        }
        depth -= 1
        return true
    }

    /// The index of the quote that ends the string starting at `index`, reading on as
    /// far as it takes; nil when the file ends first.
    private mutating func closingQuote() throws(FileSystem.Failure) -> Int? {
        while true {
            let close = buffer.withUnsafeBufferPointer { bytes in
                JSONReader.closingQuote(in: bytes.baseAddress!, from: index + 1, to: bytes.count)
            }
            if let close { return close }
            guard try readOn() else { return nil }
        }
    }

    /// Reads the next window, keeping the buffer from `index` on; false at the file's end.
    private mutating func readOn() throws(FileSystem.Failure) -> Bool {
        guard readTo < file.size else { return false }
        let next = try file.read(readTo..<min(file.size, readTo + FileWindows.size))
        guard !next.isEmpty else { return false }
        if let copiedTo, copiedTo - bufferStart < index {
            skeleton += buffer[(copiedTo - bufferStart)..<index]
            self.copiedTo = bufferStart + index
        }
        buffer = Array(buffer[index...]) + next
        bufferStart += index
        index = 0
        readTo += next.count
        return true
    }
}
