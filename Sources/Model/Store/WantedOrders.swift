/// The orders a command needs, when it needs only some of the file's: those of some
/// numbers, every open one (a listing of the queue), or one order with those it links to
/// (the one it follows up and those that follow it up).
public enum WantedOrders: Sendable, Equatable, ExpressibleByArrayLiteral {
    case numbers(Set<Int>)
    case open
    case linked(to: Int)

    public init(arrayLiteral numbers: Int...) {
        self = .numbers(Set(numbers))
    }

    /// Which of the outline's orders these are; each place has its id and whether it is open.
    func chosen(among places: [FileOutline.Place]) -> [Bool] {
        switch self {
        case .numbers(let numbers):
            return places.map { $0.id.map(numbers.contains) ?? false }
        case .open:
            return places.map { $0.isOpen ?? false }
        case .linked(let id):
            let followedUp = places.first { $0.id == id }?.followUpOf
            return places.map { $0.id == id || ($0.id != nil && $0.id == followedUp) || $0.followUpOf == id }
        }
    }
}
