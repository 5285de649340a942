import Dispatch
import Glibc

/// Many small pieces of work shared among the processors.
enum ParallelMap {
    /// `transform` of each index below `count`, in order, computed on every core when each
    /// has at least `perWorker` of them (a thread costs more than a few save); nil when
    /// `transform` gave nil for any.
    static func map<Value>(_ count: Int, perWorker: Int, _ transform: @escaping @Sendable (Int) -> Value?) -> [Value]? {
        let workers = min(max(1, count / perWorker), ProcessorCount.online)
        let results = ResultSlots<Value>(count: count)
        defer { results.release() }
        let share: @Sendable (Int) -> Void = { worker in
            var index = worker
            while index < count {
                results[index] = transform(index)
                index += workers
            }
        }
        if workers == 1 { share(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: share) }
        var values: [Value] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            guard let value = results[index] else { return nil }
            values.append(value)
        }
        return values
    }
}

/// A fixed row of results that several threads fill at once, each its own places.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    subscript(index: Int) -> Value? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    func release() {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// How many processors can run this process's threads.
private enum ProcessorCount {
    static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
