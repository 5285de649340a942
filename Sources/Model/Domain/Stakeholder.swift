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

/// The next planned contact with a stakeholder: the habit the Sure Thing builds.
public struct Touchpoint: Sendable, Equatable {
    public var on: CalendarDay
    public var purpose: String
    var preserved = PreservedFields()

    public init(on: CalendarDay, purpose: String) {
        self.on = on
        self.purpose = purpose
    }
}

/// What a person edits about a stakeholder in their form.
public struct StakeholderDetails: Sendable, Equatable {
    public var name: String
    public var role: String
    public var team: String
    /// The three R's of a partnership, each rated 0 to 3.
    public var rapport: Int?
    public var reputation: Int?
    public var relationships: Int?
    public var nextTouchpoint: Touchpoint?

    public init(name: String, role: String = "", team: String = "", rapport: Int? = nil, reputation: Int? = nil,
                relationships: Int? = nil, nextTouchpoint: Touchpoint? = nil) {
        self.name = name
        self.role = role
        self.team = team
        self.rapport = rapport
        self.reputation = reputation
        self.relationships = relationships
        self.nextTouchpoint = nextTouchpoint
    }

}

extension StakeholderDetails: FieldwiseMergeable {
    public static var mergeFields: [MergeField<StakeholderDetails>] { table.mergeFields }
}

/// Someone in the business who sends orders to the L&D team.
@dynamicMemberLookup
public struct Stakeholder: Sendable, Equatable, Identifiable {
    /// A short, stable handle such as `dana-okafor`, used by orders to refer to them.
    public var id: String
    public var details: StakeholderDetails
    public var stage: EngagementStage
    public var stageHistory: [StageChange]
    /// Newest last; shown newest first.
    public var notes: [Note] = []
    var preserved = PreservedFields()

    public init(id: String, details: StakeholderDetails, stage: EngagementStage = .orderTaker,
                stageHistory: [StageChange] = [], notes: [Note] = []) {
        self.id = id
        self.details = details
        self.stage = stage
        self.stageHistory = stageHistory
        self.notes = notes
    }

    public init(id: String, name: String, role: String = "", team: String = "",
                stage: EngagementStage = .orderTaker, stageHistory: [StageChange] = []) {
        self.init(id: id, details: StakeholderDetails(name: name, role: role, team: team), stage: stage,
                  stageHistory: stageHistory)
    }

    // Inlinable: a field named at the call site is then read straight from the details,
    // not through a key path looked up at run time.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<StakeholderDetails, Value>) -> Value {
        get { details[keyPath: field] }
        set { details[keyPath: field] = newValue }
    }

    /// Whether the planned touchpoint's day has passed.
    public func touchpointIsOverdue(on today: CalendarDay) -> Bool {
        details.nextTouchpoint.map { $0.on < today } ?? false
    }

    /// A handle made from a name, unique among `existing`: "Chloé Martin" is `chloe-martin`.
    public static func newID(for name: String, existing: [Stakeholder]) -> String {
        let slug = UniqueName.slug(name)
        return UniqueName.make(slug.isEmpty ? "stakeholder" : slug) { id in existing.contains { $0.id == id } }
    }
}
