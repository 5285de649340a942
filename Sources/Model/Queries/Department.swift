/// The stores of a department's teams, one each, seen together: every team's orders and
/// stakeholders in one document, for one queue, one stand-up and one report. Two stores
/// with the same order numbers stay apart: an order is named by its team and number.
public struct Department: Sendable {
    public struct Team: Sendable {
        public var name: String
        /// Its store's file name without `.json`: how an order of it is named among all teams'.
        public var short: String
        public var document: StoreDocument
    }

    public let teams: [Team]
    /// Every team's orders, stakeholders and types; an order's number here holds its team's
    /// place and its own number (`combinedID`), a stakeholder's and a type's id their team's place.
    public let combined: StoreDocument

    /// Names from the stores' own names, made unique with their file names when two share one.
    public init(_ stores: [(path: String, document: StoreDocument)]) {
        let names = stores.map(\.document.name)
        teams = stores.map { store in
            let name = store.document.name
            let file = store.path.split(separator: "/").last.map(String.init) ?? store.path
            let short = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
            return Team(name: names.count { $0 == name } > 1 || name.isEmpty ? "\(name) (\(file))" : name, short: short,
                        document: store.document)
        }
        var combined = StoreDocument(name: teams.map(\.name).joined(separator: ", "))
        for (place, team) in teams.enumerated() {
            let prefix = "\(place)/"
            for type in team.document.orderTypes {
                var moved = type
                moved.id = prefix + type.id
                moved.name = "\(type.name) (\(team.name))"
                combined.orderTypes.append(moved)
            }
            for person in team.document.stakeholders {
                var moved = person
                moved.id = prefix + person.id
                combined.add(moved)
            }
            for order in team.document.orders {
                var moved = order
                moved.id = Self.combinedID(team: place, order: order.id)
                moved.stakeholderID = prefix + order.stakeholderID
                if !order.details.type.isEmpty { moved.details.type = prefix + order.details.type }
                moved.details.followUpOf = order.followUpOf.map { Self.combinedID(team: place, order: $0) }
                combined.add(moved)
            }
            combined.activity += team.document.activity.map { entry in
                var moved = entry
                moved.order = entry.order.map { Self.combinedID(team: place, order: $0) }
                return moved
            }
        }
        combined.activity.sort { $0.at < $1.at }
        combined.teamNames = teams.map(\.short)
        self.combined = combined
    }

    /// An order's number in `combined`: its team's place (from 1) above its own number, so
    /// that every combined number is above any store's own.
    public static func combinedID(team: Int, order: Int) -> Int {
        (team + 1) << 32 | order
    }

    /// The team's place (from 0) and the order's own number that a number of `combined`
    /// holds; nil for a store's own number.
    static func parts(of id: Int) -> (team: Int, order: Int)? {
        id >> 32 > 0 ? ((id >> 32) - 1, id & 0xFFFF_FFFF) : nil
    }

    /// Whether a number is one of `combined`'s rather than a store's own.
    public static func isCombined(_ id: Int) -> Bool {
        parts(of: id) != nil
    }

    /// `json` with every order number of `combined` (members `id` and `order`) as its label.
    public func labelled(_ json: JSONValue) -> JSONValue {
        switch json {
        case .array(let items):
            return .array(items.map(labelled))
        case .object(let object):
            var relabelled = object
            for key in object.memberNames {
                guard let value = object[key] else { continue }
                if key == "id" || key == "order", case .number(let number) = value, number >= 4_294_967_296,
                   let id = Int(exactly: number), Self.isCombined(id) {
                    relabelled[key] = .string(label(of: id))
                } else {
                    relabelled[key] = labelled(value)
                }
            }
            return .object(relabelled)
        default:
            return json
        }
    }

    /// An order of `combined` as people name it: its team's store file, and its number (`sales#12`).
    public func label(of combinedID: Int) -> String {
        combined.shortID(ofNumber: combinedID)
    }

    /// The team and the number of an order of `combined`.
    public func origin(of combinedID: Int) -> (team: Team, order: Int) {
        guard let (team, order) = Self.parts(of: combinedID) else { preconditionFailure("#\(combinedID) is a store's own number") }
        return (teams[team], order)
    }
}
