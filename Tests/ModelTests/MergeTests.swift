import Model
import TestSupport
import Testing

@Suite struct MergeTests {
    let base = Fixture.demo
    let at = Timestamp(secondsSince1970: Fixture.now.secondsSince1970 + 3_600)

    private func merge(_ ours: StoreDocument, _ theirs: StoreDocument, base: StoreDocument? = Fixture.demo)
        throws -> StoreMerge.Result {
        try StoreMerge.merge(base: base, ours: ours, theirs: theirs, by: "ana", at: at)
    }

    private func edited(_ change: (inout StoreDocument) throws -> Void) rethrows -> StoreDocument {
        var document = base
        try change(&document)
        return document
    }

    @Test func changesOnEitherSideAreAllKeptAndOnlyTwoWaysIsAConflict() throws {
        let ours = try edited { document in
            document.updateOrder(id: 1) { $0.title = "Ours" }
            document.updateOrder(id: 2) { $0.tags.append("ours") }
            try StoreOperation.setStep(order: 3, step: "before-after", tick: Tick(at: at, by: "ana")).apply(to: &document)
        }
        let theirs = try edited { document in
            document.updateOrder(id: 1) { $0.title = "Theirs" }
            document.updateOrder(id: 1) { $0.priority = .low }
            document.updateOrder(id: 2) { $0.tags.append("theirs") }
            try StoreOperation.addNote(.order(4), Note(id: "n1", at: at, by: "ben", text: "hello")).apply(to: &document)
        }
        let result = try merge(ours, theirs)
        let merged = result.document
        #expect(merged.order(id: 1)?.title == "Ours", "ours is kept")
        #expect(merged.order(id: 1)?.priority == .low)
        #expect(merged.order(id: 2)?.tags == ["safety", "video", "ours", "theirs"])
        #expect(merged.order(id: 3)?.checklist[.surpriseAndDelight][2].tick?.by == "ana")
        #expect(merged.order(id: 4)?.notes.map(\.id) == ["n1"])
        #expect(result.conflicts.map { "\($0.subject) \($0.path)" } == ["order(1) title"])
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.kept == .string("Ours") && conflict.other == .string("Theirs") && conflict.by == "ana")
        #expect(merged.conflicts == result.conflicts, "the store records it")
        #expect(conflict.summary(in: merged).hasPrefix("order #1 title: kept “Ours”, the other copy had “Theirs”"))

