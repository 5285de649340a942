/// Orders moved whole from one store to another: from a JSON export (each order carries
/// its `record`, the order as the store file holds it, and its stakeholder's) or from a
/// whole store file, another team's. Both are read by the store's own reader, so every
/// field comes across: steps with who and when, notes, measurement, value, decisions, the
/// stakeholders with their stage history.
public enum OrderTransfer {
    /// What reading an export found wrong, in words.
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    public struct Plan: Sendable {
        public var orders: [TrainingOrder] = []
        public var newStakeholders: [Stakeholder] = []
        /// The order types the orders have that the store has under no name.
        public var newTypes: [OrderType] = []
        /// Orders whose number the store had taken: they took the next free one.
        public var renumbered: [(from: Int, to: Int)] = []
        /// Stakeholders of another person under an id the store uses: they took a new one.
        public var stakeholdersRenamed: [(from: String, to: String)] = []
        /// Orders the store holds already, as they are, by their number there.
        public var alreadyThere: [Int] = []

        /// One change: the new types and stakeholders, then the orders, saved together or not at all.
        public var operation: StoreOperation {
            .batch(newTypes.map(OrderType.addition) + newStakeholders.map { .addStakeholder($0) } + orders.map { .addOrder($0) })
        }
    }

    /// The orders and stakeholders a JSON text holds: a store file, or fours's JSON export of
    /// orders (or of stakeholders alone).
    public static func incoming(_ json: JSONValue) throws(Failure) -> StoreDocument {
        let root: JSONValue
        switch json {
        case .object(let object) where object["orders"] != nil || object["stakeholders"] != nil:
            root = json
        case .array(let entries):
            var (orders, stakeholders, types, seen) = ([JSONValue](), [JSONValue](), [JSONValue](), Set<String>())
            for (index, entry) in entries.enumerated() {
                guard case .object(let object) = entry else { throw Failure(message: "entry \(index + 1) is not an object") }
                if case .object(let person)? = object["stakeholder"], let record = person["record"] {
                    if case .object(let fields) = record, case .string(let id)? = fields["id"], !seen.insert(id).inserted {
                        // One stakeholder, carried by each of their orders.
                    } else {
                        stakeholders.append(record)
                    }
                }
                if case .object(let type)? = object["type"], let record = type["record"],
                   case .string(let id)? = type["id"], seen.insert("type " + id).inserted {
                    types.append(record)
                }
                guard let record = object["record"] else {
                    throw Failure(message: "entry \(index + 1) has no record: export it again with this fours "
                                  + "(fours export --format json)")
                }
                if object["stakeholder"] == nil, object["stageNumber"] != nil { stakeholders.append(record) } else { orders.append(record) }
            }
            root = .object(JSONObject(["schemaVersion": .number(1), "name": .string("import"),
                                       "orders": .array(orders), "stakeholders": .array(stakeholders),
                                       "orderTypes": .array(types)]))
        default:
            throw Failure(message: "it is neither a store nor fours's JSON export of orders")
        }
        let reading = StoreDocument.read(root)
        if reading.isNewerVersion { throw Failure(message: "it was written by a newer fours; update fours to import it") }
        if let problem = reading.problems.first { throw Failure(message: problem.description) }
        return reading.document
    }

    /// How `incoming`'s orders join `document`: numbers kept where they are free, the
    /// stakeholders they need added (a person the store knows is kept as the store has them).
    public static func plan(_ incoming: StoreDocument, into document: StoreDocument) -> Plan {
        var plan = Plan()
        var working = document
        var stakeholderIDs: [String: String] = [:]
        for person in incoming.stakeholders where incoming.orders.contains(where: { $0.stakeholderID == person.id })
            || incoming.orders.isEmpty {
            if let known = working.stakeholder(id: person.id), known.name.folded == person.name.folded {
                stakeholderIDs[person.id] = known.id
                continue
            }
            var added = person
            if working.stakeholder(id: person.id) != nil {
                added.id = Stakeholder.newID(for: person.name, existing: working.stakeholders)
                plan.stakeholdersRenamed.append((person.id, added.id))
            }
            stakeholderIDs[person.id] = added.id
            working.add(added)
            plan.newStakeholders.append(added)
        }
        // A type the store has by name is the store's; another comes with its template.
        var typeIDs: [String: String] = [:]
        for type in incoming.orderTypes where incoming.orders.contains(where: { $0.details.type == type.id }) {
            if let known = working.orderTypeID(named: type.name), !known.isEmpty {
                typeIDs[type.id] = known
                continue
            }
            var added = type
            if working.orderType(id: type.id) != nil { added.id = OrderType.newID(for: type.name, among: working.orderTypes) }
            typeIDs[type.id] = added.id
            working.orderTypes.append(added)
            plan.newTypes.append(added)
        }
        for order in incoming.orders {
            var moved = order
            moved.stakeholderID = stakeholderIDs[order.stakeholderID] ?? order.stakeholderID
            moved.details.type = typeIDs[order.details.type] ?? order.details.type
            if let there = working.order(id: order.id) {
                if there == moved {
                    plan.alreadyThere.append(order.id)
                    continue
                }
                moved.id = working.nextOrderID
                plan.renumbered.append((order.id, moved.id))
            }
            working.add(moved)
            plan.orders.append(moved)
        }
        return plan
    }
}
