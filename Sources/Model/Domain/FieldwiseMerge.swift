/// One field of a value that an edit can change on its own.
public struct MergeField<Root>: Sendable {
    private let take: @Sendable (inout Root, Root, Root) -> Void

    public init<Value: Equatable & SendableMetatype>(_ field: WritableKeyPath<Root, Value> & Sendable) {
        take = { result, edited, base in
            if edited[keyPath: field] != base[keyPath: field] { result[keyPath: field] = edited[keyPath: field] }
        }
    }

    func apply(to result: inout Root, edited: Root, base: Root) {
        take(&result, edited, base)
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
}
