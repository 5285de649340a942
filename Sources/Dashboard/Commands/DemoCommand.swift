import ArgumentParser
import Model

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a demo store with sample orders and stakeholders, for a first look.",
        discussion: "Refuses to replace a file that exists. Open it with: fours --store PATH"
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = storeOptions.path
        do {
            try Store.create(path: path, document: DemoStore.make(now: .now()))
        } catch {
            throw CommandFailure.report(error.message)
        }
        print("Wrote a demo store to \(path)")
        print("Open it with: fours --store \(path)")
    }
}
