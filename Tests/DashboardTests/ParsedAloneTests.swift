import ArgumentParser
@testable import Dashboard
import Testing

/// A command named first is parsed on its own, for speed: it must read as the whole line
/// reads, and leave help, completion and mistakes to the whole line's parse.
@Suite struct ParsedAloneTests {
    @Test(arguments: [
        ["list"], ["list", "--overdue", "--store", "team.json"], ["list", "--store", "a.json", "--store", "b.json", "--json"],
        ["tick", "12", "3"], ["tick", "12", "success looks like", "--store=x.json"], ["untick", "4", "sure:1"],
        ["note", "2", "Called them", "--store", "t.json"], ["show", "7", "--json"], ["stage", "dana", "partner"],
    ])
    func aCommandParsedAloneReadsAsTheWholeLineReadsIt(arguments: [String]) throws {
        let alone = try #require(Fours.parsedAlone(arguments))
        let whole = try Fours.parseAsRoot(arguments)
        #expect(type(of: alone) == type(of: whole))
        #expect(Self.dumped(alone) == Self.dumped(whole))
    }

    @Test(arguments: [
        ["list", "--help"], ["help", "list"], ["list", "--generate-completion-script", "bash"], ["tick"],
        ["tick", "12", "3", "--no-such-option"], ["template", "show"], ["--version"],
    ])
    func helpCompletionAndMistakesAreLeftToTheWholeLine(arguments: [String]) {
        #expect(Fours.parsedAlone(arguments) == nil)
    }

    /// Parsed alone, a command would check for a completion-script request again unless it
    /// names the command above it; every command parsed alone must.
    @Test func everyCommandParsedAloneNamesTheCommandAboveIt() {
        for command in Fours.configuration.subcommands where command.configuration.subcommands.isEmpty {
            #expect(command.configuration._superCommandName == Fours.configuration.commandName,
                    "\(command.configuration.commandName ?? "?") names fours above it")
        }
    }

    private static func dumped(_ command: any ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }
}
