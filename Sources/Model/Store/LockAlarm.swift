import Glibc

/// Interrupts a blocking `flock` after a while: a one-shot timer that sends SIGURG to the
/// waiting thread, whose handler does nothing and does not restart system calls, so the
/// wait ends with EINTR.
/// (SIGURG is otherwise only sent for out-of-band socket data, which fours never uses.)
struct LockAlarm {
    private var timer: timer_t?
    /// The thread's signal mask before the alarm: SIGURG must get through while it waits.
    private var previousMask = sigset_t()

    private static let handlerInstalled: Bool = {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return sigaction(SIGURG, &action, nil) == 0
    }()

    init(after wait: Duration) {
        guard Self.handlerInstalled else { return }
        var event = sigevent()
        // To this thread: the one waiting in flock.
        event.sigev_notify = Int32(SIGEV_THREAD_ID)
        event.sigev_signo = SIGURG
        guard let thread = Self.currentThreadID() else { return }
        event._sigev_un._tid = thread
        var urgent = sigset_t()
        sigemptyset(&urgent)
        sigaddset(&urgent, SIGURG)
        pthread_sigmask(SIG_UNBLOCK, &urgent, &previousMask)
        var created: timer_t?
        guard timer_create(CLOCK_MONOTONIC, &event, &created) == 0 else { return }
        timer = created
        let (seconds, attoseconds) = max(wait, .milliseconds(1)).components
        var setting = itimerspec()
        setting.it_value.tv_sec = Int(seconds)
        setting.it_value.tv_nsec = Int(attoseconds / 1_000_000_000)
        timer_settime(created, 0, &setting, nil)
    }

    /// This thread's kernel id, from `/proc/thread-self` ("PID/task/TID").
    private static func currentThreadID() -> pid_t? {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let link = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return link.split(separator: "/").last.flatMap { pid_t($0) }
    }

    func cancel() {
        guard let timer else { return }
        timer_delete(timer)
        var previous = previousMask
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
