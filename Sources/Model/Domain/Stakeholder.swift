/// One move of a stakeholder along the spectrum, kept so the history can be seen.
public struct StageChange: Sendable, Equatable {
    var preserved = PreservedFields()
    public var at: Timestamp
    public var from: EngagementStage
    public var to: EngagementStage
    public var by: String
    public var note: String

    public init(at: Timestamp, from: EngagementStage, to: EngagementStage, by: String, note: String = "") {
        self.at = at
        self.from = from
        self.to = to
        self.by = by
        self.note = note
    }
}

/// Someone in the business who sends orders to the L&D team.
public struct Stakeholder: Sendable, Equatable, Identifiable {
    /// A short, stable handle such as `dana-lee`, used by orders to refer to them.
    public var id: String
    public var name: String
    public var role: String
    public var team: String
    public var stage: EngagementStage
    public var stageHistory: [StageChange]
    var preserved = PreservedFields()

    public init(id: String, name: String, role: String = "", team: String = "",
                stage: EngagementStage = .orderTaker, stageHistory: [StageChange] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
        self.stage = stage
        self.stageHistory = stageHistory
    }
}
