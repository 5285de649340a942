/// Where a stakeholder relationship sits on the spectrum from order taker to strategic
/// business partner. It belongs to each stakeholder and moves both ways.
public enum EngagementStage: Int, CaseIterable, Sendable, Comparable {
    case orderTaker = 1
    case orderWithChange
    case collaborator
    case trustedPartner
    case strategicPartner

    /// The name written in the store file.
    public var key: String {
        switch self {
        case .orderTaker: "orderTaker"
        case .orderWithChange: "orderWithChange"
        case .collaborator: "collaborator"
        case .trustedPartner: "trustedPartner"
        case .strategicPartner: "strategicPartner"
        }
    }

    public init?(key: String) {
        guard let stage = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = stage
    }

    public var title: String {
        switch self {
        case .orderTaker: "Order taker"
        case .orderWithChange: "Order with a change"
        case .collaborator: "Collaborator"
        case .trustedPartner: "Trusted partner"
        case .strategicPartner: "Strategic partner"
        }
    }

    /// A short label for narrow columns.
    public var shortTitle: String {
        switch self {
        case .orderTaker: "Taker"
        case .orderWithChange: "Change"
        case .collaborator: "Collab"
        case .trustedPartner: "Trusted"
        case .strategicPartner: "Partner"
        }
    }

    /// The sign that a relationship has reached this stage.
    public var sign: String {
        switch self {
        case .orderTaker: "They send finished solutions for us to carry out."
        case .orderWithChange: "We take the order and use the 4S to shift the relationship."
        case .collaborator: "They bring problems, not solutions, and solve them with us."
        case .trustedPartner: "Rapport, reputation and relationships are all in place."
        case .strategicPartner: "We are in the room from the start of key initiatives."
        }
    }

    public var higher: EngagementStage? { EngagementStage(rawValue: rawValue + 1) }
    public var lower: EngagementStage? { EngagementStage(rawValue: rawValue - 1) }

    public static func < (lhs: EngagementStage, rhs: EngagementStage) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
