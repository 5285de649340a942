/// Choices a team makes for its whole store, kept in the file under `settings`.
public struct StoreSettings: Sendable, Equatable {
    public static let defaultFollowUpDays = 30

    /// After how many days without contact a stakeholder is listed for a follow-up.
    public var followUpDays: Int?
    var preserved = PreservedFields()

    public init(followUpDays: Int? = nil) {
        self.followUpDays = followUpDays
    }

    public var isEmpty: Bool { self == StoreSettings() && preserved.object.isEmpty }

    /// The follow-up period in force: the store's, or 30 days.
    public var followUpPeriod: Int { followUpDays ?? Self.defaultFollowUpDays }
}
