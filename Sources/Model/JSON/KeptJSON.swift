/// A list's JSON text kept with the list it was made from, made again only when the list
/// changed: a save encodes and writes out the stakeholders and the activity log once, not
/// at every tick. (A list nobody changed is still the same array, so comparing them costs
/// nothing.)
struct KeptJSON<Element: Equatable & Sendable> {
    private var made: (list: [Element], json: JSONValue)?

    /// The list as JSON text for a member of the top-level object.
    mutating func json(of list: [Element], _ encode: (Element) -> JSONValue) -> JSONValue {
        if let made, made.list == list { return made.json }
        let json = JSONValue.encoded(EncodedJSON(.array(list.map(encode)), depth: StoreDocument.listDepth, isPiece: false))
        made = (list, json)
        return json
    }
}

/// The lists of a document whose JSON a store keeps from one save to the next.
struct KeptListsJSON {
    var stakeholders = KeptJSON<Stakeholder>()
    var activity = KeptJSON<ActivityEntry>()
}
