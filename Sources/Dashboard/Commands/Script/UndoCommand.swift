import ArgumentParser
import Model

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", _superCommandName: "fours",
        abstract: "Take back the last change you (FOURS_USER) made with a fours command on this machine.",
        discussion: """
            Each undo goes one change further back (twenty are kept). A change is taken back only \
            if what it touched is as it left it: when someone (or the dashboard) changed it since, \
            nothing is undone and fours says what changed. Example: fours tick 12 3 && fours undo
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let opened = try ScriptStore(storeOptions, forChanges: true)
        guard let last = opened.history.last(by: opened.user) else {
            throw CommandFailure.report("nothing to undo: \(opened.user) made no change with fours commands to this store "
                                        + "on this machine (the dashboard has u for its own)")
        }
        try opened.apply(.undoChange(last))
        opened.history.forget(last)
        print(TerminalSafety.visible("Undid: \(last.what)"))
    }
}
