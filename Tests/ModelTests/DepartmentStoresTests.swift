import Foundation
import Model
import TestSupport
import Testing
import Glibc

/// A department's view: changes made on the combined document land in the store of the
/// orders and stakeholders they touch, under that store's lock, and nowhere else.
@Suite struct DepartmentStoresTests {
    let folder: TemporaryFolder
    let sales: String
    let operations: String

    init() throws {
        folder = try TemporaryFolder()
        sales = folder.file("sales.json")
        operations = folder.file("operations.json")
        var other = Fixture.demo
        other.name = "Operations"
        try Store.create(path: sales, document: Fixture.demo)
        try Store.create(path: operations, document: other)
    }

    private func open(lockTimeout: Double = 2) throws -> DepartmentStores {
        let stores = try [sales, operations].map { try Store(path: $0, lockTimeout: lockTimeout) }
        for store in stores { store.author = "ana" }
        return DepartmentStores(stores)
    }

    /// The orders of a file as Foundation reads it, by number.
    private func orders(in path: String) throws -> [Int: NSDictionary] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: orders.map { ($0["id"] as! Int, $0 as NSDictionary) })
    }

    private func stage(of stakeholder: String, in path: String) throws -> String? {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let people = try #require(root["stakeholders"] as? [[String: Any]])
        return people.first { $0["id"] as? String == stakeholder }?["stage"] as? String
    }

    private func ticked(_ step: String, of order: Int, in path: String) throws -> Bool {
        let checklist = try #require(try orders(in: path)[order]?["checklist"] as? [String: [[String: Any]]])
        return checklist.values.joined().contains { $0["id"] as? String == step && $0["tickedBy"] != nil }
    }

    @Test func eachChangeLandsInItsOwnStoreAlone() throws {
        let department = try open()
        #expect(department.document.orders.count == 2 * Fixture.demo.orders.count)
        let number = try #require(Fixture.demo.orders.first { $0.status.isOpen }?.id)
        let step = try #require(Fixture.demo.order(id: number)?.checklist.allSteps.first { !$0.step.isDone }?.step.id)
        let salesBefore = try #require(FileText.read(sales))

        // The operations team's order of that number: its file, not the sales team's.
        let inOperations = Department.combinedID(team: 1, order: number)
        let saved = try department.save([.setStep(order: inOperations, step: step, tick: Tick(at: Fixture.now, by: "ana"))])
        #expect(saved.outcomes == [.saved(.setStep(order: inOperations, step: step, tick: Tick(at: Fixture.now, by: "ana")))])
        #expect(try ticked(step, of: number, in: operations))
        #expect(FileText.read(sales) == salesBefore, "the other store is not written")
        #expect(saved.document.order(id: inOperations)?.checklist.allSteps.first { $0.step.id == step }?.step.isDone == true)

        // A stakeholder of the sales team moves there; the operations team's namesake stays.
        let person = try #require(Fixture.demo.stakeholders.first { $0.stage != .strategicPartner })
        let target = EngagementStage(rawValue: person.stage.rawValue + 1)!
        _ = try department.save([.moveStakeholder(id: "0/\(person.id)", to: target, at: Fixture.now, by: "ana")])
        #expect(try stage(of: person.id, in: sales) == target.key)
        #expect(try stage(of: person.id, in: operations) == person.stage.key)

        // Several orders of both teams closed together: each file gets its own.
        let (first, second) = (Department.combinedID(team: 0, order: number), Department.combinedID(team: 1, order: number))
        let (operation, _) = try #require(department.document.bulk(.close(as: .delivered, on: Fixture.today, note: nil),
                                                                    orders: [first, second]))
        let closed = try department.save([operation])
        guard case .saved = closed.outcomes.first else { Issue.record("not saved: \(closed.outcomes)"); return }
        #expect(try orders(in: sales)[number]?["status"] as? String == "delivered")
        #expect(try orders(in: operations)[number]?["status"] as? String == "delivered")
        #expect(closed.document.order(id: first)?.status == .delivered && closed.document.order(id: second)?.status == .delivered)
    }

    @Test func whatBelongsToAStoreAsAWholeIsRefusedAndNothingWritten() throws {
        let department = try open()
        let before = try [sales, operations].map { try #require(FileText.read($0)) }
        var order = try #require(department.document.orders.first)
        order.id = 77
        let adding = try department.save([.addOrder(order)])
        #expect(adding.outcomes == [.refused("not saved: \(Department.changeElsewhere)")])

        // An order cannot be handed to another team's stakeholder.
        let own = try #require(department.document.orders.first { Department.combinedID(team: 0, order: 1) == $0.id })
        var moved = own.details
        moved.stakeholderID = "1/" + own.stakeholderID.split(separator: "/").last!
        let moving = try department.save([.editOrder(own.id, from: own.details, to: moved)])
        guard case .refused = moving.outcomes.first else { Issue.record("saved: \(moving.outcomes)"); return }
        #expect(try [sales, operations].map { try #require(FileText.read($0)) } == before)
    }

    @Test func eachStoreIsSavedUnderItsOwnLock() throws {
        let department = try open(lockTimeout: 0.3)
        // Another process holds the sales store's lock.
        let lock = Glibc.open(sales + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let step = try #require(Fixture.demo.order(id: 1)?.checklist.allSteps.first { !$0.step.isDone }?.step.id)
        let tick = Tick(at: Fixture.now, by: "ana")
        _ = try department.save([.setStep(order: Department.combinedID(team: 1, order: 1), step: step, tick: tick)])
        #expect(try ticked(step, of: 1, in: operations), "the other store's lock is free")
        #expect(throws: StoreError.self) {
            try department.save([.setStep(order: Department.combinedID(team: 0, order: 1), step: step, tick: tick)])
        }
        #expect(try !ticked(step, of: 1, in: sales))
    }

    @Test func anotherProcesssChangeToOneStoreShows() throws {
        let department = try open()
        let other = try Store(path: operations)
        let step = try #require(Fixture.demo.order(id: 2)?.checklist.allSteps.first { !$0.step.isDone }?.step.id)
        try other.apply(.setStep(order: 2, step: step, tick: Tick(at: Fixture.now, by: "ben")))
        #expect(try department.reloadIfChanged())
        let order = department.document.order(id: Department.combinedID(team: 1, order: 2))
        #expect(order?.checklist.allSteps.first { $0.step.id == step }?.step.tick?.by == "ben")
        #expect(try !department.reloadIfChanged())
    }
}
