import Model
import Glibc

/// A running program whose standard output and error come through a pipe. Spawned with
/// posix_spawn and an empty signal mask: Foundation's Process hangs with tmux and passes
/// the test thread's blocked signals on to the child.
public final class ChildProcess {
    public let pid: pid_t
    private let output: Int32
    private var buffered: [UInt8] = []
    private var isAtEnd = false

    public init(_ arguments: [String], environment: [String: String]? = nil, inputPath: String = "/dev/null") throws {
        var outputPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw TestFailure("pipe failed: \(errno)") }
        // Close-on-exec: a program that another test starts meanwhile must not hold this pipe open.
        for descriptor in outputPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outputPipe[0])
        // Only 1 and 2 may hold the pipe: a daemon (the tmux server) keeping the original
        // descriptor would keep the pipe open, and reading it would never end.
        posix_spawn_file_actions_addclose(&actions, outputPipe[1])

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGTTOU, SIGTTIN] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // Every fours started from a test, directly or through tmux or git, reads the tests' clock
        // and keeps its state (versions, undo, the queue's filters) where the test says, else in
        // the tests' own folder: never in the user's.
        var environment = environment ?? ProcessEnvironment.current
        if environment[WallClock.environmentKey] == nil {
            environment[WallClock.environmentKey] = Fixture.clock.now().description
        }
        if environment["XDG_STATE_HOME"] == nil { environment["XDG_STATE_HOME"] = TestState.folder }
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environmentLines.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        close(outputPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            throw TestFailure("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        output = outputPipe[0]
    }

    deinit {
        close(output)
    }

    /// The next line of output, waiting at most `timeout` seconds; nil at the end or on timeout.
    public func readLine(timeout: Double) -> String? {
        let deadline = monotonicSeconds() + timeout
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let remaining = deadline - monotonicSeconds()
            guard !isAtEnd, remaining > 0, fill(waitingUpTo: remaining) else {
                return nil
            }
        }
    }

    /// Whether all output has been read and the program closed its end.
    public var hasEnded: Bool { isAtEnd && buffered.isEmpty }

    /// Everything the program writes until it exits.
    public func readToEnd() -> String {
        while fill(waitingUpTo: -1) {}
        defer { buffered.removeAll() }
        return String(decoding: buffered, as: UTF8.self)
    }

    /// Waits up to `timeout` (forever when negative) for output; false at the end of it.
    private func fill(waitingUpTo timeout: Double) -> Bool {
        guard !isAtEnd else { return false }
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeout < 0 ? -1 : Int32(max(1, timeout * 1000)))
        if ready < 0 && errno == EINTR { return true }
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = read(output, &chunk, chunk.count)
        if count < 0 && errno == EINTR { return true }
        guard count > 0 else {
            isAtEnd = true
            return false
        }
        buffered.append(contentsOf: chunk[0..<count])
        return true
    }

    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the program to end: its exit status, or 128 + the signal that ended it.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Runs a program to its end and collects its output.
public enum Command {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil) -> Result {
        do {
            let child = try ChildProcess(arguments, environment: environment)
            let output = child.readToEnd()
            return Result(status: child.wait(), output: output)
        } catch {
            return Result(status: -1, output: "\(error)")
        }
    }
}

/// The state folder of the programs a test starts without naming one: made once for the
/// test run, removed when it ends.
public enum TestState {
    public static let folder: String = {
        var template = Array("/tmp/fours-test-state-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return "/tmp/fours-test-state" }
        atexit { _ = Command.run(["/bin/rm", "-rf", TestState.folder]) }
        return String(cString: made)
    }()
}
