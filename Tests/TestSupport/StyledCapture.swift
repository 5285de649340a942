/// A line of `tmux capture-pane -e` read back as the terminal shows it: each character
/// with whether it is bold, following the SGR sequences between them.
public struct StyledCapture {
    public struct Character: Equatable {
        public var text: Swift.Character
        public var isBold: Bool
    }

    public let characters: [Character]

    public init(_ line: String) {
        var characters: [Character] = []
        var isBold = false
        var rest = Substring(line)
        while let first = rest.first {
            guard first == "\u{1B}", rest.dropFirst().first == "[", let end = rest.firstIndex(of: "m") else {
                characters.append(Character(text: first, isBold: isBold))
                rest = rest.dropFirst()
                continue
            }
            var parameters = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";", omittingEmptySubsequences: false)
                .map { Int($0) ?? 0 }[...]
            while let parameter = parameters.popFirst() {
                switch parameter {
                case 0: isBold = false
                case 1: isBold = true
                case 22: isBold = false
                // An extended colour: its own parameters follow (5;n or 2;r;g;b).
                case 38, 48, 58: parameters = parameters.dropFirst(parameters.first == 5 ? 2 : 4)
                default: break
                }
            }
            rest = rest[rest.index(after: end)...]
        }
        self.characters = characters
    }

    /// Whether the characters of `text`, where it first appears, are all bold (true) or
    /// none of them (false); nil when it is not there or mixed.
    public func bold(_ text: String) -> Bool? {
        let wanted = Array(text)
        guard wanted.count <= characters.count else { return nil }
        for start in 0...(characters.count - wanted.count) where characters[start..<(start + wanted.count)].map(\.text) == wanted {
            let flags = Set(characters[start..<(start + wanted.count)].map(\.isBold))
            return flags.count == 1 ? flags.first : nil
        }
        return nil
    }
}
