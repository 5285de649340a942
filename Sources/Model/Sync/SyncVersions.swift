import Dispatch
import Glibc

/// The versions of a store this machine read or wrote, each under the id of the save that
/// wrote it, in `$XDG_STATE_HOME/fours/versions/`: the ancestors a file-sync service's
/// conflicted copy is merged against. A copy and the store both list the saves they grew
/// from (`StoreLineage`); the newest save on both lists whose version is kept here is their
/// common ancestor, known by identity. A version is a second name of the file read or
/// written, so keeping one takes no time and no room of its own until the store moves on;
/// where the state folder is on another file system, it is a copy.
public final class SyncVersions {
    /// The newest versions kept, whatever their age; older ones are kept one a day.
    public static let keptRecent = 20
    public static let keptDays = 14
    /// The room the versions of one store may take, together.
    public static let keptBytes = 256 << 20
    let folder: String
    /// The file just read, while its version is not kept yet.
    private var pending: (file: OpenedFile, revision: Revision)?
    /// Copies are written on another thread, so that keeping one never holds up a key.
    private let writing = DispatchGroup()

    public init(storePath: String, stateFolder: String) {
        folder = "\(stateFolder)/versions/\(Self.key(for: storePath))"
    }

    /// The state folder for an environment: `$XDG_STATE_HOME/fours`, else `~/.local/state/fours`.
    public static func stateFolder(environment: [String: String]) -> String {
        FileSystem.parentFolder(of: ViewPreferences.path(environment: environment))
    }

    /// The store's file just read, held open: its version is to be kept (`keepPending`)
    /// unless it is kept already, or no save of this kind wrote it.
    func sawRead(_ file: OpenedFile, revision: Revision?) {
        guard let revision, !isKept(revision) else {
            pending = nil
            return
        }
        pending = (file, revision)
    }

    /// Keeps the version last read, if it is to be kept. Returns whether the file read got
    /// a second name (which moves its change time, not its text).
    @discardableResult
    func keepPending(inBackground: Bool) -> Bool {
        guard let (file, revision) = pending else { return false }
        pending = nil
        return keep(file, as: revision, inBackground: inBackground)
    }

    /// Keeps the file at `path` (the store just written, or a copy just merged) as the
    /// version of the save `revision`. Returns whether the file got a second name.
    @discardableResult
    public func keep(fileAt path: String, revision: Revision?) -> Bool {
        guard let revision, let file = try? OpenedFile.open(path) else { return false }
        return keep(file, as: revision, inBackground: true)
    }

    /// The version of the newest of `saves` kept here (saves listed newest first); nil when
    /// none is. A version whose file no longer holds that save (something rewrote it in
    /// place) is passed over.
    public func version(ofNewest saves: [Revision]) -> StoreDocument? {
        writing.wait()
        for revision in saves where isKept(revision) {
            guard let document = try? Store.readForMerge(path: path(of: revision)), document.lineage.latest == revision else {
                continue
            }
            return document
        }
        return nil
    }

    private func path(of revision: Revision) -> String {
        "\(folder)/\(revision.id).json"
    }

    private func isKept(_ revision: Revision) -> Bool {
        access(path(of: revision), F_OK) == 0
    }

    private func keep(_ file: OpenedFile, as revision: Revision, inBackground: Bool) -> Bool {
        guard (try? FileSystem.makePrivateFolder(folder)) != nil else { return false }
        let (folder, path) = (folder, path(of: revision))
        if file.link(as: path) {
            // Letting a big version go frees its blocks: 6 ms for 24 MB that no key waits on.
            DispatchQueue.global(qos: .utility).async(group: writing) { Self.prune(folder) }
            return true
        }
        guard errno != EEXIST else { return false }
        let copy: @Sendable () -> Void = {
            let whole = TextPiece.stored(StoredText(range: 0..<file.size, digest: nil))
            guard (try? FileSystem.writeWithoutSync(path, with: [whole], copyingFrom: file)) != nil else { return }
            // Changed in place while it was copied: not the version read.
            guard file.holdsSameText else {
                unlink(path)
                return
            }
            Self.prune(folder)
        }
        if inBackground { DispatchQueue.global(qos: .utility).async(group: writing, execute: copy) } else { copy() }
        return false
    }

    /// Keeps the newest versions, and one a day of the older ones for two weeks, within
    /// `keptBytes` (the newest three whatever their size).
    private static func prune(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        var versions: [(name: String, modified: Int, size: Int)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            var status = stat()
            guard name.hasSuffix(".json"), !name.hasPrefix("."), lstat("\(folder)/\(name)", &status) == 0 else { continue }
            versions.append((name, status.st_mtim.tv_sec, Int(status.st_size)))
        }
        closedir(directory)
        versions.sort { $0.modified > $1.modified }
        var (days, bytes) = (Set<Int>(), 0)
        let newest = (versions.first?.modified ?? 0) / 86_400
        for (place, version) in versions.enumerated() {
            bytes += version.size
            let day = version.modified / 86_400
            let isKept = place < 3 || bytes <= keptBytes
                && (place < keptRecent || newest - day < keptDays && days.insert(day).inserted)
            if !isKept { unlink("\(folder)/\(version.name)") }
        }
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
