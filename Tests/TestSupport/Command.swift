#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and collects its output. Uses posix_spawn with an empty signal mask:
/// Foundation's Process hangs with tmux and passes the test thread's blocked signals on.
public enum Command {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil, input: String? = nil) -> Result {
        var outputPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { return Result(status: -1, output: "pipe failed") }
        var inputPath = "/dev/null"
        var inputFolder: TemporaryFolder?
        if let input {
            inputFolder = try? TemporaryFolder()
            if let folder = inputFolder {
                inputPath = folder.file("input")
                try? FileText.write(input, to: inputPath)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outputPipe[0])
        // Only 1 and 2 may hold the pipe: a daemon (the tmux server) keeping the original
        // descriptor would keep the pipe open and the read below would never end.
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

        let environmentLines = (environment ?? currentEnvironment()).map { "\($0.key)=\($0.value)" }
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
            return Result(status: -1, output: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(outputPipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        close(outputPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        _ = inputFolder
        return Result(status: exitStatus, output: String(decoding: bytes, as: UTF8.self))
    }

    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
