/// How wide each column of the queue is for a width. The title gets what is left; when
/// that is too little to read, the other columns give way first: the stage keeps only
/// its number, the 4S progress becomes a count, the names narrow, then columns go.
struct QueueColumns: Equatable {
    static let readableTitle = 25
    static let narrowestTitle = 8
    /// One cell per step for a section of this many steps or fewer.
    static let sectionCells = 3

    var id: Int
    var priority = 2
    var title = 0
    var type: Int
    var owner: Int
    var stakeholder: Int
    var due = 8
    var progress = (sectionCells + 1) * 4
    var stage = 10

    var showsSections: Bool { progress > 6 }
    var showsStageTitle: Bool { stage > 4 }

    /// `idWidth` fits the largest id; `hasOwners` whether any order names an owner,
    /// `hasTypes` whether any has a type.
    init(width: Int, idWidth: Int, hasOwners: Bool, hasTypes: Bool = false) {
        id = idWidth
        type = hasTypes ? 13 : 0
        owner = hasOwners ? 10 : 0
        stakeholder = width >= 90 ? 16 : 12
        let narrowings: [(inout QueueColumns) -> Void] = [
            { $0.type = 0 },
            { $0.stage = 4 },
            { $0.owner = min($0.owner, 7) },
            { $0.progress = 6 },
            { $0.stakeholder = 9 },
            { $0.owner = 0 },
            { $0.stage = 0 },
            { $0.stakeholder = 0 },
        ]
        title = width - fixed
        for narrow in narrowings where title < Self.readableTitle {
            narrow(&self)
            title = width - fixed
        }
        title = max(Self.narrowestTitle, title)
    }

    private var fixed: Int { 2 + id + priority + type + owner + stakeholder + due + progress + stage }
}
