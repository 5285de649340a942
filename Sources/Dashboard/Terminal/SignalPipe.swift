import CNcurses
import Glibc

/// SIGINT, SIGTERM, SIGHUP and SIGCONT arrive as bytes on a pipe that the main loop polls,
/// so the loop ends or redraws in its own time: no work is done in a signal handler.
/// Made before curses starts, because curses installs its own handlers (which end the
/// process at once) only where none is set yet.
final class SignalPipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            }
            _ = fours_install_wake_signals(descriptors[1])
        }
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    /// Wakes the loop from another thread, as a signal would: it reads a 0.
    func wake() {
        var nothing: UInt8 = 0
        _ = write(writeEnd, &nothing, 1)
    }

    /// The signals that arrived since the last call.
    func drain() -> [Int32] {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = read(readEnd, &bytes, bytes.count)
        return count > 0 ? bytes.prefix(count).map { Int32($0) } : []
    }
}
