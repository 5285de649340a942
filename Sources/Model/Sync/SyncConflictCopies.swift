import Glibc

/// The copies that file-sync services leave beside a file two machines changed at once.
/// Each service names them its own way; this table is the one place that knows how.
public enum SyncConflictCopies {
    /// A service and how it names the copy of `stem.ext` (`orders` and `.json`).
    public struct Naming: Sendable {
        public var service: String
        let matches: @Sendable (_ name: String, _ stem: String, _ ext: String) -> Bool
    }

    public static let namings: [Naming] = [
        // orders (Bob's conflicted copy 2026-11-25).json, orders (conflicted copy 2026-11-25 101500).json
        Naming(service: "Dropbox, Nextcloud") { name, stem, ext in
            inner(of: name, stem: stem + " (", ext: ")" + ext).map { $0.contains("conflicted copy") } ?? false
        },
        // orders_conflict-20261125-101500.json
        Naming(service: "ownCloud") { name, stem, ext in
            inner(of: name, stem: stem + "_conflict-", ext: ext).map { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "-" } }
                ?? false
        },
        // orders.sync-conflict-20261125-101500-ABCDEFG.json
        Naming(service: "Syncthing") { name, stem, ext in
            inner(of: name, stem: stem + ".sync-conflict-", ext: ext).map { !$0.isEmpty } ?? false
        },
        // orders-DESKTOP-7Q2XK4M.json: the other computer's name. Only Windows's own names
        // (DESKTOP-, LAPTOP-, PC-) are taken: "orders-Q4-2025.json" is someone's file.
        Naming(service: "OneDrive, SharePoint") { name, stem, ext in
            inner(of: name, stem: stem + "-", ext: ext).map { computer in
                guard let dash = computer.firstIndex(of: "-"), ["DESKTOP", "LAPTOP", "PC"].contains(computer[..<dash]) else {
                    return false
                }
                let suffix = computer[computer.index(after: dash)...]
                return suffix.count >= 3 && suffix.allSatisfy { ($0.isLetter && $0.isUppercase) || $0.isNumber }
            } ?? false
        },
        // orders (1).json
        Naming(service: "Google Drive") { name, stem, ext in
            inner(of: name, stem: stem + " (", ext: ")" + ext).map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false
        },
    ]

    /// The text between `stem` and `ext` when `name` starts and ends with them.
    private static func inner(of name: String, stem: String, ext: String) -> Substring? {
        guard name.count > stem.count + ext.count, name.hasPrefix(stem), name.hasSuffix(ext) else { return nil }
        return name.dropFirst(stem.count).dropLast(ext.count)
    }

    /// The service whose conflicted copy of `storeName` the file `name` is; nil when it is none.
    public static func service(naming name: String, copyOf storeName: String) -> String? {
        let dot = storeName.lastIndex(of: ".") ?? storeName.endIndex
        let (stem, ext) = (String(storeName[..<dot]), String(storeName[dot...]))
        return namings.first { $0.matches(name, stem, ext) }?.service
    }

    /// The conflicted copies beside the store at `path`, oldest name first.
    public static func find(besideStoreAt path: String) -> [String] {
        let file = FileSystem.resolvingLinks(path)
        let folder = FileSystem.parentFolder(of: file)
        let storeName = FileSystem.baseName(of: file)
        // Every service's copy starts with the store's name up to its extension: the other
        // names in a crowded folder are passed over by their first bytes, looked at once a second.
        let stem = Array(storeName[..<(storeName.lastIndex(of: ".") ?? storeName.endIndex)].utf8)
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                guard bytes.starts(with: stem) else { return nil }
                return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let name, name != storeName, service(naming: name, copyOf: storeName) != nil else { continue }
            found.append("\(folder)/\(name)")
        }
        return found.sorted()
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
