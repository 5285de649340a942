import Foundation
import TestSupport
import Testing

extension EndToEnd {
    /// The short version of the reliability suite; `fours-reliability` with no options
    /// runs the long one.
    @Suite struct ReliabilitySuiteTests {
        @Test func theShortReliabilitySuitePasses() throws {
            let folder = (try TmuxSession.binary() as NSString).deletingLastPathComponent
            let result = Command.run(["\(folder)/fours-reliability", "--short"])
            let lines = result.output.split(separator: "\n").map(String.init)
            #expect(result.status == 0, "\(result.output)")
            for check in ["SIGKILL during saves", "two writers at once", "two writers, lock file deleted",
                          "damaged and random files", "terminal restored", "forms with random values",
                          "saves failing and retried in order"] {
                #expect(lines.contains { $0.hasPrefix("ok   \(check):") }, "\(check) did not pass:\n\(result.output)")
            }
            #expect(lines.last == "7 passed, 0 failed")
            #expect(result.output.contains(" 0 unreadable files, 0 acknowledged ticks lost"))
        }
    }
}
