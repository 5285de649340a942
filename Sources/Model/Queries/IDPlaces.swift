/// Where each id is in a list, found without hashing when the ids are small numbers (as
/// order ids are): an array by id then, else a dictionary.
struct IDPlaces: Sendable, Equatable {
    private var byID: [Int32] = []
    private var byHash: [Int: Int] = [:]

    init(ids: [Int]) {
        let largest = ids.max() ?? 0
        if ids.allSatisfy({ $0 >= 0 }), largest < 4 * ids.count + 1_024, ids.count < Int(Int32.max) {
            byID = [Int32](repeating: -1, count: largest + 1)
            for (place, id) in ids.enumerated().reversed() { byID[id] = Int32(place) }
        } else {
            byHash = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    subscript(id: Int) -> Int? {
        guard byHash.isEmpty else { return byHash[id] }
        guard id >= 0, id < byID.count, byID[id] >= 0 else { return nil }
        return Int(byID[id])
    }
}