        // Choosing: the other value comes in; undoing the choice brings the conflict back.
        let operation = StoreOperation.resolveConflict(conflict, takeOther: true)
        var chosen = merged
        let undo = try #require(operation.inverse(before: chosen))
        try operation.apply(to: &chosen)
        #expect(chosen.order(id: 1)?.title == "Theirs" && chosen.conflicts.isEmpty)
        try undo.apply(to: &chosen)
        #expect(chosen == merged)
        var kept = merged
        try StoreOperation.resolveConflict(conflict, takeOther: false).apply(to: &kept)
        #expect(kept.order(id: 1)?.title == "Ours" && kept.conflicts.isEmpty)
    }

    @Test func ticksStagesAdditionsAndDeletionsMergeByWhatTheyMean() throws {
        let early = Tick(at: Timestamp(secondsSince1970: at.secondsSince1970 - 60), by: "ben")
        let ours = try edited { document in
            try StoreOperation.setStep(order: 7, step: "partner-questions", tick: Tick(at: at, by: "ana")).apply(to: &document)
            try StoreOperation.moveStakeholder(id: "dana-okafor", to: .collaborator, at: at, by: "ana").apply(to: &document)
            try StoreOperation.addOrder(TrainingOrder(id: 12, title: "Ours new", request: "", stakeholderID: "dana-okafor",
                                                      audience: "", received: Fixture.today, due: nil,
                                                      checklist: document.template)).apply(to: &document)
            try StoreOperation.deleteOrder(6).apply(to: &document)
            try StoreOperation.deleteOrder(9).apply(to: &document)
        }
        let theirs = try edited { document in
            try StoreOperation.setStep(order: 7, step: "partner-questions", tick: early).apply(to: &document)
            let later = Timestamp(secondsSince1970: at.secondsSince1970 + 60)
            try StoreOperation.moveStakeholder(id: "dana-okafor", to: .orderWithChange, at: later, by: "ben").apply(to: &document)
            try StoreOperation.addOrder(TrainingOrder(id: 12, title: "Theirs new", request: "", stakeholderID: "aiko-tanaka",
                                                      audience: "", received: Fixture.today, due: nil,
                                                      checklist: document.template)).apply(to: &document)
            document.updateOrder(id: 9) { $0.title = "Still wanted" }
        }
        let result = try merge(ours, theirs)
        let merged = result.document
        #expect(merged.order(id: 7)?.checklist[.shiftMindset][0].tick == early, "both ticked it: the earlier tick")
        let dana = try #require(merged.stakeholder(id: "dana-okafor"))
        #expect(dana.stageHistory.map(\.to) == [.collaborator, .orderWithChange], "both moves, in time order")
        #expect(dana.stage == .orderWithChange, "where the latest move went")
        #expect(merged.order(id: 12)?.title == "Ours new" && merged.order(id: 13)?.title == "Theirs new")
        #expect(result.renumbered.map { [$0.from, $0.to] } == [[12, 13]])
        #expect(result.summary.contains("their order #12 is now #13"))
        #expect(merged.order(id: 6) == nil, "deleted on one side, untouched on the other")
        #expect(merged.order(id: 9)?.title == "Still wanted", "an edit outweighs a deletion")
        #expect(Set(result.conflicts.map { "\($0.subject) \($0.path)" })
            == ["stakeholder(\"dana-okafor\") stage", "order(9) "])
        // Taking the other side of the deletion deletes.
        let deletion = try #require(result.conflicts.first { $0.subject == .order(9) })
        var chosen = merged
        try StoreOperation.resolveConflict(deletion, takeOther: true).apply(to: &chosen)
        #expect(chosen.order(id: 9) == nil)
    }

    @Test func membersThisVersionDoesNotKnowSurviveAMerge() throws {
        func withUnknown(_ document: StoreDocument, _ member: String) throws -> StoreDocument {
            guard case .object(var root) = document.json, case .array(var orders)? = root["orders"],
                  case .object(var first) = orders[0] else { throw TestFailure("unexpected shape") }
            first[member] = .string(member)
            orders[0] = .object(first)
            root["orders"] = .array(orders)
            root["top-" + member] = .bool(true)
            return try StoreDocument(json: .object(root))
        }
        let merged = try merge(try withUnknown(base, "ours-x"), try withUnknown(base, "theirs-x")).document
        guard case .object(let root) = merged.json, case .array(let orders)? = root["orders"],
              case .object(let first) = orders[0] else { throw TestFailure("unexpected shape") }
        #expect(first["ours-x"] == .string("ours-x") && first["theirs-x"] == .string("theirs-x"))
        #expect(root["top-ours-x"] == .bool(true) && root["top-theirs-x"] == .bool(true))
    }

    @Test func withoutACommonVersionTheCopiesAreJoined() throws {
        let ours = edited { $0.updateOrder(id: 1) { $0.title = "Ours" } }
        let theirs = edited { document in
            document.updateOrder(id: 2) { $0.title = "Theirs" }
            document.updateOrder(id: 8) { $0.notes.append(Note(id: "x", at: at, by: "ben", text: "theirs")) }
        }
        let result = try merge(ours, theirs, base: nil)
        #expect(result.withoutBase && result.summary.hasPrefix("merged as a union (no common version known)"))
        #expect(result.document.order(id: 2)?.title == base.order(id: 2)?.title, "one id on both sides is one order, not two")
        #expect(result.document.orders.count == base.orders.count)
        #expect(result.document.order(id: 8)?.notes.map(\.id) == ["x"])
        #expect(result.conflicts.map { "\($0.subject) \($0.path)" }.sorted() == ["order(1) title", "order(2) title"],
                "without the ancestor a difference cannot be told from a change: each is recorded")
    }

    @Test(arguments: 1...12) func randomEditsOfTwoPeopleAllSurvive(seed: UInt64) throws {
        var ana = RandomEdits(person: "ana", document: base, seed: seed, start: Fixture.now)
        var ben = RandomEdits(person: "ben", document: base, seed: seed &* 7919, start: Fixture.now)
        ana.apply(150)
        ben.apply(150)
        let result = try merge(ana.document, ben.document)
        let failures = MergeExpectation(base: base, ours: ana.document, theirs: ben.document)
            .failures(merged: result.document, conflicts: result.conflicts)
        #expect(failures.isEmpty, "\(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test(arguments: 1...6) func mergeLaws(seed: UInt64) throws {
        var ana = RandomEdits(person: "ana", document: base, seed: seed, start: Fixture.now)
        var ben = RandomEdits(person: "ben", document: base, seed: seed &+ 1000, start: Fixture.now)
        // No additions: two orders added under one number are told apart by renumbering, which is not symmetric.
        ana.apply(80, allowAdditions: false)
        ben.apply(80, allowAdditions: false)
        let (a, b) = (ana.document, ben.document)
        #expect(try merge(a, a).document == a, "merge(base, a, a) == a")
        #expect(try merge(base, b).document == b, "merge(base, base, b) == b")
        #expect(try merge(a, base).document == a, "merge(base, a, base) == a")
        // Symmetric: the same conflicts either way round, and the same store once each takes the other side.
        let ab = try merge(a, b)
        let ba = try merge(b, a)
        #expect(Set(ab.conflicts.map { "\($0.subject) \($0.path)" }) == Set(ba.conflicts.map { "\($0.subject) \($0.path)" }))
        var swapped = ba.document
        for conflict in ba.conflicts where conflict.other != nil && conflict.kept != nil
            && !conflict.path.description.hasSuffix("tickedAt") && conflict.path.description != "stage" {
            try StoreOperation.resolveConflict(conflict, takeOther: true).apply(to: &swapped)
        }
        var settled = ab.document
        for conflict in ab.conflicts where conflict.other != nil && conflict.kept != nil
            && !conflict.path.description.hasSuffix("tickedAt") && conflict.path.description != "stage" {
            try StoreOperation.resolveConflict(conflict, takeOther: false).apply(to: &settled)
        }
        #expect(Self.unordered(swapped) == Self.unordered(settled))
    }

    /// The document with its conflicts left out and its lists of tags, notes and moves in
    /// one order: which side's additions come first is not part of what a merge means.
    private static func unordered(_ document: StoreDocument) -> StoreDocument {
        var copy = document
        copy.conflicts = []
        for order in document.orders {
            copy.updateOrder(id: order.id) { order in
                order.tags.sort()
                order.notes.sort { $0.id < $1.id }
            }
        }
        for stakeholder in document.stakeholders {
            copy.updateStakeholder(id: stakeholder.id) { stakeholder in
                stakeholder.notes.sort { $0.id < $1.id }
                stakeholder.stageHistory.sort { ($0.at, $0.to.rawValue) < ($1.at, $1.to.rawValue) }
            }
        }
        return copy
    }

    @Test func aMergeThatWouldNotOpenIsRefused() throws {
        let ours = edited { _ = $0.removeOrder(id: 1); _ = $0.removeOrder(id: 7) }
        let theirs = try edited { document in
            for id in [1, 7] { try StoreOperation.deleteOrder(id).apply(to: &document) }
            try StoreOperation.removeStakeholder("dana-okafor").apply(to: &document)
        }
        // Dana's orders are gone on both sides, her removal is theirs: nothing refers to her.
        #expect(try merge(ours, theirs).document.stakeholder(id: "dana-okafor") == nil)
        var stillHers = ours
        stillHers.updateOrder(id: 8) { $0.stakeholderID = "dana-okafor" }
        #expect(throws: StoreMergeError.self) { try merge(stillHers, theirs) }
    }
}

