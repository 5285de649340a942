#if canImport(Glibc)
import Glibc
#endif

/// The store file on disk and the document last read from it. Every change goes through
/// `apply`, which re-reads the file under a lock when someone else changed it, applies the
/// operation on top, and replaces the file atomically.
public final class Store {
    public let path: String
    public private(set) var document: StoreDocument
    private var fingerprint: FileFingerprint?

    /// Opens the store at `path`; a missing file is an empty store, created on the first change.
    public init(path: String) throws(StoreError) {
        self.path = path
        let (document, fingerprint) = try Self.read(path)
        self.document = document ?? StoreDocument()
        self.fingerprint = fingerprint
    }

    /// Whether the file exists yet.
    public var exists: Bool { fingerprint != nil }

    /// Applies one change and saves it. On success the returned document is what is now on
    /// disk, including other people's changes made since the last read.
    @discardableResult
    public func apply(_ operation: StoreOperation) throws(StoreError) -> StoreDocument {
        let lock: Int32
        do { lock = try FileSystem.lock(path) } catch { throw .notSaved(path: path, reason: error.reason) }
        defer { FileSystem.unlock(lock) }

        try reloadIfChanged()
        var changed = document
        do { try operation.apply(to: &changed) } catch { throw .conflict(error) }
        let bytes = JSONWriter.bytes(for: changed.json)
        do {
            try FileSystem.replace(path, with: bytes)
            fingerprint = try FileSystem.fingerprint(of: path)
        } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
        document = changed
        return changed
    }

    /// Reads the file again when it changed on disk since it was last read. Returns whether
    /// it did. A file that no longer reads is reported and the last good document is kept.
    @discardableResult
    public func reloadIfChanged() throws(StoreError) -> Bool {
        let current: FileFingerprint?
        do { current = try FileSystem.fingerprint(of: path) } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        guard current != fingerprint else { return false }
        let (document, fingerprint) = try Self.read(path)
        self.document = document ?? StoreDocument()
        self.fingerprint = fingerprint
        return true
    }

    /// Writes a new store file; refuses to replace one that exists.
    public static func create(path: String, document: StoreDocument) throws(StoreError) {
        do {
            try FileSystem.replace(path, with: JSONWriter.bytes(for: document.json), exclusive: true)
        } catch {
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .notSaved(path: path, reason: error.reason)
        }
    }

    /// Reads and checks a store file without opening it for changes.
    public static func validate(path: String) throws(StoreError) -> StoreDocument? {
        try read(path).document
    }

    private static func read(_ path: String) throws(StoreError) -> (document: StoreDocument?, fingerprint: FileFingerprint?) {
        let contents: (bytes: [UInt8], fingerprint: FileFingerprint)?
        do { contents = try FileSystem.read(path) } catch { throw .unreadable(path: path, reason: error.reason) }
        guard let contents else { return (nil, nil) }
        let json: JSONValue
        do { json = try JSONReader.parse(contents.bytes) } catch { throw .syntax(path: path, error) }
        do { return (try StoreDocument(json: json), contents.fingerprint) } catch {
            throw .invalid(path: path, error)
        }
    }
}
