import Glibc

/// What `stat` says of a file: enough to notice, cheaply, that someone else replaced or
/// changed it. A save gives the file a new inode; an edit in place changes the change time
/// (ctime), which nobody can set back, even when size and modification time are restored.
struct FileStatus: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int
    /// The permission bits.
    var mode: mode_t

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
        changedSeconds = Int(status.st_ctim.tv_sec)
        changedNanoseconds = Int(status.st_ctim.tv_nsec)
        mode = status.st_mode & 0o7777
    }

    /// Whether the file is the same one with the same text, as far as anyone can tell
    /// without reading it: only its change time differs (a new name or mode changes that).
    func isSameText(as other: FileStatus) -> Bool {
        (device, inode, size, modifiedSeconds, modifiedNanoseconds)
            == (other.device, other.inode, other.size, other.modifiedSeconds, other.modifiedNanoseconds)
    }
}

/// The few file operations the store needs, on Glibc directly: Foundation's atomic write
/// neither syncs the folder nor keeps the file's mode (see the reliability notes).
enum FileSystem {
    struct Failure: Error {
        var operation: String
        var code: Int32
        /// What the error number alone cannot say, such as who holds the lock.
        var detail: String?

        init(operation: String, code: Int32, detail: String? = nil) {
            self.operation = operation
            self.code = code
            self.detail = detail
        }

        var reason: String {
            if let detail { return "\(operation): \(detail)" }
            let text = String(cString: strerror(code))
            switch code {
            case ENOSPC: return "\(operation): the disk is full (\(text)); free some space"
            case EACCES, EPERM: return "\(operation): permission denied; check the folder's permissions"
            case EROFS: return "\(operation): the file system is read-only"
            case EFBIG: return "\(operation): the file would pass the size limit for files (\(text))"
            default: return "\(operation): \(text)"
            }
        }
    }

    /// Why a path that exists cannot be a store, or nil when it is a regular file.
    static func notARegularFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "it is a folder, not a file"
        case S_IFIFO: "it is a named pipe (FIFO), not a regular file"
        case S_IFCHR, S_IFBLK: "it is a device, not a regular file"
        case S_IFSOCK: "it is a socket, not a regular file"
        default: "it is not a regular file"
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

    /// The whole file with the status of what was read, or nil when there is no file.
    /// Anything but a regular file is refused without waiting on it (a FIFO would block).
    static func read(_ path: String) throws(Failure) -> (bytes: [UInt8], status: FileStatus)? {
        guard let file = try OpenedFile.open(path) else { return nil }
        return (try file.readWhole(), file.status)
    }

    /// The mode of a new file: readable and writable by all, less the process's umask.
    static let newFileMode: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()

