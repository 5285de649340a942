/// A value that is empty until someone fills it in, as most orders leave their measurement.
public protocol EmptyByDefault: Sendable, Equatable {
    init()
    var isEmpty: Bool { get }
}

/// A field most orders leave empty, kept behind one reference: an order holds a word for
/// it, and nothing more while it is empty (a big store holds tens of thousands of orders).
@propertyWrapper
public struct KeptApart<Value: EmptyByDefault>: Sendable, Equatable {
    private final class Box: Sendable {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var box: Box?

    public init(wrappedValue: Value) {
        box = wrappedValue.isEmpty ? nil : Box(wrappedValue)
    }

    public var wrappedValue: Value {
        get { box?.value ?? Value() }
        set { box = newValue.isEmpty ? nil : Box(newValue) }
    }

    public static func == (lhs: KeptApart, rhs: KeptApart) -> Bool {
        lhs.wrappedValue == rhs.wrappedValue
    }
}
