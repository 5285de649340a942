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
    /// A file's bytes; nil when there is no such file.
    public static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        do { return try FileSystem.read(path)?.bytes } catch { throw .unreadable(path: path, reason: error.reason) }
    }
}
