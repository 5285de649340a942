import Model
import TestSupport
import Testing

extension EndToEnd {
    /// Two machines share a store through a file-sync folder and change it by command only;
    /// the service keeps one machine's file and leaves the other's beside it as a conflicted
    /// copy. What the merge keeps is checked field by field against an expectation worked out
    /// from the three versions alone (`MergeExpectation`), apart from how the merge works.
    @Suite struct FileSyncEndToEndTests {
        /// How the service left the two files on the machine that merges.
        enum Outcome: CaseIterable {
            /// The store is this machine's file, the copy the other machine's.
            case copyIsTheirs
            /// The store is the other machine's file, the copy this machine's own older one.
            case copyIsOursOlder
            /// As `copyIsTheirs`, on a machine that kept no version: no common one is known.
            case noAncestorKnown
        }

        static let trials: [(seed: UInt64, outcome: Outcome)] = (1...10).flatMap { seed in
            Outcome.allCases.map { (UInt64(seed), $0) }
        }

        @Test(arguments: trials)
        func twoMachinesEditingByCommandLoseNothing(seed: UInt64, outcome: Outcome) throws {
            let folder = try TemporaryFolder()
            let naming = SyncConflictCopies.namings[Int(seed) % SyncConflictCopies.namings.count]
            let (mine, theirs) = (folder.file("ana/orders.json"), folder.file("ben/orders.json"))
            _ = Command.run(["/bin/mkdir", "-p", folder.file("ana"), folder.file("ben")])
            var ana = CommandEdits(person: "ana", store: mine, stateFolder: folder.file("ana-state"), seed: seed)
            var ben = CommandEdits(person: "ben", store: theirs, stateFolder: folder.file("ben-state"), seed: seed &* 31 &+ 7)
            var clock = Fixture.clock.now().secondsSince1970
            try #require(try ana.run(["demo"], at: Timestamp(secondsSince1970: clock)).status == 0)
            // The service brings ana's store to ben's machine.
            try Self.copy(mine, to: theirs)
            let base = try #require(try Store.readForMerge(path: mine))
            try ana.apply(10, clock: &clock)
            try ben.apply(10, clock: &clock)
            #expect(ana.failures.isEmpty && ben.failures.isEmpty, "\(ana.failures + ben.failures)")
            let (anaDocument, benDocument) = (try #require(try Store.readForMerge(path: mine)),
                                              try #require(try Store.readForMerge(path: theirs)))

            // The two files meet on ana's machine, the copy named as the service names it.
            let copy = folder.file("ana/" + naming.example)
            switch outcome {
            case .copyIsTheirs, .noAncestorKnown:
                try Self.copy(theirs, to: copy)
            case .copyIsOursOlder:
                try Self.copy(mine, to: copy)
                try Self.copy(theirs, to: mine)
            }
            if outcome == .noAncestorKnown { _ = Command.run(["/bin/rm", "-rf", folder.file("ana-state/fours/versions")]) }
            let stable = try #require(anaDocument.orders.first { order in benDocument.order(id: order.id) != nil })
            let merge = try ana.run(["edit", String(stable.id), "--audience", "After the merge"],
                                    at: Timestamp(secondsSince1970: clock + 60))
            #expect(merge.status == 0, "\(merge.output)")
            #expect(merge.output.contains("merged \(naming.example)"), "\(merge.output)")

            let merged = try #require(try Store.readForMerge(path: mine))
            let (ours, other) = outcome == .copyIsOursOlder ? (benDocument, anaDocument) : (anaDocument, benDocument)
            let expectation = MergeExpectation(base: base, ours: ours, theirs: other)
            let failures = outcome == .noAncestorKnown
                ? expectation.failuresWithoutBase(merged: merged, conflicts: merged.conflicts)
                : expectation.failures(merged: merged, conflicts: merged.conflicts)
            #expect(failures.isEmpty, "\(naming.example), \(outcome): \(failures.prefix(8).joined(separator: "\n"))")
            #expect(merge.output.contains("no common version known") == (outcome == .noAncestorKnown), "\(merge.output)")
            // A name only a service gives is kept as merged; one a person could give stays.
            #expect(FileText.exists(copy) != naming.isCertain)
            #expect(FileText.exists(copy + ".merged") == naming.isCertain)
            let again = try ana.run(["check"], at: Timestamp(secondsSince1970: clock + 120))
            #expect(!again.output.contains("merges it in"), "a copy merged once is not merged again: \(again.output)")
        }

        private static func copy(_ source: String, to target: String) throws {
            let text = try #require(FileText.read(source))
            try FileText.write(text, to: target)
        }
    }
}
