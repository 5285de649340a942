/// A table in Markdown: a heading row, a rule, then a row per line, with bars and line
/// breaks inside cells made harmless.
public enum MarkdownTable {
    public static func text(columns: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { cell in
                TerminalSafety.visible(cell).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
                    .split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            }.joined(separator: " | ") + " |\n"
        }
        return line(columns) + line(columns.map { _ in "---" }) + rows.map(line).joined()
    }
}
