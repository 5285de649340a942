/// A three-way merge of two descendants of one JSON tree, by meaning rather than by line:
/// lists of things with an `id` (orders, stakeholders, steps, notes) merge element by
/// element, lists of words (tags, owners) as sets, other lists (stage history) as a
/// union. A value changed on one side only takes that change; a value changed two
/// different ways is a conflict: "ours" is kept and "theirs" recorded, except where the
/// meaning says otherwise (the earlier of two ticks, the stage of the latest move, an
/// edit over a deletion). Members this version does not know merge like any other.
struct JSONMerge {
    struct Conflict: Equatable {
        var path: MergePath
        var kept: JSONValue?
        var other: JSONValue?
        var rule: String
    }

    /// An order both sides added under one number: theirs took the next free one.
    struct Renumbering: Equatable {
        var from: Int
        var to: Int
    }

    private(set) var conflicts: [Conflict] = []
    private(set) var renumbered: [Renumbering] = []
    /// The highest order number in either descendant, so a renumbered order takes a free one.
    private var highestOrderID = 0
    /// Without the common ancestor, nothing can be told apart as added or deleted: the
    /// merge is a union, and one id on both sides is one thing, but for the orders each
    /// side's activity says it added itself (`addedOnBothSides`).
    private var hasBase = true
    /// Order numbers both sides added an order under, each its own.
    var addedOnBothSides: Set<Int> = []

    static let keptOurs = "kept this copy's value"

    mutating func mergeDocuments(base: JSONValue?, ours: JSONValue, theirs: JSONValue) -> JSONValue {
        highestOrderID = [ours, theirs].flatMap(Self.orderIDs).max() ?? 0
        hasBase = base != nil
        return merge(base, ours, theirs, at: MergePath()) ?? ours
    }

