import Model
import Glibc

/// A fresh folder under /tmp for one test, removed when the test is done with it.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        var template = Array("/tmp/fours-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: \(errno)") }
        path = String(cString: made)
        isOwned = true
    }

    /// Whether this folder was made here and is removed here; a shared one goes with its parent.
    private let isOwned: Bool

    private init(path: String) {
        self.path = path
        isOwned = false
    }

    /// A new folder inside `parent`, for a second session that shares the first's files.
    public static func sharing(_ parent: TemporaryFolder, subfolder: String) -> TemporaryFolder {
        let path = parent.file(subfolder)
        mkdir(path, 0o755)
        return TemporaryFolder(path: path)
    }

    deinit {
        if isOwned { _ = Command.run(["/bin/rm", "-rf", path]) }
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Whole-file helpers for assertions about what fours wrote.
public enum FileText {
    public static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw TestFailure("short write to \(path)") }
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

/// A store document with known contents and dates, for tests that assert exact figures.
public enum Fixture {
    /// 2026-11-25 at noon UTC: the same calendar day in every time zone within ±11 hours.
    public static let now = Timestamp(secondsSince1970: 1_795_608_000)
    public static var today: CalendarDay { CalendarDay.local(at: now) }
    public static var demo: StoreDocument { DemoStore.make(now: now) }
}

extension Fixture {
    /// The clock of every fours a test starts (`ChildProcess` hands it on as FOURS_NOW):
    /// the day the machine's clock (or faketime) says when the tests start, at 10:00 in
    /// its time zone, running on from there. The day still changes with the machine's, so a
    /// run under another date tries that date; the hour does not, so a run that starts a
    /// minute before midnight never sees two days. A test computes what it expects from
    /// this same clock.
    public static let clock = WallClock.starting(
        at: Timestamp(secondsSince1970: WallClock.system.today.localStart.secondsSince1970 + 10 * 3_600))

    /// The clock's setting for a program started now, for a test that names it itself.
    public static func clockSetting(at moment: Timestamp) -> [String: String] {
        [WallClock.environmentKey: moment.description]
    }
}

/// A suite whose tests each get a folder of their own with a store file's place in it.
public protocol InAStoreFolder {
    var folder: TemporaryFolder { get }
    init(folder: TemporaryFolder)
}

extension InAStoreFolder {
    public init() throws { self.init(folder: try TemporaryFolder()) }

    /// Where the suite's store file goes.
    public var path: String { folder.file("store.json") }
}
