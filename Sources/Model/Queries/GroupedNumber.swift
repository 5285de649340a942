/// Whole numbers as people read them in a report: 5500 is "5,500".
public enum GroupedNumber {
    public static func text(_ number: Double) -> String {
        // Past this, digits in groups mean nothing to a reader (and would not fit a whole number).
        guard abs(number) < 1e15 else { return String(number) }
        let rounded = Int(number.rounded())
        var digits = String(abs(rounded))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
