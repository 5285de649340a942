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

    /// Whether the file is still as it was opened: nobody wrote to it in place.
    var isUnchanged: Bool {
        var now = stat()
        return fstat(descriptor, &now) == 0 && FileStatus(now) == status
    }

    /// The bytes at `range`, read straight into the array (no zeros written first); fewer
    /// when the file ends before.
    func read(_ range: Range<Int>) throws(FileSystem.Failure) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + count, buffer.count - count, off_t(range.lowerBound + count))
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { return }
                count += got
            }
        }
        if failure != 0 { throw FileSystem.Failure(operation: "read", code: failure) }
        return bytes
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
