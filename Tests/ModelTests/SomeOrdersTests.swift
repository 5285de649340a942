import Foundation
@testable import Model
import TestSupport
import Testing
import Glibc

/// A command that needs a few orders of a big store reads only those, when this machine
/// knows the file to be sound; whatever it saves, the orders it did not read come back
/// byte for byte, as a JSON reader other than fours's sees them.
@Suite struct SomeOrdersTests: InAStoreFolder {
    let folder: TemporaryFolder

    private var versions: SyncVersions { SyncVersions(storePath: path, stateFolder: folder.file("state")) }

    /// A generated store of `count` orders (some of them new, some delivered, some following
    /// up another), opened once whole so that it is known sound.
    private func knownStore(orders count: Int = 60) throws -> StoreDocument {
        var document = GeneratedStore.make(orders: count, now: Fixture.now)
        for id in stride(from: 2, through: count, by: 7) { document.updateOrder(id: id) { $0.details.status = .new } }
        for id in stride(from: 5, through: count, by: 11) { document.updateOrder(id: id) { $0.details.followUpOf = id - 3 } }
        try Store.create(path: path, document: document)
        let whole = try Store(path: path, versions: versions)
        whole.keepVersionRead(inBackground: false)
        #expect(whole.hasEveryOrder)
        return document
    }