    /// Replaces the file with `bytes` so that a crash at any moment leaves either the old
    /// or the new content: temporary file in the same folder, fsync, rename, fsync folder.
    /// The new file keeps the old one's mode, owner and group where the process may set
    /// them; a new file gets `mode`, else the umask's default.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t? = nil, exclusive: Bool = false) throws(Failure) {
        try replace(path, with: [.bytes(bytes[...])], mode: mode, exclusive: exclusive)
    }

    /// The same, with the content given as pieces written one after the other. Stored
    /// pieces are copied from the file being replaced, which must be as `copyingFrom`
    /// says before and after the copy: a file changed meanwhile fails the save with
    /// `EAGAIN`, and nothing is replaced. `beforeRename` may still stop it (`keepLock`).
    static func replace(_ path: String, with pieces: [TextPiece], mode: mode_t? = nil, exclusive: Bool = false,
                        copyingFrom source: FileStatus? = nil,
                        beforeRename: () throws(Failure) -> Void = {}) throws(Failure) {
        let folder = parentFolder(of: path)
        try makeFolders(folder)
        var mode = mode ?? newFileMode
        var owner: (user: uid_t, group: gid_t)?
        var existing = stat()
        if stat(path, &existing) == 0 {
            if exclusive { throw Failure(operation: "create", code: EEXIST) }
            if let problem = notARegularFile(existing.st_mode) {
                throw Failure(operation: "save", code: EINVAL, detail: problem)
            }
            mode = existing.st_mode & 0o7777
            owner = (existing.st_uid, existing.st_gid)
        }
        let temporary = "\(folder)/\(temporaryPrefix(for: path))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw Failure(operation: "create temporary file", code: errno) }
        var closed = false
        let copies = pieces.contains { if case .stored = $0 { true } else { false } }
        precondition(!copies || source != nil, "pieces to copy need the file they are copied from")
        var replaced: OpenedFile?
        do throws(Failure) {
            let original = copies ? try OpenedFile.open(path) : nil
            if copies, let source { try check(original, isStill: source) }
            try writeAll(pieces, to: descriptor, copyingFrom: original)
            if copies, let source { try check(original, isStill: source) }
            if let owner { keep(owner, on: descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw Failure(operation: "chmod", code: errno) }
            guard fsync(descriptor) == 0 else { throw Failure(operation: "fsync", code: errno) }
            closed = true
            guard close(descriptor) == 0 else { throw Failure(operation: "close", code: errno) }
            if exclusive {
                // link() fails when the target exists, so a file made meanwhile is never replaced.
                guard link(temporary, path) == 0 else { throw Failure(operation: "create", code: errno) }
                unlink(temporary)
            } else {
                try beforeRename()
                guard rename(temporary, path) == 0 else { throw Failure(operation: "rename", code: errno) }
            }
            replaced = original
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
        // Once the folder is on disk: freeing the old file's blocks there would hold up
        // the folder's flush.
        OpenedFile.closeAway(&replaced)
    }

    /// Gives the new file the old one's owner and group: as root both, else the group
    /// when the saver belongs to it, so that a group-shared store stays shared.
    private static func keep(_ owner: (user: uid_t, group: gid_t), on descriptor: Int32) {
        if fchown(descriptor, owner.user, owner.group) != 0 {
            _ = fchown(descriptor, uid_t.max, owner.group)
        }
    }

    /// Makes `backup` another name for the file at `path` as it is now: the next save
    /// renames a new file over `path`, and `backup` keeps the old one, at no cost. Where
    /// the file system allows no links, the bytes are copied.
    static func keepBackup(of path: String, as backup: String) throws(Failure) {
        let temporary = "\(parentFolder(of: backup))/\(temporaryPrefix(for: backup))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if link(path, temporary) == 0 {
            guard rename(temporary, backup) == 0 else {
                let code = errno
                unlink(temporary)
                throw Failure(operation: "keep the backup", code: code)
            }
            syncFolder(parentFolder(of: backup))
            return
        }
        guard let contents = try read(path) else { return }
        try replace(backup, with: contents.bytes, mode: contents.status.mode)
    }

    /// Fails with `EAGAIN` unless the open file is still the one `status` describes (a
    /// change in place changes its ctime, which nobody can set back).
    private static func check(_ file: OpenedFile?, isStill status: FileStatus) throws(Failure) {
        guard let file, file.status == status, file.isUnchanged else {
            throw Failure(operation: "save", code: EAGAIN, detail: "the file changed while it was being saved")
        }
    }

    /// Writes the pieces through one buffer of a fixed size: few system calls, and no
    /// copy of the whole file in memory. Stored pieces are read from `original`.
    private static func writeAll(_ pieces: [TextPiece], to descriptor: Int32, copyingFrom original: OpenedFile?) throws(Failure) {
        let capacity = FileWindow.size
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacity)
        var copying = original.map(FileWindow.init)
        func add(_ bytes: ArraySlice<UInt8>) throws(Failure) {
            if buffer.count + bytes.count > capacity {
                try writeAll(buffer, to: descriptor)
                buffer.removeAll(keepingCapacity: true)
            }
            if bytes.count >= capacity { try writeAll(Array(bytes), to: descriptor) } else { buffer.append(contentsOf: bytes) }
        }
        for piece in pieces {
            switch piece {
            case .bytes(let bytes):
                try add(bytes)
            case .stored(let text):
                // A long stretch (unread orders one after the other) is copied by the kernel.
                if text.range.count >= capacity, let original {
                    try writeAll(buffer, to: descriptor)
                    buffer.removeAll(keepingCapacity: true)
                    if try original.copy(text.range, to: descriptor) { continue }
                }
                guard var window = copying else { preconditionFailure("pieces to copy need the file they are copied from") }
                try window.forEachPart(of: text.range, add)
                copying = window
            }
        }
        try writeAll(buffer, to: descriptor)
    }

    /// At most 1 MB a call: a process ending while another thread writes a big file waits
    /// for that call to finish, not for the whole file.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, min(buffer.count - written, 1 << 20))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "write", code: errno)
            }
            written += count
        }
    }

    /// Writes a file that may be lost in a crash (a cache): under a temporary name, then
    /// renamed, so that it is whole or not there; no flush to disk.
    static func writeWithoutSync(_ path: String, with bytes: [UInt8]) throws(Failure) {
        try writeWithoutSync(path, with: [.bytes(bytes[...])])
    }

    /// The same, with the content given as pieces; stored pieces are copied from `original`.
    static func writeWithoutSync(_ path: String, with pieces: [TextPiece], copyingFrom original: OpenedFile? = nil)
        throws(Failure) {
        try makePrivateFolder(parentFolder(of: path))
        let temporary = "\(parentFolder(of: path))/.\(baseName(of: path)).partial"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, privateFileMode)
        guard descriptor >= 0 else { throw Failure(operation: "create", code: errno) }
        do throws(Failure) {
            try writeAll(pieces, to: descriptor, copyingFrom: original)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(operation: "rename", code: code)
        }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func makeFolders(_ folder: String, mode: mode_t = 0o755) throws(Failure) {
        var isFolder = stat()
        if stat(folder, &isFolder) == 0 { return }
        let parent = parentFolder(of: folder)
        if parent != folder { try makeFolders(parent, mode: mode) }
        guard mkdir(folder, mode) == 0 || errno == EEXIST else { throw Failure(operation: "create folder \(folder)", code: errno) }
    }

    /// A file of this machine's own state, made from a store (versions, undo, the queue's
    /// filters): only its user may read it, whatever the umask.
    static let privateFileMode: mode_t = 0o600

    /// The folder of such files, made when missing; only its user may enter it, and one
    /// left open by an older version is closed.
    static func makePrivateFolder(_ folder: String) throws(Failure) {
        try makeFolders(folder, mode: 0o700)
        var status = stat()
        if lstat(folder, &status) == 0, status.st_uid == geteuid(), status.st_mode & 0o077 != 0 {
            chmod(folder, 0o700)
        }
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
    /// Waits at most `timeout` seconds, so that a writer stopped while holding the lock
    /// never freezes this one; the failure then says who holds it. A lock file deleted or
    /// replaced while it was being taken is taken again on the file now at the path.
    static func lock(_ path: String, timeout: Double) throws(Failure) -> Int32 {
        try makeFolders(parentFolder(of: path))
        let lockPath = lockPath(for: path)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Failure(operation: "open lock file", code: errno) }
            // Waiting in flock itself queues the writers fairly; the alarm ends the wait.
            let alarm = LockAlarm(after: deadline - ContinuousClock.now)
            let locked = flock(descriptor, LOCK_EX) == 0
            let code = errno
            alarm.cancel()
            if locked {
                if isStill(descriptor, at: lockPath) {
                    sayWhoHolds(descriptor)
                    return descriptor
                }
                close(descriptor)
                continue
            }
            if code != EINTR {
                close(descriptor)
                throw Failure(operation: "lock", code: code)
            }
            if ContinuousClock.now >= deadline {
                let holder = whoHolds(descriptor)
                close(descriptor)
                throw Failure(operation: "lock", code: code,
                              detail: "the store is locked by another program\(holder.map { " (\($0))" } ?? "") "
                                  + "for over \(Int(timeout.rounded(.up))) s; the change is kept and saved once it lets go")
            }
            close(descriptor)
        }
    }

    static func lockPath(for path: String) -> String { path + ".lock" }

    /// Makes sure `lock` still guards `path` before a save renames its new file over it. A
    /// lock file deleted meanwhile (by a tidy-up) may have let another writer in: the lock
    /// now at the path is taken instead, and the save goes on only if the file is still
    /// `basis`, the one it was made from (nil: no file); else `ESTALE`, and it starts again.
    static func keepLock(_ lock: inout Int32, on path: String, timeout: Double, basis: FileStatus?) throws(Failure) {
        guard !isStill(lock, at: lockPath(for: path)) else { return }
        let taken = try self.lock(path, timeout: timeout)
        unlock(lock)
        lock = taken
        guard try status(of: path) == basis else { throw Failure(operation: "lock", code: ESTALE) }
    }

    /// Whether the open file is the one at `path`: someone may have removed the lock file.
    private static func isStill(_ descriptor: Int32, at path: String) -> Bool {
        var opened = stat()
        var atPath = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &atPath) == 0 else { return false }
        return opened.st_dev == atPath.st_dev && opened.st_ino == atPath.st_ino
    }

    /// Writes into the lock file who holds it, for a writer that finds it taken. Most saves
    /// find it saying so from their last one and leave it as it is (emptying a file is a
    /// change to its metadata the file system records: half a millisecond of every save).
    private static func sayWhoHolds(_ descriptor: Int32) {
        let text = holder
        var present = [UInt8](repeating: 0, count: text.count + 1)
        let count = present.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        if count == text.count && present.prefix(count).elementsEqual(text) { return }
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// This process, as the lock file names it.
    private static let holder: [UInt8] = {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let user = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(geteuid())"
        let hostName = host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return Array("process \(getpid()) of \(user) on \(hostName)\n".utf8)
    }()

    private static func whoHolds(_ descriptor: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 200)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = bytes.prefix(count).prefix { $0 != 0x0A }.map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: "?") }
        return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
    }

    /// The file a path names once symbolic links are followed, even when it does not exist
    /// yet: a store linked into a shared folder is saved there, not replaced by a copy.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            current = target.hasPrefix("/") ? target : "\(parentFolder(of: current))/\(target)"
        }
        return current
    }

    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
