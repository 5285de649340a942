/// An editable line of text with a cursor. Works on characters, so a wide character or an
/// accented letter is one step of the cursor and one Backspace.
struct TextField: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Position of the cursor, 0 ... characters.count.
    private(set) var cursor: Int

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    /// Edits coming from keys.
    enum Edit: Equatable, Sendable {
        case insert(String)
        case left, right, home, end
        case backspace, delete
        /// Ctrl-U: everything before the cursor.
        case deleteToStart
        /// Ctrl-W: the word before the cursor.
        case deleteWord
    }

    mutating func apply(_ edit: Edit) {
        switch edit {
        case .insert(let text):
            // Pasted line breaks and tabs become spaces: every field is one line.
            let inserted = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
            characters.insert(contentsOf: inserted, at: cursor)
            cursor += inserted.count
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }

    /// The part of the text to show in `width` columns, scrolled so the cursor is visible,
    /// and the cursor's column within it.
    func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        // Start as far left as possible while the cursor (and one cell for it) still fits.
        var start = cursor
        var used = 1
        while start > 0 {
            let characterWidth = DisplayWidth.of(characters[start - 1])
            if used + characterWidth > width { break }
            used += characterWidth
            start -= 1
        }
        var shown = ""
        var shownWidth = 0
        var cursorColumn = 0
        for index in start..<characters.count {
            if index == cursor { cursorColumn = shownWidth }
            let characterWidth = DisplayWidth.of(characters[index])
            if shownWidth + characterWidth > width { break }
            shown.append(characters[index])
            shownWidth += characterWidth
        }
        if cursor == characters.count { cursorColumn = shownWidth }
        return (shown, cursorColumn)
    }
}
