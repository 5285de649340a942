extension String {
    /// The text without the spaces, tabs and line breaks around it.
    public var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The entries of a list written as text, "workshop, q4": each trimmed, empty ones left out.
    public func listItems(separatedBy separators: String = ",") -> [String] {
        split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }
}
