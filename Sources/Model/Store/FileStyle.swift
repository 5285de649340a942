/// How a store file was laid out beyond its JSON: the line endings and a byte-order mark.
/// A save keeps them, so that a file edited on Windows is not rewritten line by line.
struct FileStyle: Sendable, Equatable {
    var usesCRLF = false
    var hasByteOrderMark = false

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init() {}

    /// The style of existing content: CRLF when its first line ends so.
    init(of bytes: some BidirectionalCollection<UInt8>) {
        hasByteOrderMark = bytes.starts(with: Self.byteOrderMark)
        if let newline = bytes.firstIndex(of: 0x0A) {
            usesCRLF = newline != bytes.startIndex && bytes[bytes.index(before: newline)] == 0x0D
        }
    }

    /// A document written in pieces with LF line breaks, laid out in this style. Text
    /// copied from the file is already in its style.
    func apply(to pieces: [TextPiece]) -> [TextPiece] {
        guard usesCRLF || hasByteOrderMark else { return pieces }
        var styled = FileStyle(usesCRLF: usesCRLF)
        return pieces.enumerated().map { index, piece in
            guard case .bytes(let bytes) = piece else { return piece }
            styled.hasByteOrderMark = hasByteOrderMark && index == 0
            return .bytes(styled.apply(to: Array(bytes))[...])
        }
    }

    private init(usesCRLF: Bool) {
        self.usesCRLF = usesCRLF
    }

    /// Text written with LF line breaks, laid out in this style. JSON strings never hold a
    /// raw line break, so every LF is one between lines.
    func apply(to bytes: [UInt8]) -> [UInt8] {
        guard usesCRLF || hasByteOrderMark else { return bytes }
        var output: [UInt8] = hasByteOrderMark ? Self.byteOrderMark : []
        guard usesCRLF else { return output + bytes }
        output.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte == 0x0A { output.append(0x0D) }
            output.append(byte)
        }
        return output
    }
}
