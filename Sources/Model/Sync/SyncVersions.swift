import Dispatch
import Glibc

/// The versions of a store this machine read from elsewhere (another machine's save, as a
/// file-sync service brought it), kept under `$XDG_STATE_HOME/fours/versions/`: the
/// ancestors a conflicted copy can be merged against. Its own saves are not kept: a copy of
/// one of them carries changes that only this machine made, and must not be taken as
/// the version it grew from.
public final class SyncVersions {
    public static let kept = 30
    /// While the store stays open, a version is kept at most this often: an older version
    /// is still one a copy grew from, only with more to merge.
    public static let keptEvery: Int64 = 600
    let folder: String
    private var written: String { folder + "/written" }
    /// A version read but not yet kept: writing it waits until the screen is drawn.
    private var pending: OpenedFile?
    /// Versions are written on another thread, so that keeping one never holds up a key.
    private let writing = DispatchGroup()
    private var lastKept: ContinuousClock.Instant?

    public init(storePath: String, stateFolder: String) {
        folder = "\(stateFolder)/versions/\(Self.key(for: storePath))"
    }

    /// The state folder for an environment: `$XDG_STATE_HOME/fours`, else `~/.local/state/fours`.
    public static func stateFolder(environment: [String: String]) -> String {
        FileSystem.parentFolder(of: ViewPreferences.path(environment: environment))
    }

    /// The store file just read, held open, is to be kept unless this machine wrote it
    /// (`keepPending` copies it).
    func sawRead(_ file: OpenedFile) {
        pending = file
    }

    /// Keeps the version last read, if it is to be kept, on another thread. A copy, not a
    /// second name: a program that rewrites the store in place would change a second name too.
    public func keepPending() {
        guard let file = pending else { return }
        pending = nil
        let status = file.status
        let now = ContinuousClock.now
        if let lastKept, now - lastKept < .seconds(Self.keptEvery) { return }
        guard (try? FileSystem.read(written))?.map({ String(decoding: $0.bytes, as: UTF8.self) }) != Self.text(status) else {
            return
        }
        lastKept = now
        let (folder, name) = (folder, "\(status.modifiedSeconds)-\(status.modifiedNanoseconds)-\(status.inode).json")
        DispatchQueue.global(qos: .utility).async(group: writing) {
            let path = "\(folder)/\(name)"
            let whole = TextPiece.stored(StoredText(range: 0..<file.size, digest: nil))
            guard access(path, F_OK) != 0, (try? FileSystem.writeWithoutSync(path, with: [whole], copyingFrom: file)) != nil else {
                return
            }
            // Changed in place while it was copied: not the version read.
            guard file.holdsSameText else {
                unlink(path)
                return
            }
            Self.prune(folder)
        }
    }

    /// This machine just wrote the file with this status.
    func sawWrite(_ status: FileStatus) {
        try? FileSystem.writeWithoutSync(written, with: Array(Self.text(status).utf8))
    }

    /// The kept version nearest to `copy`: the one it most likely grew from. Nil when none is kept.
    public func nearest(to copy: StoreDocument) -> StoreDocument? {
        keepPending()
        writing.wait()
        let target = copy.json
        var best: (document: StoreDocument, distance: Int)?
        for path in Self.versionFiles(in: folder) {
            guard let document = try? Store.readForMerge(path: path) else { continue }
            let distance = JSONDistance.between(document.json, target, limit: best?.distance ?? .max)
            if best == nil || distance < best!.distance { best = (document, distance) }
        }
        return best?.document
    }

    private static func versionFiles(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        // Named by modification time: newest first.
        return names.sorted { sortKey($0) > sortKey($1) }.map { "\(folder)/\($0)" }
    }

    private static func prune(_ folder: String) {
        for path in versionFiles(in: folder).dropFirst(kept) { unlink(path) }
    }

    private static func sortKey(_ name: String) -> (Int, Int) {
        let parts = name.split(separator: "-")
        return (parts.count > 0 ? Int(parts[0]) ?? 0 : 0, parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    private static func text(_ status: FileStatus) -> String {
        "\(status.device) \(status.inode) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds)"
    }

    /// A name for what this machine keeps about one store: its file's name and a hash of
    /// its whole path (FNV-1a), so that two stores of one name do not share it.
    public static func key(for storePath: String) -> String {
        let file = FileSystem.resolvingLinks(RepositoryFiles.absolute(storePath))
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in file.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return "\(FileSystem.baseName(of: file))-\(String(value, radix: 16))"
    }
}
