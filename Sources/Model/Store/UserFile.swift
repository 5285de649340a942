import Glibc

/// A file the user names on the command line (a report, an export, an intake sheet):
/// written whole or not at all.
public enum UserFile {
    public static func write(_ text: String, to path: String) throws(StoreError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        do { try FileSystem.replace(path, with: bytes) } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
    }
}

extension UserFile {
    /// A file's bytes; nil when there is no such file. `-` is the standard input.
    public static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        guard path == "-" else {
            do { return try FileSystem.read(path)?.bytes } catch { throw .unreadable(path: path, reason: error.reason) }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}

extension UserFile {
    /// The first `count` bytes of a file (fewer when it is shorter); nil when it cannot be read.
    public static func start(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return got < 0 ? nil : Array(bytes.prefix(got))
    }
}

extension UserFile {
    /// Whether two paths name one file: the same path, or the same file on disk.
    public static func isSameFile(_ path: String, as other: String) -> Bool {
        if RepositoryFiles.absolute(path) == RepositoryFiles.absolute(other) { return true }
        var (left, right) = (stat(), stat())
        return stat(path, &left) == 0 && stat(other, &right) == 0 && left.st_dev == right.st_dev && left.st_ino == right.st_ino
    }
}