@Suite struct SyncCopyNamingTests {
    @Test(arguments: [
        ("orders (Bob's conflicted copy 2026-11-25).json", "Dropbox, Nextcloud", true),
        ("orders (conflicted copy 2026-11-25 101500).json", "Dropbox, Nextcloud", true),
        ("orders (Bobs in Konflikt stehende Kopie 2026-11-25).json", "Dropbox, Nextcloud", true),
        ("orders (copie en conflit de Bob 2026-11-25).json", "Dropbox, Nextcloud", true),
        ("orders_conflict-20261125-101500.json", "ownCloud", true),
        ("orders.sync-conflict-20261125-101500-ABCDEFG.json", "Syncthing", true),
        ("orders-DESKTOP-7Q2XK4M.json", "OneDrive, SharePoint", false),
        ("orders-FINANCE01.json", "OneDrive, SharePoint", false),
        ("orders-Bobs-MacBook-Pro.json", "OneDrive, SharePoint", false),
        ("orders-Q4-2025.json", "OneDrive, SharePoint", false),
        ("orders (1).json", "Google Drive", false),
    ])
    func eachServicesCopyIsFound(name: String, service: String, isCertain: Bool) throws {
        let naming = try #require(SyncConflictCopies.naming(of: name, copyOf: "orders.json"))
        #expect(naming.service == service && naming.isCertain == isCertain)
    }

    @Test func eachNamingsExampleIsNamedByIt() {
        for naming in SyncConflictCopies.namings {
            #expect(SyncConflictCopies.naming(of: naming.example, copyOf: "orders.json")?.example == naming.example)
        }
    }

    @Test(arguments: ["orders.json", "orders.json.bak", "orders.json.lock", "orders-.json", "orders-Q4 2025.json",
                      "orders (Bob's conflicted copy 2026-11-25).json.merged", "other (1).json", "orders (copy).json",
                      ".orders.json.tmp-12-34", "orders.sync-conflict-.json"])
    func otherFilesAreLeftAlone(name: String) {
        #expect(SyncConflictCopies.service(naming: name, copyOf: "orders.json") == nil)
    }

    @Test func theCopiesBesideAStoreAreFoundAmongOtherFiles() throws {
        let folder = try TemporaryFolder()
        let copies = ["orders (1).json", "orders-DESKTOP-7Q2XK4M.json", "orders.sync-conflict-20261125-101500-ABCDEFG.json"]
        for name in copies + ["orders.json", "orders.json.bak", "other (1).json", "notes.txt"] {
            try FileText.write("{}", to: folder.file(name))
        }
        #expect(SyncConflictCopies.find(besideStoreAt: folder.file("orders.json")).map(\.path) == copies.sorted().map(folder.file))
    }
}
