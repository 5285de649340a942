#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: enough to notice, cheaply, that someone else replaced or
/// changed it.
struct FileStatus: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
    }
}

/// Identifies one version of a file: its status, and a hash of its content for a change
/// that keeps the size and lands within the same clock tick.
struct FileFingerprint: Sendable, Equatable {
    var status: FileStatus
    var contentHash: UInt64

    init(status: FileStatus, bytes: [UInt8]) {
        self.status = status
        contentHash = Self.hash(bytes)
    }

    /// FNV-1a: fast, and plenty to tell two versions of one file apart.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The few file operations the store needs, on Glibc directly: Foundation's atomic write
/// neither syncs the folder nor keeps the file's mode (see the reliability notes).
enum FileSystem {
    struct Failure: Error {
        var operation: String
        var code: Int32

        var reason: String {
            let text = String(cString: strerror(code))
            switch code {
            case ENOSPC: return "\(operation): the disk is full (\(text)); free some space"
            case EACCES, EPERM: return "\(operation): permission denied; check the folder's permissions"
            case EROFS: return "\(operation): the file system is read-only"
            default: return "\(operation): \(text)"
            }
        }
    }

    static func status(of path: String) throws(Failure) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw Failure(operation: "stat", code: errno)
        }
        return FileStatus(status)
    }

    /// The whole file with the fingerprint of what was read, or nil when there is no file.
    static func read(_ path: String) throws(Failure) -> (bytes: [UInt8], fingerprint: FileFingerprint)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(operation: "open", code: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(operation: "stat", code: errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(operation: "open", code: EISDIR) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "read", code: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return (bytes, FileFingerprint(status: FileStatus(status), bytes: bytes))
    }

    /// Replaces the file with `bytes` so that a crash at any moment leaves either the old
    /// or the new content: temporary file in the same folder, fsync, rename, fsync folder.
    static func replace(_ path: String, with bytes: [UInt8], exclusive: Bool = false) throws(Failure) {
        let folder = parentFolder(of: path)
        try makeFolders(folder)
        var mode: mode_t = 0o644
        var existing = stat()
        if stat(path, &existing) == 0 {
            if exclusive { throw Failure(operation: "create", code: EEXIST) }
            mode = existing.st_mode & 0o7777
        }
        let temporary = "\(folder)/\(temporaryPrefix(for: path))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw Failure(operation: "create temporary file", code: errno) }
        var closed = false
        do throws(Failure) {
            try writeAll(bytes, to: descriptor)
            guard fchmod(descriptor, mode) == 0 else { throw Failure(operation: "chmod", code: errno) }
            guard fsync(descriptor) == 0 else { throw Failure(operation: "fsync", code: errno) }
            closed = true
            guard close(descriptor) == 0 else { throw Failure(operation: "close", code: errno) }
            if exclusive {
                // link() fails when the target exists, so a file made meanwhile is never replaced.
                guard link(temporary, path) == 0 else { throw Failure(operation: "create", code: errno) }
                unlink(temporary)
            } else {
                guard rename(temporary, path) == 0 else { throw Failure(operation: "rename", code: errno) }
            }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "write", code: errno)
            }
            written += count
        }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func makeFolders(_ folder: String) throws(Failure) {
        var isFolder = stat()
        if stat(folder, &isFolder) == 0 { return }
        let parent = parentFolder(of: folder)
        if parent != folder { try makeFolders(parent) }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw Failure(operation: "create folder \(folder)", code: errno) }
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The prefix of the temporary files `replace` writes for `path`; the writer's process id
    /// follows it.
    static func temporaryPrefix(for path: String) -> String {
        ".\(baseName(of: path)).tmp-"
    }

    /// Removes temporary files that a writer killed mid-save left behind: those whose
    /// process is gone, or that are over an hour old. Returns how many it removed.
    @discardableResult
    static func removeStaleTemporaries(for path: String) -> Int {
        let folder = parentFolder(of: path)
        let prefix = temporaryPrefix(for: path)
        guard let directory = opendir(folder) else { return 0 }
        defer { closedir(directory) }
        var removed = 0
        let now = time(nil)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let pid = name.dropFirst(prefix.count).prefix { $0 != "-" }
            let writerIsGone = Int32(pid).map { kill($0, 0) != 0 && errno == ESRCH } ?? true
            var status = stat()
            let isOld = stat("\(folder)/\(name)", &status) == 0 && now - status.st_mtim.tv_sec > 3600
            if writerIsGone || isOld, unlink("\(folder)/\(name)") == 0 { removed += 1 }
        }
        return removed
    }

    /// An exclusive lock on `PATH.lock`, held while the store reads, checks and writes.
    /// flock on a separate file: a lock on the data file itself would vanish with the rename.
    static func lock(_ path: String) throws(Failure) -> Int32 {
        try makeFolders(parentFolder(of: path))
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(operation: "open lock file", code: errno) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            throw Failure(operation: "lock", code: code)
        }
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
