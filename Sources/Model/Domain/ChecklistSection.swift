/// The four ways to use a training order to move toward partnership: the 4S.
public enum ChecklistSection: String, CaseIterable, Sendable, Hashable {
    case shiftMindset
    case strategicApproach
    case surpriseAndDelight
    case sureThing

    public var title: String {
        switch self {
        case .shiftMindset: "Shift Mindset"
        case .strategicApproach: "Strategic Approach"
        case .surpriseAndDelight: "Surprise and Delight"
        case .sureThing: "Sure Thing"
        }
    }

    /// The word a command names it by: shift, strategic, surprise, sure.
    public var shortName: String {
        switch self {
        case .shiftMindset: "shift"
        case .strategicApproach: "strategic"
        case .surpriseAndDelight: "surprise"
        case .sureThing: "sure"
        }
    }

    /// One line on what the section is for, shown under its title.
    public var purpose: String {
        switch self {
        case .shiftMindset: "Work inside the order as an equal partner, not a help desk."
        case .strategicApproach: "Deliver as asked, and set up the next order to go the ideal way."
        case .surpriseAndDelight: "Give more value than was asked for, and show it."
        case .sureThing: "Always in your hands: learn their business, build the relationship."
        }
    }

    public var index: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }
}
