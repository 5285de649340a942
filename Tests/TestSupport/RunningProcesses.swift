import Foundation

/// The processes running on this machine, as /proc lists them.
public enum RunningProcesses {
    /// The command lines (arguments joined by spaces) of the running processes that hold
    /// `text` in theirs. A process that has ended but not been waited for has none.
    public static func commandLines(containing text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let bytes = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !bytes.isEmpty else { return nil }
            let line = String(decoding: bytes.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(text) ? line : nil
        }
    }

    /// Waits until no running process holds `text` in its command line.
    public static func waitUntilNone(containing text: String, timeout: Double = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var left = commandLines(containing: text)
        while !left.isEmpty, Date() < deadline {
            usleep(50_000)
            left = commandLines(containing: text)
        }
        guard left.isEmpty else { throw TestFailure("still running after \(timeout) s: \(left)") }
    }
}