    /// The orders of the file as Foundation reads it, by id.
    private func foundationOrders() throws -> [Int: NSDictionary] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: orders.map { ($0["id"] as! Int, $0 as NSDictionary) })
    }

    @Test func aTickReadsOneOrderAndLeavesEveryOtherAsItWas() throws {
        let document = try knownStore()
        let before = try foundationOrders()
        let some = try Store(path: path, versions: versions, only: [3, 7, 999])
        #expect(!some.hasEveryOrder)
        #expect(some.document.orders.map(\.id).sorted() == [3, 7], "only those asked for, of those there are")
        #expect(some.document.stakeholders == document.stakeholders && some.document.template == document.template)

        let step = try #require(document.order(id: 3)?.checklist.allSteps.first { !$0.step.isDone }?.step)
        some.author = "ana"
        try some.apply(.setStep(order: 3, step: step.id, tick: Tick(at: Fixture.now, by: "ana")))
        try some.apply(.addNote(.order(7), Note(id: "n-some", at: Fixture.now, by: "ana", text: "Asked for the figures")))

        let after = try foundationOrders()
        #expect(Set(after.keys) == Set(before.keys))
        for (id, order) in before where id != 3 && id != 7 { #expect(after[id] == order, "order #\(id) is as it was") }
        let ticked = try #require(after[3]?["checklist"] as? [String: [[String: Any]]])
        #expect(ticked.values.joined().contains { $0["id"] as? String == step.id && $0["tickedBy"] as? String == "ana" })
        #expect((after[7]?["notes"] as? [[String: Any]])?.last?["text"] as? String == "Asked for the figures")
        // Read whole, the careful way, the file is what applying both changes to all of it gives.
        var expected = document
        try StoreOperation.setStep(order: 3, step: step.id, tick: Tick(at: Fixture.now, by: "ana")).apply(to: &expected)
        try StoreOperation.addNote(.order(7), Note(id: "n-some", at: Fixture.now, by: "ana", text: "Asked for the figures")).apply(to: &expected)
        let reread = try #require(try Store.check(path: path))
        #expect(reread.problems.isEmpty && reread.document.orders == expected.orders)
    }

    @Test func aListingReadsTheOpenOrdersAlone() throws {
        _ = try knownStore()
        let statuses = try foundationOrders().mapValues { $0["status"] as? String }
        let open = Set(statuses.filter { $0.value == "new" || $0.value == "inProgress" }.keys)
        #expect(!open.isEmpty && open.count < statuses.count, "the store has open and other orders")
        let some = try Store(path: path, versions: versions, only: .open)
        #expect(!some.hasEveryOrder)
        #expect(Set(some.document.orders.map(\.id)) == open)
        let whole = try Store(path: path, readOnly: true)
        for order in some.document.orders { #expect(order == whole.document.order(id: order.id), "#\(order.id) as a whole read has it") }
        #expect(Set(some.orderNumbers(open: false)) == Set(statuses.keys).subtracting(open))
    }

    /// Found by reading the file's outline, or (a store of 1 MB or more) where they were recorded.
    @Test(arguments: [60, 600])
    func anOrderIsReadWithThoseItLinksTo(orders: Int) throws {
        var document = GeneratedStore.make(orders: orders, now: Fixture.now)
        document.updateOrder(id: 30) { $0.details.followUpOf = 12 }
        for id in [44, 9, 57] { document.updateOrder(id: id) { $0.details.followUpOf = 30 } }
        document.updateOrder(id: 31) { $0.details.followUpOf = 3 }
        try Store.create(path: path, document: document)
        try Store(path: path, versions: versions).keepVersionRead(inBackground: false)
        // What the file says follows what, as Foundation reads it.
        let links = try foundationOrders().compactMapValues { $0["followUpOf"] as? Int }
        let expected = Set([30] + [links[30]].compactMap { $0 } + links.filter { $0.value == 30 }.keys)
        #expect(expected == [12, 30, 44, 9, 57])
        let some = try Store(path: path, versions: versions, only: .linked(to: 30))
        #expect(!some.hasEveryOrder && Set(some.document.orders.map(\.id)) == expected)
        #expect(some.document.followUps(of: 30).map(\.id).sorted() == [9, 44, 57])
        #expect(try Store(path: path, versions: versions, only: .linked(to: 44)).document.orders.map(\.id).sorted() == [30, 44])
    }

    @Test func aChangeThatNeedsEveryOrderReadsThemFirst() throws {
        let document = try knownStore()
        let some = try Store(path: path, versions: versions, only: [3])
        // A new order under a number an unread order has: it takes the next free one.
        var newcomer = try #require(document.order(id: 3))
        newcomer.id = 10
        newcomer.details.title = "A new order"
        let applied = try some.apply(.addOrder(newcomer))
        #expect(applied == .addOrder({ var order = newcomer; order.id = 61; return order }()))
        #expect(some.hasEveryOrder)
        let after = try foundationOrders()
        #expect(after.count == 61 && after[10]?["title"] as? String == document.order(id: 10)?.title)
        #expect(after[61]?["title"] as? String == "A new order")

        // Deleting an order read is done on what was read; the others stay, through the
        // next save of the same store too.
        let beforeDeleting = try foundationOrders()
        let again = try Store(path: path, versions: versions, only: [5, 6])
        #expect(!again.hasEveryOrder)
        try again.apply(.deleteOrder(5))
        again.author = "ana"
        try again.apply(.addNote(.order(6), Note(id: "n-after", at: Fixture.now, by: "ana", text: "After the deletion")))
        #expect(!again.hasEveryOrder)
        let afterDeleting = try foundationOrders()
        #expect(afterDeleting.keys.sorted() == Array(1...61).filter { $0 != 5 })
        for (id, order) in afterDeleting where id != 6 { #expect(beforeDeleting[id] == order, "order #\(id) is as it was") }
        #expect((afterDeleting[6]?["notes"] as? [[String: Any]])?.last?["text"] as? String == "After the deletion")
        let open = afterDeleting.filter { ["new", "inProgress"].contains($0.value["status"] as? String) }.keys
        #expect(Set(again.orderNumbers(open: true)) == Set(open) && Set(again.orderNumbers(open: false)) == Set(afterDeleting.keys).subtracting(open))
    }

    @Test func aFileNotKnownSoundIsReadWholeAndItsProblemsFound() throws {
        _ = try knownStore()
        // Changed by hand in another order's text: its status moves, and the file is read
        // whole again, which finds the problem with its place.
        var text = try #require(FileText.read(path))
        let place = try #require(text.range(of: "\"status\": \"inProgress\""))
        text.replaceSubrange(place, with: "\"status\": \"bogus\"")
        try FileText.write(text, to: path + ".new")
        rename(path + ".new", path)
        #expect(throws: StoreError.self) { try Store(path: path, versions: versions, only: [1]) }

        // Touched only (the same text, a new time): read whole, and known sound again after.
        text.replaceSubrange(try #require(text.range(of: "\"status\": \"bogus\"")), with: "\"status\": \"inProgress\"")
        try FileText.write(text, to: path)
        #expect(try Store(path: path, versions: versions, only: [1]).hasEveryOrder)
        #expect(try Store(path: path, versions: versions, only: [1]).hasEveryOrder == false)
        // Another machine's state knows nothing of it.
        let elsewhere = SyncVersions(storePath: path, stateFolder: folder.file("other-state"))
        #expect(try Store(path: path, versions: elsewhere, only: [1]).hasEveryOrder)
    }

    @Test func aWindowOfTheFileEndingBetweenTwoOrdersLosesNothing() throws {
        // The store's name made as long as puts the end of the first window read (1 MB)
        // in the middle of what parts two orders.
        var document = GeneratedStore.make(orders: 600, now: Fixture.now)
        let separator = Array(",\n    {".utf8)
        let windowEnd = 1 << 20
        let text = JSONWriter.bytes(for: document.json)
        let place = try #require(stride(from: windowEnd - 1, through: 0, by: -1).first { text[$0...].starts(with: separator) })
        document.name += String(repeating: "x", count: windowEnd - place - 3)
        #expect(Array(JSONWriter.bytes(for: document.json)[(windowEnd - 3)..<(windowEnd + 4)]) == separator)
        try Store.create(path: path, document: document)
        try Store(path: path, versions: versions).keepVersionRead(inBackground: false)
        let some = try Store(path: path, versions: versions, only: [1, 600])
        #expect(!some.hasEveryOrder && some.document.orders.map(\.id) == [1, 600])
        some.author = "ana"
        try some.apply(.addNote(.order(600), Note(id: "n-end", at: Fixture.now, by: "ana", text: "At the end")))
        let reread = try #require(try Store.check(path: path))
        #expect(reread.problems.isEmpty && reread.document.orders.count == 600)
        #expect(reread.document.order(id: 600)?.notes.last?.text == "At the end")
    }

    @Test func anOrderWhoseNumberIsNotWhereFoursWritesItMakesTheFileReadWhole() throws {
        _ = try knownStore(orders: 5)
        // The id member moved onto the line of another member: still valid JSON, the same
        // document, but no longer found without parsing.
        var text = try #require(FileText.read(path))
        let id = try #require(text.range(of: "\n      \"id\": 2,"))
        text.replaceSubrange(id, with: " \"id\": 2,")
        try FileText.write(text, to: path)
        try Store(path: path, versions: versions).keepVersionRead(inBackground: false)
        // Known sound, but where its orders are is not recorded (as by an earlier fours).
        unlink(versions.folder + "/order-places")
        let store = try Store(path: path, versions: versions, only: [2])
        #expect(store.hasEveryOrder && store.document.orders.count == 5)
    }

    @Test func whereEachOrderIsRecordedIsWhereTheFileHasIt() throws {
        _ = try knownStore(orders: 600)
        #expect(try FileSystem.status(of: path)!.size >= OrderPlaces.smallestFileRecorded)
        let some = try Store(path: path, versions: versions, only: [4, 9])
        some.author = "ana"
        try some.apply(.addNote(.order(4), Note(id: "n-place", at: Fixture.now, by: "ana", text: "Placed")))
        let new = try #require(some.document.order(id: 9)?.details)
        #expect(new.status == .new)
        try some.apply(.editOrder(9, from: new, to: { var details = new; details.status = .delivered; return details }()))
        #expect(!some.hasEveryOrder)
        // Found apart: the file's outline, read from its text.
        let file = try #require(try OpenedFile.open(path))
        let outline = try #require(try FileOutline(file, findingFollowUps: true))
        let recorded = try #require(versions.orderPlaces(of: file.status))
        #expect(recorded.places.map(\.id) == outline.orders.map(\.id))
        #expect(recorded.places.map(\.range) == outline.orders.map(\.range))
        #expect(recorded.places.map(\.isOpen) == outline.orders.map(\.isOpen))
        #expect(recorded.places.map(\.followUpOf) == outline.orders.map(\.followUpOf))
        #expect(recorded.places.contains { $0.followUpOf != nil }, "the store has follow-ups")
        #expect(recorded.places.first { $0.id == 9 }?.isOpen == false, "the status just saved")
        // Of another status (the file touched), nothing is recorded.
        var touched = file.status
        touched.modifiedNanoseconds += 1
        #expect(versions.orderPlaces(of: touched) == nil)
    }

    @Test func aDashboardRecordsWhereTheOrdersAreInAMomentNobodyWaitsOn() throws {
        _ = try knownStore(orders: 600)
        let dashboard = try Store(path: path, versions: versions)
        dashboard.recordsPlacesLater = true
        dashboard.author = "ana"
        try dashboard.apply(.addNote(.order(4), Note(id: "n-later", at: Fixture.now, by: "ana", text: "Later")))
        let file = try #require(try OpenedFile.open(path))
        #expect(versions.orderPlaces(of: file.status) == nil, "not while the save waits to be shown")
        dashboard.recordPlacesIfDue()
        let outline = try #require(try FileOutline(file, findingFollowUps: true))
        #expect(versions.orderPlaces(of: file.status)?.places.map(\.range) == outline.orders.map(\.range))
    }

    @Test func aRecordOfPlacesIsTakenOnlyWholeAndInTheFilesOrder() {
        let text = Array("1 10 5 1 -\n2 17 4 0 1\n".utf8)
        let places = OrderPlaces(text: text[...], fileSize: 30)
        #expect(places?.places == [OrderPlaces.Place(id: 1, range: 10..<15, isOpen: true),
                                   OrderPlaces.Place(id: 2, range: 17..<21, isOpen: false, followUpOf: 1)])
        #expect(places?.text == text)
        let broken = ["1 10 5 1 -", "1 10 5 2 -\n", "1 10 5 1 -\n2 12 4 0 -\n", "1 28 5 1 -\n", "1 10 0 1 -\n",
                      "1 010 5 1 -\n", "1 10 5 1 -\n\n", "1 10 5 1\n", "1 10 5 1 --\n", "-1 10 5 1 -\n", "x"]
        for record in broken { #expect(OrderPlaces(text: Array(record.utf8)[...], fileSize: 30) == nil, "\(record)") }
        // A store may number an order below 0; the record has no place for it.
        #expect(OrderPlaces([OrderPlaces.Place(id: -1, range: 10..<15, isOpen: true)], fileSize: 30) == nil)
        #expect(OrderPlaces([OrderPlaces.Place(id: 1, range: 10..<15, isOpen: true, followUpOf: -2)], fileSize: 30) == nil)
    }

    @Test func aFileInAnotherLayoutOnceReadWholeGivesUpOneOrder() throws {
        let document = try knownStore(orders: 900)
        // The same store on one line, as another program may write it: no outline is found
        // in it, but a whole read records where each order is.
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))))
        try compact.write(to: URL(fileURLWithPath: path))
        #expect(compact.count >= OrderPlaces.smallestFileRecorded)
        #expect(try FileOutline(#require(try OpenedFile.open(path))) == nil)
        let before = try foundationOrders()
        try Store(path: path, versions: versions).keepVersionRead(inBackground: false)

        let some = try Store(path: path, versions: versions, only: [3])
        #expect(!some.hasEveryOrder && some.document.orders == [document.order(id: 3)].compactMap { $0 })
        some.author = "ana"
        try some.apply(.addNote(.order(3), Note(id: "n-compact", at: Fixture.now, by: "ana", text: "One line")))
        let after = try foundationOrders()
        #expect(Set(after.keys) == Set(before.keys))
        for (id, order) in before where id != 3 { #expect(after[id] == order, "order #\(id) is as it was") }
        #expect((after[3]?["notes"] as? [[String: Any]])?.last?["text"] as? String == "One line")
        // And again, from the places that save recorded: an order with those it links to.
        let links = try foundationOrders().compactMapValues { $0["followUpOf"] as? Int }
        let linked = Set([16] + [links[16]].compactMap { $0 } + links.filter { $0.value == 16 }.keys)
        #expect(linked.count > 1, "order #16 is linked")
        let again = try Store(path: path, versions: versions, only: .linked(to: 16))
        #expect(!again.hasEveryOrder && Set(again.document.orders.map(\.id)) == linked)
    }
}
