/// The changes made with fours commands on this machine, newest last, kept under
/// `$XDG_STATE_HOME/fours/undo/` for `fours undo`: twenty of them, for each store.
public struct ChangeHistory {
    public static let kept = 20
    let path: String

    public init(storePath: String, stateFolder: String) {
        path = "\(stateFolder)/undo/\(SyncVersions.key(for: storePath)).json"
    }

    private func load() -> [ChangeSnapshot] {
        guard let bytes = try? FileSystem.read(path)?.bytes, let json = try? JSONReader.parse(bytes),
              case .array(let items) = json else { return [] }
        return items.compactMap(ChangeSnapshot.init(json:))
    }

    private func save(_ snapshots: [ChangeSnapshot]) {
        try? FileSystem.writeWithoutSync(path, with: JSONWriter.bytes(for: .array(snapshots.suffix(Self.kept).map(\.json))))
    }

    /// Keeps `snapshot` as the newest. The others are kept as their text in the file, not
    /// read and written again (a big store's are 10 KB each); a file not laid out as fours
    /// writes it is read and written whole.
    public func record(_ snapshot: ChangeSnapshot) {
        guard !snapshot.isEmpty else { return }
        guard let file = try? FileSystem.read(path)?.bytes ?? Array("[]\n".utf8), let kept = Self.snapshotTexts(in: file) else {
            return save(load() + [snapshot])
        }
        var list: [UInt8] = [UInt8(ascii: "[")]
        for text in kept.suffix(Self.kept - 1) + [JSONWriter.bytes(for: snapshot.json, depth: 1)[...]] {
            list += Array((list.count == 1 ? "\n  " : ",\n  ").utf8) + text
        }
        list += Array("\n]\n".utf8)
        try? FileSystem.writeWithoutSync(path, with: list)
    }

    /// The text of each snapshot in a history file as fours writes it: a list whose
    /// snapshots start on a line `  {` and end on a line `  }` (JSON strings never hold a
    /// line break, so such a line is never inside one); nil when it is laid out otherwise.
    static func snapshotTexts(in file: [UInt8]) -> [ArraySlice<UInt8>]? {
        if file == Array("[]\n".utf8) { return [] }
        let opening = Array("[\n  {".utf8), closing = Array("\n  }".utf8), between = Array(",\n  {".utf8)
        guard file.starts(with: opening) else { return nil }
        var texts: [ArraySlice<UInt8>] = []
        var start = opening.count - 1
        while true {
            guard let end = ByteSearch.firstIndex(of: closing, in: file[start...]) else { return nil }
            texts.append(file[start..<end + closing.count])
            let after = file[(end + closing.count)...]
            if after.elementsEqual("\n]\n".utf8) { return texts }
            guard after.starts(with: between) else { return nil }
            start = end + closing.count + between.count - 1
        }
    }

    /// The newest change `person` made; nil when there is none.
    public func last(by person: String) -> ChangeSnapshot? {
        load().last { $0.by == person }
    }

    /// Forgets a change once it has been undone.
    public func forget(_ snapshot: ChangeSnapshot) {
        var snapshots = load()
        if let index = snapshots.lastIndex(of: snapshot) { snapshots.remove(at: index) }
        save(snapshots)
    }
}
