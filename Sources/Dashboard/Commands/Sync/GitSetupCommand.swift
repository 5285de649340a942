import ArgumentParser
import Model
import Glibc

/// `fours git setup`: makes git merge the store by meaning.
struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Share a store through git without JSON conflicts.",
        subcommands: [GitSetupCommand.self]
    )
}

struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Register fours as the merge driver for the store in its git repository.",
        discussion: """
            Adds "<store> merge=fours" to the repository's .gitattributes, sets merge.fours.driver \
            in the repository's git config, and adds the files fours keeps beside the store \
            (.lock, .bak) to .gitignore. Run it once in each clone: git does not share its config. \
            Example: fours git setup --store team/orders.json
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = RepositoryFiles.absolute(storeOptions.path)
        let folder = RepositoryFiles.parentFolder(of: store)
        guard let top = ProgramRun.run(["git", "-C", folder, "rev-parse", "--show-toplevel"]) else {
            throw CommandFailure.report("git is not installed (or not on PATH)")
        }
        guard top.succeeded else {
            throw CommandFailure.report("\(folder) is not in a git repository; run git init there first, or use --store")
        }
        let root = String(top.output.filter { $0 != "\n" })
        guard store.hasPrefix(root + "/") else { throw CommandFailure.report("\(store) is not inside \(root)") }
        let relative = String(store.dropFirst(root.count + 1))
        var did: [String] = []

        let pattern = RepositoryFiles.pattern(for: relative)
        if try append("\(pattern) merge=fours", to: "\(root)/.gitattributes", unlessPresent: pattern) {
            did.append("added \"\(pattern) merge=fours\" to .gitattributes (commit it, so every clone has it)")
        }
        let driver = "'\(Self.executablePath)' merge-driver %O %A %B %P"
        for (key, value) in [("merge.fours.name", "fours store, merged by meaning"), ("merge.fours.driver", driver)] {
            guard let set = ProgramRun.run(["git", "-C", root, "config", key, value]), set.succeeded else {
                throw CommandFailure.report("git config \(key) failed")
            }
        }
        did.append("set merge.fours.driver in this clone's git config: \(driver)")
        // git 2.27 and later refuse to pull branches that went apart until told how; the
        // store merges by meaning in a merge, so a merge it is, unless the clone says otherwise.
        if let pull = ProgramRun.run(["git", "-C", root, "config", "pull.rebase"]), !pull.succeeded {
            guard let set = ProgramRun.run(["git", "-C", root, "config", "pull.rebase", "false"]), set.succeeded else {
                throw CommandFailure.report("git config pull.rebase failed")
            }
            did.append("set pull.rebase to false in this clone's git config, so that git pull merges the first time")
        }
        let base = RepositoryFiles.baseName(of: relative)
        for ignored in ["\(base).lock", "\(base).bak", ".\(base).tmp-*"] {
            if try append(ignored, to: "\(root)/.gitignore", unlessPresent: ignored) {
                did.append("added \(ignored) to .gitignore")
            }
        }
        print("In \(root):")
        for line in did { print("- \(line)") }
        print("Merges of \(relative) now keep every change from both sides; a field changed two ways is "
              + "listed by fours check and settled in the dashboard.")
    }

    private func append(_ line: String, to path: String, unlessPresent present: String) throws -> Bool {
        do { return try RepositoryFiles.appendLine(line, to: path, unlessPresent: present) } catch {
            throw CommandFailure.report(error.message)
        }
    }

    /// This program, as git should start it.
    static var executablePath: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "fours" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
