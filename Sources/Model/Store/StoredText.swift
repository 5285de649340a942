/// A stretch of the store file as this store last read or wrote it, with a digest of its
/// bytes: an unchanged order is written again by copying it from the file, and known
/// again on a reload by its digest, so its text need not stay in memory.
struct StoredText: Sendable, Equatable {
    var range: Range<Int>
    var digest: Int

    init(range: Range<Int>, digest: Int) {
        self.range = range
        self.digest = digest
    }

    /// The stretch `range` of `bytes`, digested.
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.init(range: range, digest: Self.digest(of: bytes[range]))
    }

    /// What tells two texts apart: their length and digest. The digest is keyed afresh in
    /// each process (Swift's `Hasher`), so no file can be made to collide.
    struct Identity: Hashable {
        var count: Int
        var digest: Int
    }

    var identity: Identity { Identity(count: range.count, digest: digest) }

    static func identity(of text: ArraySlice<UInt8>) -> Identity {
        Identity(count: text.count, digest: digest(of: text))
    }

    static func digest(of text: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        text.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

/// A piece of a file being written: bytes at hand, or a stretch to copy from the file
/// being replaced.
enum TextPiece: Sendable, Equatable {
    case bytes(ArraySlice<UInt8>)
    case stored(StoredText)

    var count: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .stored(let text): text.range.count
        }
    }
}
