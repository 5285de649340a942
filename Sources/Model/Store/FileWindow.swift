import Glibc

/// A file read a window at a time, front to back: a save copies the unchanged orders of the
/// file it replaces, which lie one after the other, so one read serves many of them; a
/// reload compares a file with the text it holds, and a version kept for merges is copied,
/// without either file in memory whole.
struct FileWindow {
    static let size = 1 << 18
    let file: OpenedFile
    private var start = 0
    private var bytes: [UInt8] = []

    init(_ file: OpenedFile) {
        self.file = file
    }

    /// Hands `body` the bytes of `range` a part at a time, in order. A file shorter than
    /// that is a file that changed: `EAGAIN`.
    mutating func forEachPart(of range: Range<Int>,
                              _ body: (ArraySlice<UInt8>) throws(FileSystem.Failure) -> Void) throws(FileSystem.Failure) {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if offset < start || offset >= start + bytes.count {
                start = offset
                bytes = try file.read(offset..<offset + Self.size)
                if bytes.isEmpty {
                    throw FileSystem.Failure(operation: "save", code: EAGAIN, detail: "the file changed while it was being saved")
                }
            }
            let part = bytes[(offset - start)..<(min(range.upperBound, start + bytes.count) - start)]
            try body(part)
            offset += part.count
        }
    }
}
