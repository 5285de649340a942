import Glibc

/// Runs another program (git, or fours itself for the benchmark) to its end and collects
/// what it printed.
struct ProgramRun {
    let status: Int32
    let output: String

    var succeeded: Bool { status == 0 }

    /// Nil when the program cannot be started at all (not installed). With `environment`,
    /// the program gets that and nothing of this process's.
    static func run(_ arguments: [String], environment: [String: String]? = nil) -> ProgramRun? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0)=\($1)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var child: pid_t = 0
        let started = envp.map { envp in posix_spawnp(&child, arguments[0], &actions, nil, argv, envp) }
            ?? posix_spawnp(&child, arguments[0], &actions, nil, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard started == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[0..<count]
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProgramRun(status: exitStatus, output: String(decoding: output, as: UTF8.self))
    }
}
