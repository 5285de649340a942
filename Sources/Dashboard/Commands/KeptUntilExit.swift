import CNcurses

/// The stores a command opened, kept until the process ends: freeing a big store's orders
/// one by one at exit takes time and achieves nothing, and the kernel's taking back the
/// memory is left to a helper once the shell has its prompt again.
enum KeptUntilExit {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep(_ object: AnyObject) {
        kept.append(object)
    }

    /// Ends a command that ran to its end, with what it printed flushed.
    static func exitSucceeded() -> Never {
        fours_exit_leaving_memory(0)
    }
}
