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

    public func record(_ snapshot: ChangeSnapshot) {
        guard !snapshot.isEmpty else { return }
        save(load() + [snapshot])
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
