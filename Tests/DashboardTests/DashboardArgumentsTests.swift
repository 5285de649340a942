@testable import Dashboard
import Testing

/// The dashboard's usual arguments are read without the command-line parser: they must
/// read as the parser reads them, and anything else must be left to it.
@Suite struct DashboardArgumentsTests {
    @Test(arguments: [
        [], ["--store", "team.json"], ["--store=team.json"], ["--read-only"], ["--read-only", "--store", "a b.json"],
        ["--store", "/tmp/x.json", "--read-only"], ["--store=--odd.json"],
    ])
    func theUsualArgumentsReadAsTheParserReadsThem(arguments: [String]) throws {
        let quick = try #require(DashboardArguments(quickly: arguments))
        let parsed = try #require(try Fours.parseAsRoot(arguments) as? OpenCommand)
        #expect(quick == DashboardArguments(stores: parsed.storesOptions.stores, readOnly: parsed.readOnly,
                                            crashAfterStart: parsed.crashAfterStart))
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["--version"], ["help"], ["demo"], ["open"], ["--store"], ["--store", ""], ["--store="],
        ["--store", "-h"], ["--store", "a", "--store", "b"], ["--read-only", "--read-only"], ["--crash-after-start"],
        ["--stor", "a"], ["--generate-completion-script", "bash"],
    ])
    func anythingElseIsLeftToTheParser(arguments: [String]) {
        #expect(DashboardArguments(quickly: arguments) == nil)
    }
}
