/// What a person chose to see, remembered between runs in a small state file of their
/// own (`$XDG_STATE_HOME/fours/state.json`), never in the shared store: the queue's filters
/// and sort, and the views they saved under a name (with their search).
public struct ViewPreferences: Sendable, Equatable {
    public var queue: QueueQuery
    public var views: [SavedView]

    public init(queue: QueueQuery = QueueQuery(), views: [SavedView] = []) {
        self.queue = queue
        self.views = views
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
              case .object(let root) = json else { return ViewPreferences() }
        var preferences = ViewPreferences()
        if case .object(let queue)? = root["queue"] { preferences.queue = QueueQuery(remembered: queue) }
        if case .array(let views)? = root["views"] {
            preferences.views = views.compactMap { entry in
                guard case .object(let view) = entry, case .string(let name)? = view["name"], case .object(let query)? = view["query"]
                else { return nil }
                return SavedView(name: name, query: QueueQuery(remembered: query))
            }
        }
        return preferences
    }

    /// Saves the preferences; a failure only means they are not remembered.
    public func save(to path: String) throws(StoreError) {
        let views = self.views.map { view in
            JSONValue.object(JSONObject(["name": .string(view.name), "query": .object(view.query.remembered(withSearch: true))]))
        }
        do {
            // Names from the store (a stakeholder, a tag): as private as the rest of the state.
            try FileSystem.makePrivateFolder(FileSystem.parentFolder(of: path))
            try FileSystem.replace(path, with: JSONWriter.bytes(for: .object(JSONObject(["queue": .object(queue.remembered(withSearch: false)),
                                                                                         "views": .array(views)]))),
                                   mode: FileSystem.privateFileMode)
        } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
    }

    /// Changes what the file holds as it is now (another fours may have saved a view since)
    /// and saves it.
    public static func update(at path: String, _ change: (inout ViewPreferences) -> Void) throws(StoreError) {
        var preferences = load(from: path)
        change(&preferences)
        try preferences.save(to: path)
    }
}

/// A search, filters and sort kept under a name ("my overdue compliance orders").
public struct SavedView: Sendable, Equatable {
    public var name: String
    public var query: QueueQuery

    public init(name: String, query: QueueQuery) {
        self.name = name
        self.query = query
    }
}

extension [SavedView] {
    /// The view called `name`, compared folded.
    public func named(_ name: String) -> SavedView? {
        first { $0.name.folded == name.folded }
    }

    /// With `view` in place of the one of its name, or added.
    public func saving(_ view: SavedView) -> [SavedView] {
        var views = self
        if let index = views.firstIndex(where: { $0.name.folded == view.name.folded }) { views[index] = view } else { views.append(view) }
        return views
    }
}

extension QueueQuery {
    /// As the state file keeps it: every filter and the sort, and the search for a saved
    /// view (the queue opens without the search it was left with).
    func remembered(withSearch: Bool) -> JSONObject {
        var object = JSONObject(["sort": .string(sort.rawValue), "status": .string(status.rawValue), "due": .string(due.rawValue)])
        object.set("stakeholder", stakeholderID.map { .string($0) })
        object.set("stage", stage.map { .string($0.key) })
        object.set("tag", tag.map { .string($0) })
        object.set("owner", owner.map { .string($0) })
        object.set("priority", priority.map { .string($0.rawValue) })
        object.set("type", type.map { .string($0) })
        object.set("search", search.isEmpty || !withSearch ? nil : .string(search))
        object.set("conflictsOnly", conflictsOnly ? .bool(true) : nil)
        object.set("reversed", reversed ? .bool(true) : nil)
        return object
    }

    init(remembered object: JSONObject) {
        func text(_ key: String) -> String? {
            if case .string(let value)? = object[key] { return value }
            return nil
        }
        self.init(status: text("status").flatMap(StatusFilter.init(rawValue:)) ?? .open,
                  sort: text("sort").flatMap(QueueSort.init(rawValue:)) ?? .dueDate)
        stakeholderID = text("stakeholder")
        stage = text("stage").flatMap(EngagementStage.init(key:))
        tag = text("tag")
        owner = text("owner")
        priority = text("priority").flatMap(Priority.init(rawValue:))
        type = text("type")
        due = text("due").flatMap(DueFilter.init(rawValue:)) ?? .any
        search = text("search") ?? ""
        conflictsOnly = object["conflictsOnly"] == .bool(true)
        reversed = object["reversed"] == .bool(true)
    }
}
