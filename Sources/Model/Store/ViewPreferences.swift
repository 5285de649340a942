/// What a person chose to see, remembered between runs in a small state file of their
/// own (`$XDG_STATE_HOME/fours/state.json`), never in the shared store.
public struct ViewPreferences: Sendable, Equatable {
    public var queue: QueueQuery

    public init(queue: QueueQuery = QueueQuery()) {
        self.queue = queue
    }

    public static func path(environment: [String: String]) -> String {
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return "\(stateHome)/fours/state.json"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return "\(home)/.local/state/fours/state.json"
    }

    /// The saved preferences; the defaults when there are none or they do not read (the
    /// file holds nothing that cannot be chosen again).
    public static func load(from path: String) -> ViewPreferences {
        guard let contents = try? FileSystem.read(path), let json = try? JSONReader.parse(contents.bytes),
              case .object(let root) = json, case .object(let queue)? = root["queue"] else { return ViewPreferences() }
        func text(_ key: String) -> String? {
            if case .string(let value)? = queue[key] { return value }
            return nil
        }
        var query = QueueQuery()
        query.sort = text("sort").flatMap(QueueSort.init(rawValue:)) ?? .dueDate
        query.status = text("status").flatMap(StatusFilter.init(rawValue:)) ?? .open
        query.stakeholderID = text("stakeholder")
        query.stage = text("stage").flatMap(EngagementStage.init(key:))
        query.tag = text("tag")
        query.owner = text("owner")
        query.priority = text("priority").flatMap(Priority.init(rawValue:))
        query.type = text("type")
        query.due = text("due").flatMap(DueFilter.init(rawValue:)) ?? .any
        return ViewPreferences(queue: query)
    }

    /// Saves the preferences; a failure only means they are not remembered.
    public func save(to path: String) throws(StoreError) {
        var queue = JSONObject(["sort": .string(self.queue.sort.rawValue), "status": .string(self.queue.status.rawValue),
                                "due": .string(self.queue.due.rawValue)])
        queue.set("stakeholder", self.queue.stakeholderID.map { .string($0) })
        queue.set("stage", self.queue.stage.map { .string($0.key) })
        queue.set("tag", self.queue.tag.map { .string($0) })
        queue.set("owner", self.queue.owner.map { .string($0) })
        queue.set("priority", self.queue.priority.map { .string($0.rawValue) })
        queue.set("type", self.queue.type.map { .string($0) })
        do {
            // Names from the store (a stakeholder, a tag): as private as the rest of the state.
            try FileSystem.makePrivateFolder(FileSystem.parentFolder(of: path))
            try FileSystem.replace(path, with: JSONWriter.bytes(for: .object(JSONObject(["queue": .object(queue)]))),
                                   mode: FileSystem.privateFileMode)
        } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
    }
}
