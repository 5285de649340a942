@testable import Model
import Synchronization
import TestSupport
import Testing

/// Stretches of a file read a window at a time on every core: each value lands in its own
/// place, and when one stretch fails, every value made is let go and none twice.
@Suite struct FileWindowsTests: InAStoreFolder {
    let folder: TemporaryFolder

    private final class Alive: Sendable {
        let count = Atomic<Int>(0)
    }

    /// A value that counts itself while it lives, so that one kept or let go twice shows.
    private final class Tracked: Sendable {
        let index: Int
        let alive: Alive

        init(_ index: Int, alive: Alive) {
            self.index = index
            self.alive = alive
            alive.count.add(1, ordering: .relaxed)
        }

        deinit { alive.count.subtract(1, ordering: .relaxed) }
    }

    @Test(arguments: [nil, 0, 401, 999])
    func eachStretchGetsItsOwnValueOrNoneIsKept(failing: Int?) throws {
        // 1,000 stretches of 1,000 bytes, each its own letter: eight windows, shared by both cores.
        let text = (0..<1_000).map { String(repeating: String(UnicodeScalar(UInt8(48 + $0 % 64))), count: 1_000) }.joined()
        try FileText.write(text, to: path)
        let file = try #require(try OpenedFile.open(path))
        // Given out of order, as a command's orders may be.
        let ranges = (0..<1_000).reversed().map { $0 * 1_000..<($0 + 1) * 1_000 }
        let alive = Alive()
        var values = FileWindows.map(ranges, in: file) { window, range, index -> Tracked? in
            let expected = UInt8(48 + (999 - index) % 64)
            guard index != failing, window[range].allSatisfy({ $0 == expected }) else { return nil }
            return Tracked(index, alive: alive)
        }
        if failing == nil {
            #expect(try #require(values).map(\.index) == Array(0..<1_000))
            #expect(alive.count.load(ordering: .relaxed) == 1_000)
        } else {
            #expect(values == nil)
        }
        values = nil
        #expect(alive.count.load(ordering: .relaxed) == 0)
    }
}
