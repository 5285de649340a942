import Model
import TestSupport
import Testing

extension EndToEnd {
    /// One store shared by two people through git and through a file-sync folder.
    @Suite struct TeamSyncEndToEndTests {
        let folder: TemporaryFolder
        let fours: String
        /// git without the user's own configuration.
        let environment: [String: String]

        init() throws {
            folder = try TemporaryFolder()
            fours = try TmuxSession.binary()
            var environment = ProcessEnvironment.current
            environment["HOME"] = folder.path
            environment["GIT_CONFIG_NOSYSTEM"] = "1"
            environment["FOURS_USER"] = "e2e-tester"
            environment["XDG_STATE_HOME"] = folder.file("state")
            self.environment = environment
        }

        @discardableResult
        private func git(_ arguments: String..., in clone: String) throws -> Command.Result {
            let result = Command.run(["/usr/bin/env", "git", "-C", folder.file(clone)] + arguments, environment: environment)
            guard result.status != -1 else { throw TestFailure("git could not run: \(result.output)") }
            return result
        }

        /// A shared repository with the demo store, cloned as `ana` and `ben`; `withDriver`
        /// runs `fours git setup` in each clone.
        private func repository(withDriver: Bool) throws -> StoreDocument {
            try #require(Command.run(["/usr/bin/env", "git", "init", "-q", "--bare", "-b", "main", folder.file("origin.git")],
                                     environment: environment).status == 0)
            for clone in ["ana", "ben"] {
                try #require(Command.run(["/usr/bin/env", "git", "clone", "-q", folder.file("origin.git"), folder.file(clone)],
                                         environment: environment).status == 0)
                try git("config", "user.name", clone, in: clone)
                try git("config", "user.email", "\(clone)@example.test", in: clone)
            }
            let store = folder.file("ana/orders.json")
            try #require(Command.run([fours, "demo", "--store", store], environment: environment).status == 0)
            if withDriver {
                let setup = Command.run([fours, "git", "setup", "--store", store], environment: environment)
                #expect(setup.status == 0, "\(setup.output)")
                #expect(setup.output.contains("added \"/orders.json merge=fours\" to .gitattributes"))
            }
            try git("add", "-A", in: "ana")
            try git("commit", "-q", "-m", "demo", in: "ana")
            try git("push", "-q", "origin", "main", in: "ana")
            try git("pull", "-q", "origin", "main", in: "ben")
            if withDriver {
                #expect(Command.run([fours, "git", "setup", "--store", folder.file("ben/orders.json")],
                                    environment: environment).status == 0)
            }
            return try #require(try Store.readForMerge(path: store))
        }

        /// Each clone applies its edits and commits; ben pushes first, ana pulls.
        /// `howToPull` is what git pull is told; after `fours git setup`, nothing needs to be.
        private func editBothAndPull(base: StoreDocument, operations: Int, seed: UInt64, howToPull: [String] = ["--no-rebase"])
            throws -> (ana: StoreDocument, ben: StoreDocument, pull: Command.Result) {
            var ana = RandomEdits(person: "ana", document: base, seed: seed, start: Fixture.clock.now())
            var ben = RandomEdits(person: "ben", document: base, seed: seed &* 31 &+ 7, start: Fixture.clock.now())
            ana.apply(operations)
            ben.apply(operations)
            try Store.write(ana.document, over: folder.file("ana/orders.json"))
            try Store.write(ben.document, over: folder.file("ben/orders.json"))
            try git("commit", "-q", "-am", "ana's day", in: "ana")
            try git("commit", "-q", "-am", "ben's day", in: "ben")
            try git("push", "-q", "origin", "main", in: "ben")
            let pull = Command.run(["/usr/bin/env", "git", "-C", folder.file("ana"), "pull"] + howToPull + ["origin", "main"],
                                   environment: environment)
            return (ana.document, ben.document, pull)
        }

        @Test func thousandsOfChangesOnTwoClonesMergeByMeaningThroughGit() throws {
            let base = try repository(withDriver: true)
            // A plain git pull, the first time: the setup told git to merge.
            let (ana, ben, pull) = try editBothAndPull(base: base, operations: 1_000, seed: 42, howToPull: [])
            #expect(pull.output.contains("orders.json: merged"), "\(pull.output)")
            let merged = try #require(try Store.readForMerge(path: folder.file("ana/orders.json")),
                                      "the merged store opens")
            let failures = MergeExpectation(base: base, ours: ana, theirs: ben)
                .failures(merged: merged, conflicts: merged.conflicts)
            #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
            // With conflicts git stops; they are listed, the store opens, and settling goes on from there.
            #expect(!merged.conflicts.isEmpty, "a thousand edits each touch some field two ways")
            #expect(pull.status != 0 && pull.output.contains("choose in the dashboard"))
            let check = Command.run([fours, "check", "--store", folder.file("ana/orders.json")], environment: environment)
            #expect(check.status == 1 && check.output.contains("merge conflict"))
            #expect(check.output.contains("the other copy had"))
            try git("add", "orders.json", in: "ana")
            #expect(try git("commit", "-q", "-m", "merged", in: "ana").status == 0)
        }

        @Test func aSideThatIsNotAStoreFallsBackToGitsLineMerge() throws {
            let (base, ours, theirs) = (folder.file("base.json"), folder.file("ours.json"), folder.file("theirs.json"))
            try #require(Command.run([fours, "demo", "--store", base], environment: environment).status == 0)
            let text = try #require(FileText.read(base))
            try FileText.write(text.replacingOccurrences(of: "Code review habits workshop", with: "Ours"), to: ours)
            try FileText.write(text.replacingOccurrences(of: "Code review habits workshop", with: "Theirs\", oops"), to: theirs)
            let driver = Command.run([fours, "merge-driver", base, ours, theirs, "orders.json"], environment: environment)
            #expect(driver.status == 1)
            #expect(driver.output.contains("cannot merge by meaning: \(theirs):") && driver.output.contains("line-by-line merge"),
                    "\(driver.output)")
            let merged = try #require(FileText.read(ours))
            #expect(merged.contains("<<<<<<< ours") && merged.contains("Ours") && merged.contains("Theirs\", oops"),
                    "both sides are in the file for git to show")
        }

        /// Pulls of small days of work (a few ticks and notes each), as a team has them.
        /// Returns how many left a file that is not a store (git's conflict markers), and
        /// how many stopped with conflicts recorded in a store that opens.
        private func pulls(_ rounds: Int, withDriver: Bool) throws -> (broken: Int, recorded: Int) {
            var base = try repository(withDriver: withDriver)
            var (broken, recorded) = (0, 0)
            for round in 1...rounds {
                let (_, _, pull) = try editBothAndPull(base: base, operations: 5, seed: UInt64(round))
                if pull.status != 0 {
                    if (try? Store.readForMerge(path: folder.file("ana/orders.json"))) == nil {
                        broken += 1
                        try git("checkout", "--theirs", "orders.json", in: "ana")
                    } else {
                        recorded += 1
                    }
                    try git("add", "orders.json", in: "ana")
                    try git("commit", "-q", "-m", "merged", in: "ana")
                }
                try git("push", "-q", "origin", "main", in: "ana")
                try git("pull", "-q", "--no-rebase", "origin", "main", in: "ben")
                base = try #require(try Store.readForMerge(path: folder.file("ana/orders.json")))
            }
            return (broken, recorded)
        }

        @Test func aLineMergeBreaksTheFileWhereTheDriverDoesNot() throws {
            let rounds = 12
            let plain = try pulls(rounds, withDriver: false)
            for clone in ["origin.git", "ana", "ben"] { _ = Command.run(["/bin/rm", "-rf", folder.file(clone)]) }
            let driven = try pulls(rounds, withDriver: true)
            print("Of \(rounds) pulls after five changes on each side, git's line merge left conflict markers in "
                  + "\(plain.broken) (a file no program can read); with fours as the merge driver, \(driven.broken) did, "
                  + "and \(driven.recorded) recorded a field changed two ways for someone to choose.")
            #expect(plain.broken > 0, "two people editing one JSON file collide line by line")
            #expect(driven.broken == 0)
        }

        @Test func aFileSyncServicesConflictedCopyIsMergedWhenTheDashboardOpens() throws {
            let store = folder.file("orders.json")
            try #require(Command.run([fours, "demo", "--store", store], environment: environment).status == 0)
            // This machine opens the store once: it keeps the version it saw.
            let first = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder)
            try first.waitFor("9 open")
            first.send("q")
            #expect(try first.exitStatus() == 0)
            let base = try #require(try Store.readForMerge(path: store))
            var ana = RandomEdits(person: "ana", document: base, seed: 5, start: Fixture.clock.now())
            var ben = RandomEdits(person: "ben", document: base, seed: 6, start: Fixture.clock.now())
            ana.apply(200)
            ben.apply(200)
            try Store.write(ana.document, over: store)
            let copy = folder.file("orders (Ben's conflicted copy 2026-11-25).json")
            try Store.write(ben.document, over: copy)
            let unreadable = folder.file("orders.sync-conflict-20261125-101500-ABCDEFG.json")
            try FileText.write("{ not a store", to: unreadable)

            let session = try TmuxSession(width: 160, height: 40, arguments: ["--store", store],
                                          folder: TemporaryFolder.sharing(folder, subfolder: "second"),
                                          environment: ["XDG_STATE_HOME": folder.file("state")])
            let screen = try session.waitFor("Merged 1 sync conflicted copy (")
            #expect(screen.contains(" conflicts: ≠ marks them) · 1 copy not merged: fours check says why"))
            session.send("q")
            #expect(try session.exitStatus() == 0)
            let merged = try #require(try Store.readForMerge(path: store))
            let failures = MergeExpectation(base: base, ours: ana.document, theirs: ben.document)
                .failures(merged: merged, conflicts: merged.conflicts)
            #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
            #expect(!FileText.exists(copy) && FileText.exists(copy + ".merged"), "the copy is kept under a new name")
            #expect(FileText.read(unreadable) == "{ not a store", "a copy that does not read is left as it is")
            let check = Command.run([fours, "check", "--store", store], environment: environment)
            #expect(check.output.contains("ABCDEFG.json: a conflicted copy from Syncthing; not merged: it does not read as a store"))
        }
    }
}
