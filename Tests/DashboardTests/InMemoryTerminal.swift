@testable import Dashboard
import Glibc
import Model
import TestSupport
import Testing

/// A terminal in memory: keys go in, frames come out, nothing waits.
final class InMemoryTerminal: Terminal {
    var size: Size
    private var pending: [TerminalInput] = []
    private(set) var frame: Screen?
    /// Called with each frame as it is shown.
    var onPresent: ((Screen) -> Void)?

    init(size: Size) {
        self.size = size
    }

    func type(_ keys: Key...) { pending += keys.map { .key($0) } }
    func type(_ text: String) { pending += text.map { .key(.character($0)) } }
    func resize(to size: Size) {
        self.size = size
        pending.append(.resize(size))
    }

    func present(_ screen: Screen) {
        frame = screen
        onPresent?(screen)
    }
    func wait(milliseconds: Int32, alsoWatching descriptor: Int32?) -> TerminalWait { TerminalWait() }
    func read() -> TerminalInput? { pending.isEmpty ? nil : pending.removeFirst() }
    func redrawEverything() {}
    func suspend() {}

    var lines: [String] { frame?.lines ?? [] }
}
