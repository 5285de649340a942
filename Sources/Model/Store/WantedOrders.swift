/// The orders a command needs, when it needs only some of the file's: those of some
/// numbers, or every open one (a listing of the queue).
public enum WantedOrders: Sendable, Equatable, ExpressibleByArrayLiteral {
    case numbers(Set<Int>)
    case open

    public init(arrayLiteral numbers: Int...) {
        self = .numbers(Set(numbers))
    }

    /// Whether the order of this number and status is one of them.
    func contains(_ id: Int, status: OrderStatus) -> Bool {
        switch self {
        case .numbers(let numbers): numbers.contains(id)
        case .open: status.isOpen
        }
    }
}
