import Dispatch
import Glibc

/// A file held open to be read a stretch at a time, so that a big store is never in memory
/// whole. What is read from it later (a big store's checklists, after the first frame)
/// comes from the same file even when a save has put another in its place since; a change
/// in place shows in its status (`isUnchanged`).
final class OpenedFile: Sendable {
    private let descriptor: Int32
    /// The file's status when it was opened.
    let status: FileStatus

    private init(descriptor: Int32, status: FileStatus) {
        self.descriptor = descriptor
        self.status = status
    }

    deinit { close(descriptor) }

    /// Lets go of `file` on another thread, once nothing else here holds it. The last close
    /// of a file that has lost its name (the one a save just replaced) frees its pages and
    /// blocks: 6 ms for a 24 MB store, which the redraw after a save need not wait for.
    static func closeAway(_ file: inout OpenedFile?) {
        guard file != nil else { return }
        let ownReferenceGone = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .utility).async { [file] in
            ownReferenceGone.wait()
            withExtendedLifetime(file) {}
        }
        file = nil
        ownReferenceGone.signal()
    }

    /// The file at `path`, or nil when there is none. Anything but a regular file is
    /// refused without waiting on it (a FIFO would block).
    static func open(_ path: String) throws(FileSystem.Failure) -> OpenedFile? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw FileSystem.Failure(operation: "open", code: errno)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw FileSystem.Failure(operation: "stat", code: code)
        }
        if let problem = FileSystem.notARegularFile(status.st_mode) {
            close(descriptor)
            throw FileSystem.Failure(operation: "open", code: EINVAL, detail: problem)
        }
        return OpenedFile(descriptor: descriptor, status: FileStatus(status))
    }

    /// How long the file was when it was opened.
    var size: Int { Int(status.size) }

    /// Gives the file opened (not whatever has its name now) a second name, `path`; false
    /// when it cannot have one there (another file system, a name taken).
    func link(as path: String) -> Bool {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    }

    /// Whether the file's status is still the one it was opened with.
    var isUnchanged: Bool { currentStatus == status }

    /// Whether the file still holds the text it was opened with: nobody wrote to it in
    /// place. Only its change time may differ: another file took its name, or it got a
    /// second one.
    var holdsSameText: Bool { currentStatus?.isSameText(as: status) ?? false }

    private var currentStatus: FileStatus? {
        var now = stat()
        return fstat(descriptor, &now) == 0 ? FileStatus(now) : nil
    }

    /// The bytes at `range`, read straight into the array (no zeros written first); fewer
    /// when the file ends before.
    func read(_ range: Range<Int>) throws(FileSystem.Failure) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            count = read(into: buffer.baseAddress!, count: buffer.count, at: range.lowerBound, failure: &failure)
        }
        if failure != 0 { throw FileSystem.Failure(operation: "read", code: failure) }
        return bytes
    }

    /// Reads up to `count` bytes from `offset` into `buffer`; returns how many it read, fewer
    /// when the file ends before or a read fails (then with the error in `failure`).
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, failure: inout Int32) -> Int {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failure = errno }
            if got <= 0 { break }
            done += got
        }
        return done
    }

    /// Copies `range` of the file to `descriptor`, where it writes next, in the kernel:
    /// nothing passes through this process. False when the kernel cannot copy between
    /// these two (nothing was copied then); a file shorter than `range` changed: `EAGAIN`.
    func copy(_ range: Range<Int>, to descriptor: Int32) throws(FileSystem.Failure) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let copied = sendfile(descriptor, self.descriptor, &offset, range.upperBound - offset)
            if copied < 0 {
                if errno == EINTR { continue }
                if offset == range.lowerBound && (errno == EINVAL || errno == ENOSYS) { return false }
                throw FileSystem.Failure(operation: "copy", code: errno)
            }
            if copied == 0 {
                throw FileSystem.Failure(operation: "save", code: EAGAIN, detail: "the file changed while it was being saved")
            }
        }
        return true
    }

    /// The whole file as it is now, read on to its end should it have grown since it was
    /// opened.
    func readWhole() throws(FileSystem.Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        // One byte more than the file held, for the read that finds its end.
        var room = size + 1
        while true {
            let chunk = try read(bytes.count..<bytes.count + room)
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < room { return bytes }
            room = 65_536
        }
    }
}
