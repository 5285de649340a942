import ArgumentParser
import Model

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", _superCommandName: "fours",
        abstract: "Write a demo store with sample orders and stakeholders, for a first look.",
        discussion: "Needs --store, so that sample data never lands in your own store, and refuses to "
            + "replace a file that exists. Example: fours demo --store /tmp/fours-demo.json"
    )

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard storeOptions.store != nil else {
            throw ValidationError("fours demo needs --store PATH, so that sample data never lands in your own store; "
                                  + "for example: fours demo --store /tmp/fours-demo.json")
        }
    }

    func run() throws {
        let path = storeOptions.path
        do {
            try Store.create(path: path, document: DemoStore.make(now: ProcessSetup.clock.now()))
        } catch {
            throw CommandFailure.report(error.message)
        }
        print("Wrote a demo store to \(path)")
        print("Open it with: fours --store \(path)")
    }
}
