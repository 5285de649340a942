import Model

/// The dashboard's styles in one place.
enum Theme {
    static let header = Style(foreground: .white, background: .blue).bold()
    static let columnTitles = Style.plain.bold().underlined()
    static let selected = Style.plain.reversed()
    static let selectedUnfocused = Style.plain.underlined().bold()
    static let overdue = Style.plain.foreground(.red).bold()
    static let dueSoon = Style.plain.foreground(.yellow)
    static let muted = Style.plain.dim()
    static let title = Style.plain.bold()
    static let sectionTitle = Style.plain.foreground(.cyan).bold()
    static let done = Style.plain.foreground(.green)
    static let border = Style.plain.foreground(.blue)
    static let success = Style.plain.foreground(.green)
    static let error = Style.plain.foreground(.red).bold()

    static func stage(_ stage: EngagementStage) -> Style {
        switch stage {
        case .orderTaker: Style.plain.foreground(.red)
        case .orderWithChange: Style.plain.foreground(.yellow)
        case .collaborator: Style.plain.foreground(.cyan)
        case .trustedPartner: Style.plain.foreground(.blue)
        case .strategicPartner: Style.plain.foreground(.green)
        }
    }
}
