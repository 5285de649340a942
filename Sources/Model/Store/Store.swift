#if canImport(Glibc)
import Glibc
#endif

/// The store file on disk and the document last read from it. Every change goes through
/// `apply`, which re-reads the file under a lock when someone else changed it, applies the
/// operation on top, and replaces the file atomically.
public final class Store {
    public let path: String
    public private(set) var document: StoreDocument
    /// Why changes cannot be saved (`--read-only`, or a file from a newer fours); nil when they can.
    public let readOnlyReason: String?
    private var fingerprint: FileFingerprint?
    /// The file as it was when opened, written to `PATH.bak` before the first save.
    private var originalBytes: [UInt8]?
    /// The text last written for each order, with the order it was written from: a save
    /// writes again only the orders that changed, which keeps a tick fast in a big store.
    private var writtenOrders: [Int: (order: TrainingOrder, text: EncodedJSON)] = [:]

    /// Opens the store at `path`; a missing file is an empty store, created on the first change.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let contents = try Self.readFile(path)
        let reading = try contents.map { contents throws(StoreError) in try Self.interpret(contents.bytes, path: path) }
        document = reading?.document ?? StoreDocument()
        fingerprint = contents?.fingerprint
        originalBytes = contents?.bytes
        if readOnly {
            readOnlyReason = "opened with --read-only"
        } else if let reading, reading.isNewerVersion, let version = reading.schemaVersion {
            readOnlyReason = "written by a newer fours (schema \(version)); update fours to change it"
        } else {
            readOnlyReason = nil
        }
        if readOnlyReason == nil {
            FileSystem.removeStaleTemporaries(for: path)
            FileSystem.removeStaleTemporaries(for: backupPath)
        }
    }

    /// Whether the file exists yet.
    public var exists: Bool { fingerprint != nil }

    public var backupPath: String { path + ".bak" }

    /// What a save wrote: the document now on disk, including other people's changes made
    /// since the last read, and the operation as it was applied.
    public struct Saved: Sendable {
        public var document: StoreDocument
        public var operation: StoreOperation
    }

    /// Applies one change and saves it.
    @discardableResult
    public func apply(_ operation: StoreOperation) throws(StoreError) -> Saved {
        if let readOnlyReason { throw .readOnly(path: path, reason: readOnlyReason) }
        let lock: Int32
        do { lock = try FileSystem.lock(path) } catch { throw .notSaved(path: path, reason: error.reason) }
        defer { FileSystem.unlock(lock) }

        // Under the lock, the file on disk is the truth: re-read it if anyone changed it.
        let contents = try Self.readFile(path)
        if contents?.fingerprint != fingerprint {
            document = try contents.map { contents throws(StoreError) in
                try Self.interpret(contents.bytes, path: path)
            }?.document ?? StoreDocument()
            fingerprint = contents?.fingerprint
            // Someone else wrote the file: what they changed may include fields this version
            // does not know, which order equality does not see. Write every order afresh.
            writtenOrders = [:]
        }
        var changed = document
        let applied: StoreOperation
        do { applied = try operation.apply(to: &changed) } catch { throw .conflict(error) }
        let bytes = encode(changed)
        do throws(FileSystem.Failure) {
            try writeBackupOnce()
            try FileSystem.replace(path, with: bytes)
            guard let status = try FileSystem.status(of: path) else {
                throw FileSystem.Failure(operation: "stat", code: ENOENT)
            }
            fingerprint = FileFingerprint(status: status, bytes: bytes)
        } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
        document = changed
        return Saved(document: changed, operation: applied)
    }

    private func encode(_ document: StoreDocument) -> [UInt8] {
        var written: [Int: (order: TrainingOrder, text: EncodedJSON)] = [:]
        written.reserveCapacity(document.orders.count)
        let json = document.json { order in
            if let previous = writtenOrders[order.id], previous.order == order {
                written[order.id] = previous
                return .encoded(previous.text)
            }
            let text = EncodedJSON(order.json, depth: StoreDocument.orderDepth)
            written[order.id] = (order, text)
            return .encoded(text)
        }
        writtenOrders = written
        return JSONWriter.bytes(for: json)
    }

    private func writeBackupOnce() throws(FileSystem.Failure) {
        guard let originalBytes else { return }
        try FileSystem.replace(backupPath, with: originalBytes)
        self.originalBytes = nil
    }

    /// Reads the file again when it changed on disk since it was last read. Returns whether
    /// it did. A file that no longer reads is reported and the last good document is kept.
    @discardableResult
    public func reloadIfChanged() throws(StoreError) -> Bool {
        let status: FileStatus?
        do { status = try FileSystem.status(of: path) } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        guard status != fingerprint?.status else { return false }
        let contents = try Self.readFile(path)
        guard contents?.fingerprint.contentHash != fingerprint?.contentHash || contents == nil else {
            fingerprint = contents?.fingerprint
            return false
        }
        let reading = try contents.map { contents throws(StoreError) in try Self.interpret(contents.bytes, path: path) }
        document = reading?.document ?? StoreDocument()
        fingerprint = contents?.fingerprint
        writtenOrders = [:]
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

    /// Reads a store file and lists every problem in it, for `fours check`. Nil when there
    /// is no file.
    public static func check(path: String) throws(StoreError) -> StoreDocument.Reading? {
        guard let contents = try readFile(path) else { return nil }
        do { return StoreDocument.read(try JSONReader.parse(contents.bytes)) } catch {
            throw .syntax(path: path, error)
        }
    }

    private static func readFile(_ path: String) throws(StoreError) -> (bytes: [UInt8], fingerprint: FileFingerprint)? {
        do { return try FileSystem.read(path) } catch { throw .unreadable(path: path, reason: error.reason) }
    }

    /// Parses and checks file content. A file from a newer fours reads as far as it can;
    /// any other problem fails.
    private static func interpret(_ bytes: [UInt8], path: String) throws(StoreError) -> StoreDocument.Reading {
        let json: JSONValue
        do { json = try JSONReader.parse(bytes) } catch { throw .syntax(path: path, error) }
        let reading = StoreDocument.read(json)
        if !reading.isNewerVersion, let problem = reading.problems.first {
            throw .invalid(path: path, problem)
        }
        return reading
    }
}
