/// A stretch of the store file as this store last read or wrote it, with a digest of its
/// bytes: an unchanged order is written again by copying it from the file, and known
/// again on a reload by its digest, so its text need not stay in memory.
struct StoredText: Sendable, Equatable {
    var range: Range<Int>
    /// Nil till it is taken: a big store's orders are digested after the first frame.
    var digest: Int?

    init(range: Range<Int>, digest: Int?) {
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

    /// Nil before the text is digested: it is then like no other text.
    var identity: Identity? { digest.map { Identity(count: range.count, digest: $0) } }

    static func identity(of text: ArraySlice<UInt8>) -> Identity {
        Identity(count: text.count, digest: digest(of: text))
    }

    static func digest(of text: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        text.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The texts with every missing digest taken from `bytes`, on every core.
    static func digested(_ texts: [Int: StoredText], in bytes: [UInt8]) -> [Int: StoredText] {
        let missing = texts.filter { $0.value.digest == nil }.map { (id: $0.key, range: $0.value.range) }
        var texts = texts
        for (id, digest) in digests(of: missing, in: bytes) { texts[id]?.digest = digest }
        return texts
    }

    /// The digests of the stretches of `bytes` at `places`, by id, taken on every core.
    static func digests(of places: [(id: Int, range: Range<Int>)], in bytes: [UInt8]) -> [Int: Int] {
        let digests = ParallelMap.map(places.count, perWorker: 1024) { digest(of: bytes[places[$0].range]) } ?? []
        return Dictionary(uniqueKeysWithValues: zip(places.map(\.id), digests))
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
