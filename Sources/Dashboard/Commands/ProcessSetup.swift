import CNcurses
import Model
import Glibc

/// What every run of fours does first, before any command.
enum ProcessSetup {
    static func prepare() {
        // A parent (a test runner, a shell) may have left signals blocked; the dashboard
        // must see SIGTERM, SIGINT and SIGWINCH.
        fours_unblock_all_signals()
        fours_ignore_write_signals()
        // Swift's crash reporter, when interactive, would wait 30 s for a key after a crash.
        fours_quiet_crash_reporter()
        useUTF8Locale()
    }

    /// Text is measured (wcwidth) and drawn (curses) by the locale's character set: make it
    /// UTF-8 whatever the environment says, so 日本 takes two columns.
    static func useUTF8Locale() {
        _ = fours_use_utf8_locale()
    }

    /// The environment, read once: fours never changes its own.
    static let environment = ProcessEnvironment.current

    /// The clock every command and the dashboard take the time from: the system's, or the
    /// one `FOURS_NOW` starts, read once at start.
    static let clockSetting = Result { () throws(ClockSettingError) in try WallClock(environment: environment) }

    /// The clock of this run; `Fours.main` has already refused a `FOURS_NOW` it cannot read.
    static var clock: WallClock { (try? clockSetting.get()) ?? .system }

    /// Who ticks steps and makes changes in this run, read once at start.
    static let user = userName(environment: environment)

    /// Who ticks steps: FOURS_USER, else the login name.
    static func userName(environment: [String: String]) -> String {
        for key in ["FOURS_USER", "LOGNAME", "USER"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "unknown"
    }
}

enum FileHandleOutput {
    static func standardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
    }
}
