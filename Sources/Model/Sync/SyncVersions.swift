#if canImport(Glibc)
import Glibc
#endif

/// The versions of a store this machine read from elsewhere (another machine's save, as a
/// file-sync service brought it), kept under `$XDG_STATE_HOME/fours/versions/`: the
/// ancestors a conflicted copy can be merged against. Its own saves are not kept: a copy of
/// one of them carries changes that only this machine made, and must not be taken as
/// the version it grew from.
public final class SyncVersions {
    public static let kept = 30
    let folder: String
    private var written: String { folder + "/written" }
    /// A version read but not yet kept: writing it waits until the screen is drawn.
    private var pending: (bytes: [UInt8], status: FileStatus)?

    public init(storePath: String, stateFolder: String) {
        let file = FileSystem.resolvingLinks(RepositoryFiles.absolute(storePath))
        folder = "\(stateFolder)/versions/\(FileSystem.baseName(of: file))-\(Self.hash(file))"
    }

    /// The state folder for an environment: `$XDG_STATE_HOME/fours`, else `~/.local/state/fours`.
    public static func stateFolder(environment: [String: String]) -> String {
        FileSystem.parentFolder(of: ViewPreferences.path(environment: environment))
    }

    /// The bytes just read from the store, with the file's status, are to be kept unless
    /// this machine wrote them (`keepPending` writes them).
    func sawRead(_ bytes: [UInt8], status: FileStatus) {
        pending = (bytes, status)
    }

    /// Keeps the version last read, if it is to be kept. A copy, not a second name: a
    /// program that rewrites the store in place would change a second name too.
    public func keepPending() {
        guard let (bytes, status) = pending else { return }
        pending = nil
        guard (try? FileSystem.read(written))?.map({ String(decoding: $0.bytes, as: UTF8.self) }) != Self.text(status) else {
            return
        }
        let name = "\(folder)/\(status.modifiedSeconds)-\(status.modifiedNanoseconds)-\(status.inode).json"
        guard access(name, F_OK) != 0 else { return }
        do { try FileSystem.replace(name, with: bytes) } catch { return }
        prune()
    }

    /// This machine just wrote the file with this status.
    func sawWrite(_ status: FileStatus) {
        try? FileSystem.makeFolders(folder)
        try? FileSystem.replace(written, with: Array(Self.text(status).utf8))
    }

    /// The kept version nearest to `copy`: the one it most likely grew from. Nil when none is kept.
    public func nearest(to copy: StoreDocument) -> StoreDocument? {
        keepPending()
        let target = copy.json
        var best: (document: StoreDocument, distance: Int)?
        for path in versionFiles() {
            guard let document = try? Store.readForMerge(path: path) else { continue }
            let distance = JSONDistance.between(document.json, target, limit: best?.distance ?? .max)
            if best == nil || distance < best!.distance { best = (document, distance) }
        }
        return best?.document
    }

    private func versionFiles() -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        // Named by modification time: newest first.
        return names.sorted { Self.sortKey($0) > Self.sortKey($1) }.map { "\(folder)/\($0)" }
    }

    private func prune() {
        for path in versionFiles().dropFirst(Self.kept) { unlink(path) }
    }

    private static func sortKey(_ name: String) -> (Int, Int) {
        let parts = name.split(separator: "-")
        return (parts.count > 0 ? Int(parts[0]) ?? 0 : 0, parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    private static func text(_ status: FileStatus) -> String {
        "\(status.device) \(status.inode) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds)"
    }

    /// FNV-1a of the path: one folder per store, whatever its name.
    private static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
