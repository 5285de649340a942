import CNcurses
import Model
import Glibc

/// A program started on a pseudo-terminal of its own, as a person's terminal would run
/// it, with the time of everything it writes: what the benchmark measures from outside.
final class PseudoTerminalRun {
    private let master: Int32
    private let pid: pid_t
    let started: ContinuousClock.Instant
    /// Everything the program wrote so far.
    private(set) var output: [UInt8] = []

    enum Failure: Error {
        case cannotStart(String)

        var message: String {
            switch self {
            case .cannotStart(let why): "cannot start the program on a pseudo-terminal: \(why)"
            }
        }
    }

    init(_ arguments: [String], environment: [String: String], size: Size) throws(Failure) {
        var slaveName = [CChar](repeating: 0, count: 128)
        master = fours_open_pty(Int32(size.width), Int32(size.height), &slaveName, slaveName.count)
        guard master >= 0 else { throw .cannotStart("no pseudo-terminal (\(String(cString: strerror(errno))))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // In a new session, the first terminal opened becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, fours_spawn_new_session_flag() | Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        started = .now
        let result = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw .cannotStart("\(arguments[0]): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    deinit {
        close(master)
    }

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until the output has held `marker` (when given, counting only what arrives
    /// from now on) and then stayed quiet for `quiet`; returns when the last byte came,
    /// or nil when that did not happen within `timeout`.
    func readUntilQuiet(marker: String? = nil, quiet: Duration = .milliseconds(40),
                        timeout: Duration = .seconds(30)) -> ContinuousClock.Instant? {
        let from = output.count
        let deadline = ContinuousClock.now + timeout
        var lastByte: ContinuousClock.Instant?
        var hasMarker = marker == nil
        let markerBytes = Array((marker ?? "").utf8)
        while ContinuousClock.now < deadline {
            let waitUntil = lastByte.map { $0 + quiet } ?? deadline
            let remaining = min(waitUntil, deadline) - ContinuousClock.now
            if remaining <= .zero {
                if hasMarker, let lastByte { return lastByte }
                if lastByte != nil && !hasMarker { lastByte = nil; continue }
                break
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(1, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&descriptor, 1, milliseconds) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { break }
            lastByte = .now
            output.append(contentsOf: chunk.prefix(count))
            if !hasMarker {
                hasMarker = output[max(from, output.count - count - markerBytes.count)...].firstRange(of: markerBytes) != nil
            }
        }
        return hasMarker ? lastByte : nil
    }

    /// The program's peak memory so far, in KB (VmHWM). The kernel's figure at its end
    /// (ru_maxrss) would also count this process's memory, which the child shared until
    /// it started its own program: a benchmark that just built a big store would show there.
    var peakKB: Int? {
        guard let status = try? UserFile.read("/proc/\(pid)/status") else { return nil }
        let text = String(decoding: status, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "")
    }

    /// Waits for the program to end, and says when it did.
    func waitForExit(timeout: Duration = .seconds(30)) -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var usage = rusage()
        while ContinuousClock.now < deadline {
            // Keep reading, so that a program writing its last frame is never blocked.
            var chunk = [UInt8](repeating: 0, count: 65_536)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 0) > 0 { _ = read(master, &chunk, chunk.count) }
            let ended = wait4(pid, &status, WNOHANG, &usage)
            if ended == pid { return .now }
            usleep(200)
        }
        kill(pid, SIGKILL)
        _ = wait4(pid, &status, 0, &usage)
        return nil
    }
}
