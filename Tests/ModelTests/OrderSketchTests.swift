import Foundation
@testable import Model
import TestSupport
import Testing
import Glibc

/// A store this machine knows to read whole opens from its orders' sketches: each sketch
/// holds what the file says of the fields a queue places an order by, as a JSON reader other
/// than fours's finds them, and every queue those fields can choose and order is the queue
/// the whole orders give. The orders read whole later are the file's.
@Suite struct OrderSketchTests: InAStoreFolder {
    let folder: TemporaryFolder

    private var versions: SyncVersions { SyncVersions(storePath: path, stateFolder: folder.file("state")) }

    /// The demo's orders five times over, with every field a sketch takes varied: several
    /// owners or none, no due day, closed with a day, each type and none, each priority.
    private func knownStore() throws -> StoreDocument {
        var document = Fixture.demo
        let types = [""] + document.orderTypes.map(\.id)
        for round in 1...4 {
            for (index, base) in Fixture.demo.orders.enumerated() {
                var order = base
                order.id = base.id + round * 100
                order.sourceID = ""
                switch (round + index) % 4 {
                case 0: order.owners = ["ana", "jon", "Zoë Ødegård"]
                case 1: order.owners = []
                case 2: order.due = nil
                default:
                    order.status = .closed
                    order.closedOn = Fixture.today.adding(days: -index)
                }
                order.details.type = types[(round + index) % types.count]
                order.priority = Priority.allCases[(round * index) % 3]
                document.add(order)
            }
        }
        try Store.create(path: path, document: document)
        _ = try Store(path: path, versions: versions)
        return document
    }

    /// The orders of the file as Foundation reads it, by id.
    private func foundationOrders() throws -> [Int: [String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: orders.map { ($0["id"] as! Int, $0) })
    }

