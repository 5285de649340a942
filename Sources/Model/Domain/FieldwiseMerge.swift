/// One field of a value that an edit can change on its own, with the name the store
/// file gives it.
public struct MergeField<Root>: Sendable {
    public let name: String
    private let take: @Sendable (inout Root, Root, Root) -> Void
    private let differs: @Sendable (Root, Root) -> Bool

    public init<Value: Equatable & SendableMetatype>(_ name: String, _ field: WritableKeyPath<Root, Value> & Sendable) {
        self.name = name
        take = { result, edited, base in
            if edited[keyPath: field] != base[keyPath: field] { result[keyPath: field] = edited[keyPath: field] }
        }
        differs = { one, other in one[keyPath: field] != other[keyPath: field] }
    }

    func apply(to result: inout Root, edited: Root, base: Root) {
        take(&result, edited, base)
    }

    func differs(between one: Root, and other: Root) -> Bool {
        differs(one, other)
    }
}

/// Details that a person edits in a form and that merge field by field, so that saving an
/// edit keeps what someone else changed in other fields meanwhile.
public protocol FieldwiseMergeable: Sendable {
    static var mergeFields: [MergeField<Self>] { get }
}

extension FieldwiseMergeable {
    /// `self` is what someone changed `base` into; applies only the fields they changed
    /// onto `current`.
    public func merged(onto current: Self, from base: Self) -> Self {
        var result = current
        for field in Self.mergeFields { field.apply(to: &result, edited: self, base: base) }
        return result
    }

    /// The names of the fields that differ between `self` and `other`.
    public func changedFields(from other: Self) -> [String] {
        Self.mergeFields.filter { $0.differs(between: self, and: other) }.map(\.name)
    }
}