    private static func orderIDs(in document: JSONValue) -> [Int] {
        guard case .object(let root) = document, case .array(let orders)? = root["orders"] else { return [] }
        return orders.compactMap { MergePath.id(of: $0).flatMap(Self.integer) }
    }

    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .number(let number), .numberWithText(let number, _):
            number == number.rounded() && abs(number) < 1e15 ? Int(number) : nil
        default: nil
        }
    }

    /// Nil means absent (never written, or deleted).
    mutating func merge(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, at path: MergePath) -> JSONValue? {
        if ours == theirs { return ours }
        if !hasBase, let kept = ours ?? theirs, ours == nil || theirs == nil {
            // Without the ancestor, nothing shows a thing in a list was deleted: it was added
            // on one side (a list only one side has is all additions). A field set on one
            // side only still differs.
            if !path.endsInElement, !Self.isList(kept) {
                conflicts.append(Conflict(path: path, kept: kept, other: nil, rule: "kept the value only one copy has"))
            }
            return kept
        }
        if ours == base { return theirs }
        if theirs == base { return ours }
        switch (ours, theirs) {
        case (.object(let mine)?, .object(let other)?):
            guard case .object(let original)? = base else {
                return .object(mergeObjects(nil, mine, other, at: path))
            }
            return .object(mergeObjects(original, mine, other, at: path))
        case (.array(let mine)?, .array(let other)?):
            guard case .array(let original)? = base else { return .array(mergeLists([], mine, other, at: path)) }
            return .array(mergeLists(original, mine, other, at: path))
        case (nil, let kept?), (let kept?, nil):
            // Deleted on one side, changed on the other: the change is kept, nothing is lost.
            conflicts.append(Conflict(path: path, kept: kept, other: nil, rule: "kept the changed copy over the deletion"))
            return kept
        default:
            if path.lastMember == "saving" { return ours }
            conflicts.append(Conflict(path: path, kept: ours, other: theirs, rule: Self.keptOurs))
            return ours
        }
    }

    // MARK: Objects

    private mutating func mergeObjects(_ base: JSONObject?, _ ours: JSONObject, _ theirs: JSONObject,
                                       at path: MergePath) -> JSONObject {
        var merged = JSONObject()
        var names = ours.memberNames
        for name in theirs.memberNames where ours[name] == nil { names.append(name) }
        for name in base?.memberNames ?? [] where !names.contains(name) { names.append(name) }
        var handled: Set<String> = []
        if Self.holdsTick(base, ours, theirs) {
            let (at, by) = mergeTick(base, ours, theirs, at: path)
            merged.set("tickedAt", at)
            merged.set("tickedBy", by)
            handled = ["tickedAt", "tickedBy"]
        }
        for name in names where !handled.contains(name) {
            let value = merge(base?[name], ours[name], theirs[name], at: path.appending(.member(name)))
            merged.set(name, value)
        }
        settleStage(&merged, base: base, ours: ours, theirs: theirs, at: path)
        return merged
    }

    private static func isList(_ value: JSONValue) -> Bool {
        if case .array = value { return true }
        return false
    }

    private static func holdsTick(_ objects: JSONObject?...) -> Bool {
        objects.contains { $0?["tickedAt"] != nil || $0?["tickedBy"] != nil }
    }

    /// A step's tick is one value, who and when together. Two people who both ticked it
    /// mean the same: the earlier tick stays. Ticked on one side and unticked on the other
    /// after both changed it, the tick stays and the conflict is recorded.
    private mutating func mergeTick(_ base: JSONObject?, _ ours: JSONObject, _ theirs: JSONObject,
                                    at path: MergePath) -> (JSONValue?, JSONValue?) {
        func tick(_ object: JSONObject?) -> JSONValue? {
            guard let object, object["tickedAt"] != nil || object["tickedBy"] != nil else { return nil }
            return .object(JSONObject(["tickedAt": object["tickedAt"] ?? .null, "tickedBy": object["tickedBy"] ?? .null]))
        }
        let (original, mine, other) = (tick(base), tick(ours), tick(theirs))
        let chosen: JSONValue?
        if mine == other || other == original {
            chosen = mine
        } else if mine == original {
            chosen = other
        } else if case .object(let left)? = mine, case .object(let right)? = other {
            chosen = Self.text(right["tickedAt"]) < Self.text(left["tickedAt"]) ? other : mine
        } else {
            chosen = mine ?? other
            conflicts.append(Conflict(path: path.appending(.member("tickedAt")), kept: chosen.flatMap(Self.tickedAt),
                                      other: nil, rule: "kept the tick over the untick"))
        }
        guard case .object(let object)? = chosen else { return (nil, nil) }
        return (object["tickedAt"], object["tickedBy"])
    }

    private static func tickedAt(_ tick: JSONValue) -> JSONValue? {
        guard case .object(let object) = tick else { return nil }
        return object["tickedAt"]
    }

    private static func text(_ value: JSONValue?) -> String {
        if case .string(let text)? = value { return text }
        return ""
    }

    /// A stakeholder moved to two different stages: the merged history holds both moves,
    /// and the stage is where the latest of them went.
    private mutating func settleStage(_ merged: inout JSONObject, base: JSONObject?, ours: JSONObject, theirs: JSONObject,
                                      at path: MergePath) {
        guard let index = conflicts.lastIndex(where: { $0.path == path.appending(.member("stage")) }),
              case .array(let history)? = merged["stageHistory"] else { return }
        let latest = history.max { Self.text(Self.member("at", of: $0)) < Self.text(Self.member("at", of: $1)) }
        guard let stage = latest.flatMap({ Self.member("to", of: $0) }), stage == ours["stage"] || stage == theirs["stage"]
        else { return }
        let other = stage == ours["stage"] ? theirs["stage"] : ours["stage"]
        merged["stage"] = stage
        conflicts[index] = Conflict(path: path.appending(.member("stage")), kept: stage, other: other,
                                    rule: "kept the stage of the latest move")
    }

    private static func member(_ name: String, of value: JSONValue) -> JSONValue? {
        guard case .object(let object) = value else { return nil }
        return object[name]
    }

    // MARK: Lists

    private mutating func mergeLists(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue],
                                     at path: MergePath) -> [JSONValue] {
        let all = base + ours + theirs
        if all.allSatisfy({ MergePath.id(of: $0) != nil }) { return mergeByID(base, ours, theirs, at: path) }
        if all.allSatisfy({ if case .string = $0 { true } else { false } }) { return Self.union(base, ours, theirs) }
        var merged = Self.union(base, ours, theirs)
        if all.allSatisfy({ Self.member("at", of: $0) != nil }) {
            merged.sort { Self.text(Self.member("at", of: $0)) < Self.text(Self.member("at", of: $1)) }
        }
        return merged
    }

    /// What either side added, less what either side removed, each once; ours first, in its order.
    private static func union(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
        var merged: [JSONValue] = []
        for item in ours where !(base.contains(item) && !theirs.contains(item)) && !merged.contains(item) {
            merged.append(item)
        }
        for item in theirs where !base.contains(item) && !merged.contains(item) { merged.append(item) }
        return merged
    }

    private mutating func mergeByID(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue],
                                    at path: MergePath) -> [JSONValue] {
        func byID(_ items: [JSONValue]) -> [String: JSONValue] {
            Dictionary(items.compactMap { item in MergePath.id(of: item).map { (Self.key($0), item) } },
                       uniquingKeysWith: { first, _ in first })
        }
        let (original, mine, other) = (byID(base), byID(ours), byID(theirs))
        // A list only one side put in another order (a template's steps moved) takes that
        // side's order; otherwise ours leads, and what only they added follows.
        func keys(_ items: [JSONValue], in present: [String: JSONValue]) -> [String] {
            items.compactMap { MergePath.id(of: $0).map(Self.key) }.filter { present[$0] != nil }
        }
        let theirsLead = keys(ours, in: original) == keys(base, in: mine) && keys(theirs, in: original) != keys(base, in: other)
        var order: [JSONValue] = []
        var seen: Set<String> = []
        for item in (theirsLead ? theirs + ours : ours + theirs) + base {
            guard let id = MergePath.id(of: item), seen.insert(Self.key(id)).inserted else { continue }
            order.append(id)
        }
        var merged: [JSONValue] = []
        var added: [JSONValue] = []
        for id in order {
            let key = Self.key(id)
            let (b, o, t) = (original[key], mine[key], other[key])
            if b == nil, let o, let t, o != t, let kept = bothAdded(o, t, at: path) {
                merged.append(o)
                added.append(kept)
                continue
            }
            if let value = merge(b, o, t, at: path.appending(.element(id: id))) { merged.append(value) }
        }
        return merged + added
    }

    /// Two different things added under one id. Orders and notes both stay, theirs under
    /// a new id; anything else merges field by field. Returns theirs, renamed, to add.
    private mutating func bothAdded(_ ours: JSONValue, _ theirs: JSONValue, at path: MergePath) -> JSONValue? {
        guard case .object(var object) = theirs, let id = object["id"] else { return nil }
        switch path.lastMember {
        case "orders":
            guard let number = Self.integer(id), hasBase || addedOnBothSides.contains(number) else { return nil }
            highestOrderID += 1
            object["id"] = .number(Double(highestOrderID))
            renumbered.append(Renumbering(from: number, to: highestOrderID))
            return .object(object)
        case "notes":
            guard hasBase else { return nil }
            object["id"] = .string(MergePath.idText(id) + "-merged")
            return .object(object)
        default:
            return nil
        }
    }

    private static func key(_ id: JSONValue) -> String {
        if case .string(let text) = id { return "s" + text }
        return "n" + MergePath.idText(id)
    }
}
