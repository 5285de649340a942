import Glibc

/// What the program loop needs of a terminal: curses on a real one (`CursesTerminal`),
/// cells in memory in tests.
protocol Terminal: AnyObject {
    var size: Size { get }
    /// Shows a frame, changing only what differs from the last one.
    func present(_ screen: Screen)
    /// Waits at most `milliseconds` for input, or for `descriptor` (the signal pipe) to
    /// have something to read.
    func wait(milliseconds: Int32, alsoWatching descriptor: Int32?) -> TerminalWait
    /// The next key, paste, click or resize already there; nil when there is none.
    func read() -> TerminalInput?
    /// Draws the whole screen again on the next frame (Ctrl-L, back from a suspend).
    func redrawEverything()
    /// Gives the terminal back to the shell until the process is continued.
    func suspend()
}

/// What ended a wait.
struct TerminalWait: Equatable {
    /// The watched descriptor has something to read.
    var watchedIsReady = false
    /// The terminal has gone (closed window, lost connection): time to end.
    var hungUp = false
}

extension CursesTerminal: Terminal {
    func wait(milliseconds: Int32, alsoWatching descriptor: Int32?) -> TerminalWait {
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        guard ready > 0 else { return TerminalWait() }
        return TerminalWait(watchedIsReady: descriptors.count > 1 && descriptors[1].revents != 0,
                            hungUp: descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
    }
}
