import Foundation
import Model

/// The real `fours` binary running inside its own tmux server, as a person would use it.
/// Each session has its own socket in a temporary folder and never touches the user's tmux.
public final class TmuxSession {
    public let folder: TemporaryFolder
    private let socket: String
    private let target = "e2e"

    /// The built `fours`, which sits beside the running test bundle or tool.
    public static func binary() throws -> String {
        let folder = (absolutePath(CommandLine.arguments[0]) as NSString).deletingLastPathComponent
        let path = "\(folder)/fours"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestFailure("the fours binary is not at \(path); build it with `swift build` before the tests")
        }
        return path
    }

    /// A path that still means the same file after a change of folder.
    public static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    public static func requireTmux() throws -> String {
        for path in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw TestFailure("tmux is not installed; the end-to-end tests need it (apt-get install -y tmux)")
    }

    /// Starts `fours ARGUMENTS` in a new tmux session of the given size. After fours exits,
    /// the wrapper records its exit status and the terminal's modes, then keeps the pane open.
    public convenience init(width: Int, height: Int, arguments: [String], folder: TemporaryFolder,
                     environment: [String: String] = [:]) throws {
        // Its own user name, and its own state file: never the real user's.
        let exports = (["FOURS_USER": "e2e-tester", "XDG_STATE_HOME": folder.file("state")].merging(environment) { $1 })
            .map { "export \($0.key)='\($0.value)'" }.sorted().joined(separator: "\n")
        let quotedArguments = arguments.map { "'\($0)'" }.joined(separator: " ")
        // The test runner sets NO_COLOR; fours should see a terminal as a person has it.
        let script = """
            cd '\(folder.path)'
            unset NO_COLOR
            \(exports)
            '\(try Self.binary())' \(quotedArguments) 2> stderr.txt
            echo $? > exit-status.tmp && mv exit-status.tmp exit-status
            stty -a > stty.txt
            echo "AFTER-FOURS"
            exec sleep 600
            """
        try self.init(width: width, height: height, script: script, folder: folder)
    }

    /// Runs a shell script in a new tmux session of the given size.
    public init(width: Int, height: Int, script: String, folder: TemporaryFolder) throws {
        self.folder = folder
        socket = folder.file("tmux.sock")
        try FileText.write(script, to: folder.file("run.sh"))
        let started = tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target,
                            "sh \(folder.file("run.sh"))"])
        guard started.status == 0 else { throw TestFailure("tmux did not start: \(started.output)") }
    }

    deinit {
        _ = tmux(["kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) -> Command.Result {
        let tmuxPath = (try? Self.requireTmux()) ?? "/usr/bin/tmux"
        return Command.run([tmuxPath, "-S", socket, "-f", "/dev/null"] + arguments)
    }

    public func send(_ keys: String...) {
        send(contentsOf: keys)
    }

    public func send(contentsOf keys: [String]) {
        tmux(["send-keys", "-t", target] + keys)
    }

    /// Sends keys, then waits for the screen to show what they bring up.
    @discardableResult
    public func press(_ keys: String..., until text: String, timeout: Double = 10) throws -> String {
        send(contentsOf: keys)
        return try waitFor(text, timeout: timeout)
    }

    /// Pastes text as a terminal does, marked as a paste when the program asked for that.
    public func paste(_ text: String) {
        let file = folder.file("paste.txt")
        try? FileText.write(text, to: file)
        tmux(["load-buffer", "-b", "test", file])
        tmux(["paste-buffer", "-p", "-d", "-b", "test", "-t", target])
    }

    public func screen() -> String {
        tmux(["capture-pane", "-p", "-t", target]).output
    }

    /// The screen with its colors and attributes as escape sequences.
    public func styledScreen() -> String {
        tmux(["capture-pane", "-p", "-e", "-t", target]).output
    }

    public func paneValue(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", target, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until it contains `text`; fails with the last screen when it never does.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil("the screen to show \"\(text)\"", timeout: timeout) { screen in screen.contains(text) }
    }

    @discardableResult
    public func waitUntil(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw TestFailure("timed out waiting for \(what). The screen was:\n\(last)")
    }

    /// The exit status of fours, once it has exited.
    public func exitStatus(timeout: Double = 20) throws -> Int {
        let path = folder.file("exit-status")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = FileText.read(path), let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        throw TestFailure("fours did not exit within \(timeout) s. The screen was:\n\(screen())")
    }

    /// The process id of fours: the child of the wrapper shell in the pane.
    public func foursProcessID() throws -> Int32 {
        let shell = paneValue("#{pane_pid}")
        let children = FileText.read("/proc/\(shell)/task/\(shell)/children") ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw TestFailure("cannot find the fours process under the pane's shell \(shell)")
        }
        return pid
    }

    /// Whether the terminal was left as a shell needs it: main screen, echo and line editing on.
    public func assertTerminalRestored() throws {
        _ = try waitFor("AFTER-FOURS")
        let modes = FileText.read(folder.file("stty.txt")) ?? ""
        let flags = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        guard flags.contains("echo"), flags.contains("icanon"), flags.contains("icrnl"), flags.contains("opost") else {
            throw TestFailure("terminal modes were not restored:\n\(modes)")
        }
        guard paneValue("#{alternate_on}") == "0" else {
            throw TestFailure("the terminal was left on the alternate screen")
        }
        guard paneValue("#{cursor_flag}") == "1" else {
            throw TestFailure("the cursor was left hidden")
        }
        guard paneValue("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}") == "000" else {
            throw TestFailure("mouse reporting was left on")
        }
    }
}

