/// How far apart two versions of a store are: the number of values that differ, lists of
/// things with an `id` compared element by element. Used to find, among the versions a
/// machine saw, the one a copy grew from.
enum JSONDistance {
    /// The count, or `limit` as soon as it reaches it (nothing beyond that is wanted).
    static func between(_ left: JSONValue?, _ right: JSONValue?, limit: Int) -> Int {
        var count = 0
        measure(left, right, count: &count, limit: limit)
        return min(count, limit)
    }

    private static func measure(_ left: JSONValue?, _ right: JSONValue?, count: inout Int, limit: Int) {
        guard count < limit, left != right else { return }
        switch (left, right) {
        case (.object(let one)?, .object(let other)?):
            var names = one.memberNames
            for name in other.memberNames where one[name] == nil { names.append(name) }
            for name in names { measure(one[name], other[name], count: &count, limit: limit) }
        case (.array(let one)?, .array(let other)?) where (one + other).allSatisfy({ MergePath.id(of: $0) != nil }):
            var byID: [String: JSONValue] = [:]
            for item in other { if let id = MergePath.id(of: item) { byID[MergePath.idText(id)] = item } }
            for item in one {
                guard let id = MergePath.id(of: item) else { continue }
                measure(item, byID.removeValue(forKey: MergePath.idText(id)), count: &count, limit: limit)
            }
            count += byID.count
        default:
            count += 1
        }
    }
}
