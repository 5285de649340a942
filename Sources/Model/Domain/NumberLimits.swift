/// The range every number in the store must keep to. The reader refuses a file with a
/// number outside it, the forms refuse to take one, and the store checks each change
/// against the reader before it writes. Within these ranges every derived figure (hours
/// saved, the saving) stays finite and fits a whole number.
public enum NumberLimits {
    /// People: an audience, the people a value estimate counts.
    public static let people: ClosedRange<Int> = 0...10_000_000
    public static let hoursSavedPerPerson: ClosedRange<Double> = 0...100_000
    public static let costPerHour: ClosedRange<Double> = 0...1_000_000
    /// Rapport, reputation and relationships.
    public static let rating: ClosedRange<Int> = 0...3
    /// Days of a follow-up period: a day to ten years.
    public static let followUpDays: ClosedRange<Int> = 1...3650

    /// "from 0 to 10,000,000"
    public static func describe<Bound: Comparable>(_ range: ClosedRange<Bound>) -> String {
        "from \(plain(range.lowerBound)) to \(plain(range.upperBound))"
    }

    private static func plain<Bound>(_ bound: Bound) -> String {
        (bound as? Double).map(PlainNumber.text) ?? "\(bound)"
    }
}
