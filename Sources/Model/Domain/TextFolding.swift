extension String {
    /// Lowercased, with the accents of Latin letters removed: "Chloé" folds to "chloe".
    /// What search and generated ids compare, so that people need not type accents.
    public var folded: String {
        // Most text is ASCII: lowercase its bytes, without the Unicode machinery.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 },
                          as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F:
                continue // a combining accent
            case 0xC0...0xFF:
                scalars.append(Self.latin1Bases[Int(scalar.value - 0xC0)])
            case 0x100...0x17F:
                scalars.append(Self.latinExtendedBases[Int(scalar.value - 0x100)])
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// The base letter of each character from U+00C0 to U+00FF.
    private static let latin1Bases = Array("AAAAAAACEEEEIIIIDNOOOOO×OUUUUYTsaaaaaaaceeeeiiiidnooooo÷ouuuuyty".unicodeScalars)
    /// The base letter of each character from U+0100 to U+017F.
    private static let latinExtendedBases = Array(
        ("AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
            + "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs").unicodeScalars)
}