    @Test func eachSketchHoldsWhatTheFileSaysOfItsPlaceInAList() throws {
        _ = try knownStore()
        let sketched = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(sketched.laterReading.holdsSketches)
        let file = try foundationOrders()
        #expect(Set(sketched.document.orders.map(\.id)) == Set(file.keys))
        for order in sketched.document.orders {
            let read = try #require(file[order.id])
            #expect(order.status.rawValue == read["status"] as? String)
            #expect(order.due?.description == read["due"] as? String)
            #expect(order.priority.rawValue == read["priority"] as? String)
            #expect(order.received.description == read["received"] as? String)
            #expect(order.closedOn?.description == read["closedOn"] as? String)
            #expect(order.owners == read["owners"] as? [String] ?? [])
            #expect(order.details.type == read["type"] as? String ?? "")
            #expect(order.title.isEmpty && order.checklist.allSteps.isEmpty, "#\(order.id) is a sketch, not read whole")
        }
        let varied = sketched.document.orders
        #expect(Set(varied.map(\.owners.count)).isSuperset(of: [0, 1, 3]) && varied.contains { $0.due == nil }
                && varied.contains { $0.closedOn != nil } && Set(varied.map(\.details.type)).count > 2)
    }

    @Test func aSketchFindsItsMembersInWhateverOrderTheyCome() throws {
        _ = try knownStore()
        // Each order's due day moved before its checklist, as another program may write it.
        let text = try #require(FileText.read(path))
        let opening = "\n    {\n"
        var orders = text.components(separatedBy: opening)
        var moved = 0
        for index in orders.indices.dropFirst() {
            guard let due = orders[index].firstMatch(of: /\n      "due": "[0-9-]+",/) else { continue }
            let line = String(orders[index][due.range].dropFirst())
            orders[index].removeSubrange(due.range)
            orders[index] = line + "\n" + orders[index]
            moved += 1
        }
        #expect(moved > 30)
        try FileText.write(orders.joined(separator: opening), to: path)
        #expect(try Store(path: path, versions: versions).document.orders.count == 55, "it reads whole, and is known sound")

        let sketched = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(sketched.laterReading.holdsSketches)
        let file = try foundationOrders()
        for order in sketched.document.orders {
            #expect(order.due?.description == file[order.id]?["due"] as? String, "#\(order.id)")
        }
    }

    @Test func everyListTheSketchesCanMakeIsTheOneTheWholeOrdersMake() throws {
        _ = try knownStore()
        let sketched = try Store(path: path, versions: versions, checklistsLater: true).document
        let whole = try Store(path: path, readOnly: true).document
        let today = Fixture.today
        #expect(QueueSummary(sketched, today: today) == QueueSummary(whole, today: today))
        var queries: [QueueQuery] = []
        for sort in QueueSort.allCases {
            for status in StatusFilter.allCases {
                for reversed in [false, true] {
                    var query = QueueQuery(status: status, sort: sort)
                    query.reversed = reversed
                    queries.append(query)
                    for filter in 0..<6 {
                        var filtered = query
                        switch filter {
                        case 0: filtered.owner = "ana"
                        case 1: filtered.priority = .high
                        case 2: filtered.type = whole.orderTypes.first?.id
                        case 3: filtered.due = .overdue
                        case 4: filtered.due = .thisWeek
                        default: filtered.conflictsOnly = true
                        }
                        queries.append(filtered)
                    }
                }
            }
        }
        var compared = 0
        for query in queries where query.needsOnlySketches {
            let list = OrderQueue(sketched, query: query, today: today)
            #expect(list == OrderQueue(whole, query: query, today: today), "\(query)")
            compared += list.isEmpty ? 0 : 1
        }
        #expect(compared > 100)
        // What the sketches do not hold, they cannot order by.
        #expect(OrderQueue(sketched, query: QueueQuery(sort: .stakeholder), today: today)
                != OrderQueue(whole, query: QueueQuery(sort: .stakeholder), today: today))
    }

    @Test func theOrdersReadLaterAreTheFilesAndTheFileIsKnownSoundAgain() throws {
        let document = try knownStore()
        let store = try Store(path: path, versions: versions, checklistsLater: true)
        try store.takeLaterReading(store.laterReading.read(orders: [3, 105]))
        #expect(store.document.order(id: 3) == document.order(id: 3) && store.document.order(id: 105) == document.order(id: 105))
        #expect(store.document.order(id: 4)?.title.isEmpty == true && store.laterReading.holdsSketches)
        try store.takeLaterReading(store.laterReading.read())
        #expect(store.laterReading.isEmpty && store.document.orders == document.orders)

        // Saved, the order changed and every other as it was, to another reader.
        let before = try foundationOrders()
        store.author = "ana"
        try store.apply(.addNote(.order(205), Note(id: "n-later", at: Fixture.now, by: "ana", text: "Read whole first")))
        let after = try foundationOrders()
        for (id, order) in before where id != 205 { #expect(after[id] as NSDictionary? == order as NSDictionary, "#\(id)") }
        #expect((after[205]?["notes"] as? [[String: Any]])?.last?["text"] as? String == "Read whole first")
        #expect(try Store(path: path, versions: versions, checklistsLater: true).laterReading.holdsSketches,
                "the file it wrote is known sound")
    }

    @Test func anotherWritersSaveIsKnownSoundOnceADashboardHereReloadsIt() throws {
        _ = try knownStore()
        let watching = try Store(path: path, versions: versions)
        let other = try Store(path: path, versions: SyncVersions(storePath: path, stateFolder: folder.file("other-state")))
        other.author = "ben"
        try other.apply(.addNote(.order(3), Note(id: "n-other", at: Fixture.now, by: "ben", text: "From elsewhere")))
        #expect(try !Store(path: path, versions: versions, checklistsLater: true).laterReading.holdsSketches, "new to this machine")
        #expect(try watching.reloadIfChanged())
        let reopened = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(reopened.laterReading.holdsSketches, "read whole by the reload")
        try reopened.takeLaterReading(reopened.laterReading.read())
        #expect(reopened.document.order(id: 3)?.notes.last?.text == "From elsewhere")
    }

    @Test func aFileChangedSinceItWasReadIsReadTheOtherWay() throws {
        let document = try knownStore()
        // Another program's edit, of the same length: the file is no longer known sound.
        let title = try #require(document.order(id: 4)?.title)
        let edited = title.replacing("e", with: "E")
        #expect(edited != title)
        try FileText.write(try #require(FileText.read(path)).replacing(title, with: edited), to: path)
        let opened = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(!opened.laterReading.holdsSketches)
        #expect(opened.document.order(id: 4)?.title == edited)

        // Changed in place after the sketches were made: read whole, the careful way.
        _ = try Store(path: path, versions: versions)
        let sketched = try Store(path: path, versions: versions, checklistsLater: true)
        #expect(sketched.laterReading.holdsSketches)
        let place = try #require(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data(edited.utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64(place.lowerBound))
        try handle.write(contentsOf: Data(title.utf8))
        try handle.close()
        let later = sketched.laterReading.read()
        #expect(later == nil, "the file changed under the read")
        try sketched.takeLaterReading(later)
        #expect(sketched.laterReading.isEmpty && sketched.document.order(id: 4)?.title == title)
    }
}
