/// A number as a person types it: 12 for a whole one, 2.5 otherwise.
public enum PlainNumber {
    public static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
