/// Names that must be unique among their siblings: `root`, else `root-2`, `root-3` ...
enum UniqueName {
    static func make(_ root: String, isTaken: (String) -> Bool) -> String {
        var candidate = root
        var suffix = 2
        while isTaken(candidate) {
            candidate = "\(root)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// A readable handle from any text: "Chloé Martin" is `chloe-martin`.
    static func slug(_ text: String, words: Int = .max) -> String {
        text.folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").prefix(words).joined(separator: "-")
    }
}
