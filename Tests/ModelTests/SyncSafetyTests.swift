import Glibc
@testable import Model
import TestSupport
import Testing

/// What a file-sync folder can hold besides the store's own copies, and what the state a
/// merge needs leaves on disk.
@Suite(.serialized) struct SyncSafetyTests {
    let folder: TemporaryFolder
    var store: String { folder.file("orders.json") }
    var state: String { folder.file("state") }

    init() throws {
        folder = try TemporaryFolder()
        try Store.create(path: store, document: Fixture.demo)
    }

    private func openStore() throws -> Store {
        let opened = try Store(path: store, versions: SyncVersions(storePath: store, stateFolder: state))
        opened.author = "ana"
        return opened
    }

    @Test func aCopyThatIsALinkOrAnotherStoreIsNeverReadNorRenamed() throws {
        let secret = folder.file("elsewhere/private.json")
        var other = Fixture.demo
        other.lineage = .newStore(at: Fixture.now)
        try Store.create(path: secret, document: other)
        let link = folder.file("orders (Bob's conflicted copy 2026-11-25).json")
        #expect(symlink(secret, link) == 0)
        let another = folder.file("orders.sync-conflict-20261125-101500-ABCDEFG.json")
        var stranger = Fixture.demo
        stranger.lineage = .newStore(at: Fixture.now)
        stranger.name = "Another team"
        try Store.create(path: another, document: stranger)
        let opened = try openStore()
        try opened.apply(.setStep(order: 2, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ana")))
        let before = try #require(FileText.read(secret))

        let report = SyncCopyMerge.mergeCopies(SyncConflictCopies.find(besideStoreAt: store), into: opened, by: "ana",
                                               at: Fixture.now)
        #expect(report.merged == 0 && report.leftAlone.count == 2)
        #expect(report.lines.contains { $0.contains("it is a link to another file") }, "\(report.lines)")
        #expect(report.lines.contains { $0.contains("it is another store") }, "\(report.lines)")
        #expect(FileText.read(secret) == before && FileText.read(link) == before, "the link and its target as they were")
        #expect(try Store(path: store).document.name == Fixture.demo.name)
    }

    @Test func aCopyOfTheStoresOwnOlderFileTakesNothingAway() throws {
        let opened = try openStore()
        try opened.apply(.setStep(order: 2, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ana")))
        let older = try #require(FileText.read(store))
        try opened.apply(.setStep(order: 2, step: "outcome-framing", tick: nil))
        try opened.apply(.deleteOrder(6))
        let copy = folder.file("orders-LAPTOP-AB12.json")
        try FileText.write(older, to: copy)

        let report = SyncCopyMerge.mergeCopies(SyncConflictCopies.find(besideStoreAt: store), into: opened, by: "ana",
                                               at: Fixture.now)
        #expect(report.merged == 0 && report.leftAlone.isEmpty, "the store holds all of it: \(report.lines)")
        let document = try Store(path: store).document
        #expect(document.order(id: 6) == nil && document.order(id: 2)?.checklist.allSteps[2].step.tick == nil)
        #expect(FileText.read(copy) == older, "a name a person could give is left as it is")
    }

    @Test func versionsAndUndoAreAsPrivateAsTheStoreWhateverTheUmask() throws {
        chmod(store, 0o600)
        let mask = umask(0o022)
        defer { umask(mask) }
        let opened = try openStore()
        try opened.apply(.setStep(order: 2, step: "outcome-framing", tick: Tick(at: Fixture.now, by: "ana")))
        opened.keepVersionRead(inBackground: false)
        ChangeHistory(storePath: store, stateFolder: state).record(ChangeSnapshot(
            .deleteOrder(6), before: Fixture.demo, after: opened.document, by: "ana", at: Fixture.now))
        let files = Command.run(["/usr/bin/find", state, "-printf", "%m %y %p\n"]).output.split(separator: "\n")
        #expect(files.contains { $0.hasSuffix(".json") && $0.contains("/versions/") }, "\(files)")
        for line in files {
            let parts = line.split(separator: " ")
            let mode = Int(parts[0], radix: 8) ?? 0o777
            let path = String(parts[2])
            if parts[1] == "d" {
                #expect(path == state || mode & 0o077 == 0, "\(line)")
            } else {
                #expect(mode & 0o077 == 0, "\(line)")
            }
        }
    }

    @Test func theNearestSaveTwoCopiesGrewFromIsFoundWhateverTheClocksSaid() {
        let at = Fixture.now.secondsSince1970
        let base = StoreLineage.newStore(at: Fixture.now)
        var ana = base
        ana.recordSave(at: Fixture.now)
        // Ben's clock is five minutes behind: his saves look older than the one he started from.
        var ben = base
        let first = ben.recordSave(at: Timestamp(secondsSince1970: at - 300))
        let merged = StoreLineage.joined(ana, ben)
        #expect(merged.shared(with: ben).first == first && merged.shared(with: ana).first == ana.latest)
        ben.recordSave(at: Timestamp(secondsSince1970: at - 200))
        #expect(merged.shared(with: ben).first == first, "his first save, not the store both started from")
        #expect(ben.shared(with: merged).first == first)
        #expect(merged.revisions.count == 3 && merged.revisions.last == base.latest)
    }

    @Test func aMergeThatRenumbersAnOrderTakesWhatIsSaidOfItAlong() throws {
        var base = Fixture.demo
        base.lineage = .newStore(at: Fixture.now)
        let added = { (title: String) in
            TrainingOrder(id: 12, title: title, request: "", stakeholderID: "dana-okafor", audience: "",
                          received: Fixture.today, due: nil, checklist: base.template)
        }
        var ours = base
        try StoreOperation.addOrder(added("Ours")).apply(to: &ours)
        ours.record(.addOrder(added("Ours")), by: "ana", at: Fixture.now)
        var theirs = base
        try StoreOperation.addOrder(added("Theirs")).apply(to: &theirs)
        theirs.record(.addOrder(added("Theirs")), by: "ben", at: Fixture.now)
        let merged = try StoreMerge.merge(base: base, ours: ours, theirs: theirs, by: "ana", at: Fixture.now).document
        #expect(merged.order(id: 13)?.title == "Theirs")
        #expect(merged.activity.map(\.what).sorted() == ["added #12 “Ours”", "added #13 “Theirs”"])
        #expect(merged.activity.first { $0.by == "ben" }?.order == 13)
        let standup = StandupReport(merged, today: Fixture.today).text
        #expect(standup.contains("ben: 0 ticked · added #13 “Theirs”"), "\(standup)")
    }
}
