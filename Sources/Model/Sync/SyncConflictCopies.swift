import Glibc

/// The copies that file-sync services leave beside a file two machines changed at once.
/// Each service names them its own way; this table is the one place that knows how.
public enum SyncConflictCopies {
    /// A service and how it names the copy of `stem.ext` (`orders` and `.json`).
    public struct Naming: Sendable {
        public var service: String
        /// A copy of `orders.json` named this way.
        public var example: String
        /// Whether the name alone says the file is a conflicted copy. A name a person could
        /// have chosen too (`orders-Q4-2025.json`, `orders (1).json`) is merged only when
        /// the file is provably a copy of the store, and is never renamed.
        public var isCertain: Bool
        let matches: @Sendable (_ inner: Substring) -> Bool
        /// What stands before and after the inner part: `stem + prefix`, `suffix + ext`.
        let prefix: String
        let suffix: String

        /// The inner part of `name` when it has this naming's shape around `stem.ext`.
        func inner(of name: String, stem: String, ext: String) -> Substring? {
            let (head, tail) = (stem + prefix, suffix + ext)
            guard name.count > head.count + tail.count, name.hasPrefix(head), name.hasSuffix(tail) else { return nil }
            return name.dropFirst(head.count).dropLast(tail.count)
        }
    }

    /// The word "conflict" as the services that translate their copies' names write it.
    private static let conflictWords = ["conflict", "konflikt", "conflit", "conflicto", "conflitto", "conflito"]

    public static let namings: [Naming] = [
        Naming(service: "Dropbox, Nextcloud", example: "orders (Bob's conflicted copy 2026-11-25).json", isCertain: true,
               matches: { inner in conflictWords.contains { inner.lowercased().contains($0) } }, prefix: " (", suffix: ")"),
        Naming(service: "ownCloud", example: "orders_conflict-20261125-101500.json", isCertain: true,
               matches: { inner in inner.allSatisfy { $0.isNumber || $0 == "-" } }, prefix: "_conflict-", suffix: ""),
        Naming(service: "Syncthing", example: "orders.sync-conflict-20261125-101500-ABCDEFG.json", isCertain: true,
               matches: { _ in true }, prefix: ".sync-conflict-", suffix: ""),
        // The other computer's name: Windows's own (DESKTOP-7Q2XK4M), any other
        // (FINANCE01), a Mac's (Bobs-MacBook-Pro). A person's file can look the same.
        Naming(service: "OneDrive, SharePoint", example: "orders-DESKTOP-7Q2XK4M.json", isCertain: false,
               matches: { inner in inner.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }, prefix: "-", suffix: ""),
        Naming(service: "Google Drive", example: "orders (1).json", isCertain: false,
               matches: { inner in inner.allSatisfy(\.isNumber) }, prefix: " (", suffix: ")"),
    ]

    /// The naming by which `name` is a copy of `storeName`; nil when it is none.
    public static func naming(of name: String, copyOf storeName: String) -> Naming? {
        let dot = storeName.lastIndex(of: ".") ?? storeName.endIndex
        let (stem, ext) = (String(storeName[..<dot]), String(storeName[dot...]))
        return namings.first { naming in naming.inner(of: name, stem: stem, ext: ext).map(naming.matches) ?? false }
    }

    /// The service whose conflicted copy of `storeName` the file `name` may be; nil when it is none.
    public static func service(naming name: String, copyOf storeName: String) -> String? {
        naming(of: name, copyOf: storeName)?.service
    }

    /// The files beside the store at `path` named like its copies, oldest name first.
    public static func find(besideStoreAt path: String) -> [SyncCopy] {
        let file = FileSystem.resolvingLinks(path)
        let folder = FileSystem.parentFolder(of: file)
        let storeName = FileSystem.baseName(of: file)
        var storeStatus = stat()
        let owner = stat(file, &storeStatus) == 0 ? storeStatus.st_uid : geteuid()
        // Every service's copy starts with the store's name up to its extension: the other
        // names in a crowded folder are passed over by their first bytes, looked at once a second.
        let stem = Array(storeName[..<(storeName.lastIndex(of: ".") ?? storeName.endIndex)].utf8)
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [SyncCopy] = []
        while let entry = readdir(directory) {
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                guard bytes.starts(with: stem) else { return nil }
                return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let name, name != storeName, let naming = naming(of: name, copyOf: storeName) else { continue }
            found.append(SyncCopy(path: "\(folder)/\(name)", naming: naming, owner: owner))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Renames a merged copy to `NAME.merged` (or `NAME.merged-2` ...): kept, but no longer
    /// found as a copy to merge. Returns the new path.
    public static func markMerged(_ copy: String) throws(StoreError) -> String {
        var target = copy + ".merged"
        var number = 1
        while access(target, F_OK) == 0 {
            number += 1
            target = copy + ".merged-\(number)"
        }
        guard rename(copy, target) == 0 else {
            throw .notSaved(path: copy, reason: "cannot rename it to \(FileSystem.baseName(of: target)): "
                                + String(cString: strerror(errno)))
        }
        return target
    }
}

/// A file beside the store named like one of its conflicted copies, as it was when found.
public struct SyncCopy: Sendable, Hashable {
    public let path: String
    public let service: String
    public let isCertain: Bool
    /// Why the file is never read nor renamed (a link, not a regular file, another
    /// person's); nil when it may be.
    public let refusal: String?
    /// Its size, inode and modification time: a copy still being written looks different later.
    let version: [Int]

    /// The largest copy read: a store grown past it is not a copy of this one.
    public static let largestSize = 1 << 30

    init(path: String, naming: SyncConflictCopies.Naming, owner: uid_t) {
        self.path = path
        service = naming.service
        isCertain = naming.isCertain
        var status = stat()
        guard lstat(path, &status) == 0 else {
            refusal = "it could not be looked at: \(String(cString: strerror(errno)))"
            version = []
            return
        }
        version = [Int(status.st_size), Int(status.st_ino), status.st_mtim.tv_sec, status.st_mtim.tv_nsec]
        if status.st_mode & S_IFMT == S_IFLNK {
            refusal = "it is a link to another file, and a copy is never read from elsewhere"
        } else if let problem = FileSystem.notARegularFile(status.st_mode) {
            refusal = problem
        } else if status.st_uid != owner {
            refusal = "it belongs to another user than the store"
        } else if Int(status.st_size) > Self.largestSize {
            refusal = "it is over \(Self.largestSize >> 20) MB, too big to be a copy of the store"
        } else {
            refusal = nil
        }
    }

    public var name: String { RepositoryFiles.baseName(of: path) }
}
