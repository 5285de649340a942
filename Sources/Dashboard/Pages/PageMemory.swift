import Model

/// What a page keeps of its own between keys: where it is scrolled, which part has the
/// focus. Declared in the page's file; the app keeps one for each view without knowing
/// what it holds.
protocol PageMemory: Equatable, Sendable {
    init()
}

extension PageMemory {
    func isSame(as other: any PageMemory) -> Bool {
        (other as? Self) == self
    }
}

/// Every view's page memories, each kept by its view and kind, and those every page of a
/// kind shares (the queue and the archive share their lists), by kind alone. A memory as it
/// starts is not kept, so two states that differ only by a view never visited compare equal.
struct PageMemories: Equatable, Sendable {
    private struct Key: Hashable {
        var view: AppView?
        var kind: ObjectIdentifier
    }

    private var memories: [Key: any PageMemory] = [:]

    subscript<Memory: PageMemory>(_ kind: Memory.Type, of view: AppView) -> Memory {
        get { self[Key(view: view, kind: ObjectIdentifier(kind))] }
        set { self[Key(view: view, kind: ObjectIdentifier(kind))] = newValue }
    }

    subscript<Memory: PageMemory>(shared kind: Memory.Type) -> Memory {
        get { self[Key(view: nil, kind: ObjectIdentifier(kind))] }
        set { self[Key(view: nil, kind: ObjectIdentifier(kind))] = newValue }
    }

    private subscript<Memory: PageMemory>(key: Key) -> Memory {
        get { memories[key] as? Memory ?? Memory() }
        set { memories[key] = newValue == Memory() ? nil : newValue }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.memories.count == rhs.memories.count && lhs.memories.allSatisfy { key, memory in
            rhs.memories[key].map(memory.isSame) ?? false
        }
    }
}

/// What a page makes from the document for the day (a report, a sorted list), kept in its
/// memory until either changes: made once, not at every key.
struct MadeFromDocument<Value: Equatable & Sendable>: Equatable, Sendable {
    private let version: Int
    private let today: CalendarDay
    private let value: Value

    init(_ state: AppState, _ make: (AppState) -> Value) {
        self.init(version: state.documentVersion, today: state.today, value: make(state))
    }

    /// A value made elsewhere from the document of `version`, for `today`.
    init(version: Int, today: CalendarDay, value: Value) {
        self.version = version
        self.today = today
        self.value = value
    }

    /// The value, while the document and the day are those it was made from.
    func value(in state: AppState) -> Value? {
        version == state.documentVersion && today == state.today ? value : nil
    }
}