/// A temporary folder with a demo store written by the real `fours demo`, and that `fours`
/// to run commands on it as "ana", with the state kept in the folder and no colour.
public struct DemoStoreFolder {
    public let folder: TemporaryFolder
    public let store: String
    public let fours: String
    public let environment: [String: String]

    public init() throws {
        _ = try TmuxSession.requireTmux()
        folder = try TemporaryFolder()
        store = folder.file("store.json")
        fours = try TmuxSession.binary()
        var environment = ProcessEnvironment.current
        environment["FOURS_USER"] = "ana"
        environment["FOURS_STORE"] = store
        environment["XDG_STATE_HOME"] = folder.file("state")
        environment["NO_COLOR"] = "1"
        self.environment = environment
        let demo = Command.run([fours, "demo", "--store", store], environment: environment)
        guard demo.status == 0 else { throw TestFailure("fours demo failed: \(demo.output)") }
    }

    /// The store as it is on disk now.
    public func document() throws -> StoreDocument {
        try Store(path: store).document
    }

    /// Runs the real `fours` with these arguments on the demo store.
    @discardableResult
    public func run(_ arguments: [String]) -> Command.Result {
        Command.run([fours] + arguments, environment: environment)
    }
}

/// A suite with a store in a temporary folder of its own.
public protocol WithAStore {
    var folder: TemporaryFolder { get }
    var store: String { get }
}

extension WithAStore {
    /// The store as Python's JSON reader sees it: `expression` over `d`, the file, printed as JSON.
    public func python(_ expression: String) throws -> JSONValue {
        let read = Command.run(["/usr/bin/env", "python3", "-c",
                                "import json, sys; d = json.load(open(sys.argv[1])); print(json.dumps(\(expression)))", store])
        guard read.status == 0 else { throw TestFailure("python3 is needed for this check: \(read.output)") }
        return try JSONReader.parse(Array(read.output.utf8))
    }

    /// The dashboard on the suite's store, in a terminal of this size.
    public func dashboard(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(width: width, height: height, arguments: ["--store", store], folder: folder)
    }
}

/// A suite whose tests each start on a demo store of their own: its folder and store file.
public protocol OnADemoStore: WithAStore {
    var demo: DemoStoreFolder { get }
    init(demo: DemoStoreFolder)
}

extension OnADemoStore {
    /// Each test gets a demo store of its own.
    public init() throws { self.init(demo: try DemoStoreFolder()) }

    /// The dashboard on the demo store, once its queue shows.
    public func openedDashboard(width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let session = try dashboard(width: width, height: height)
        try session.waitFor("9 open")
        return session
    }

    public var folder: TemporaryFolder { demo.folder }
    public var store: String { demo.store }
    public var fours: String { demo.fours }
    public var environment: [String: String] { demo.environment }

    /// Runs the real `fours` with these arguments on the demo store.
    @discardableResult
    public func run(_ arguments: String...) -> Command.Result { demo.run(arguments) }
}
