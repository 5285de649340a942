import Glibc

/// The small text files a repository keeps beside a store: `.gitattributes` and `.gitignore`.
public enum RepositoryFiles {
    /// A path inside the repository as a gitattributes pattern: anchored at the top, with
    /// spaces and pattern characters escaped.
    public static func pattern(for relativePath: String) -> String {
        "/" + relativePath.map { " *?[\\#!\"".contains($0) ? "\\\($0)" : String($0) }.joined()
    }

    /// Appends `line` unless a line starting with the word `present` is there; whether it did.
    public static func appendLine(_ line: String, to path: String, unlessPresent present: String) throws(StoreError) -> Bool {
        let existing: String
        do { existing = try FileSystem.read(path).map { String(decoding: $0.bytes, as: UTF8.self) } ?? "" } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let firstWords = existing.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        guard !firstWords.contains(present) else { return false }
        let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line + "\n"
        do { try FileSystem.replace(path, with: Array(text.utf8)) } catch { throw .notSaved(path: path, reason: error.reason) }
        return true
    }

    /// `path` from the root, relative paths taken from the working folder.
    public static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let folder = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return folder + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    public static func parentFolder(of path: String) -> String { FileSystem.parentFolder(of: path) }

    public static func baseName(of path: String) -> String { FileSystem.baseName(of: path) }
}
