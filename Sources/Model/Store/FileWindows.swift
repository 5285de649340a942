/// Stretches of a file (the orders of a store) read a window at a time on every core:
/// neighbouring stretches share one read, and no more than a window per core is in
/// memory at once.
enum FileWindows {
    /// How much one read takes in, unless a single stretch is longer.
    static let size = 1 << 20

    /// `transform` of each stretch's bytes, in the order given. It is handed the window and
    /// the stretch's place in it, and the stretch's index. Nil when a read fails or comes
    /// short (the file changed), or when `transform` gives nil for any stretch.
    ///
    /// Each value goes straight to its place in the list returned: a big store's orders are
    /// never held twice on their way there.
    static func map<Value>(_ ranges: [Range<Int>], in file: OpenedFile,
                           _ transform: @escaping @Sendable (_ window: [UInt8], _ range: Range<Int>, _ index: Int) -> Value?)
        -> [Value]? {
        let windows = Self.windows(for: ranges)
        var complete = false
        let values = [Value](unsafeUninitializedCapacity: ranges.count) { buffer, initializedCount in
            let places = Places(start: buffer.baseAddress)
            // How many of each window's stretches have their value in place.
            let placed = ParallelMap.map(windows.count, perWorker: 1) { index -> Int? in
                let window = windows[index]
                guard let bytes = try? file.read(window.span), bytes.count == window.span.count else { return 0 }
                for (done, member) in window.members.enumerated() {
                    let range = ranges[member]
                    let start = range.lowerBound - window.span.lowerBound
                    guard let value = transform(bytes, start..<start + range.count, member) else { return done }
                    places.put(value, at: member)
                }
                return window.members.count
            } ?? []
            complete = placed.count == windows.count && zip(windows, placed).allSatisfy { $0.members.count == $1 }
            if complete {
                initializedCount = ranges.count
            } else {
                for (window, count) in zip(windows, placed) {
                    for member in window.members.prefix(count) { places.remove(at: member) }
                }
                initializedCount = 0
            }
        }
        return complete ? values : nil
    }

    /// The places of the list being filled, each written by one thread only.
    private struct Places<Value>: @unchecked Sendable {
        let start: UnsafeMutablePointer<Value>?

        func put(_ value: Value, at index: Int) {
            start?.advanced(by: index).initialize(to: value)
        }

        func remove(at index: Int) {
            start?.advanced(by: index).deinitialize(count: 1)
        }
    }

    /// The stretches gathered, in file order, into windows of at most `size` bytes each
    /// (or one longer stretch); smaller ones for a small file, so that it makes at least
    /// eight and the cores share them out evenly (three windows on two cores leave one
    /// core idle for a third of the time).
    private static func windows(for ranges: [Range<Int>]) -> [(span: Range<Int>, members: [Int])] {
        let size = min(Self.size, max(1 << 16, ranges.reduce(0) { $0 + $1.count } / 8))
        var windows: [(span: Range<Int>, members: [Int])] = []
        for member in ranges.indices.sorted(by: { ranges[$0].lowerBound < ranges[$1].lowerBound }) {
            let range = ranges[member]
            if let last = windows.last, range.upperBound - last.span.lowerBound <= size {
                windows[windows.count - 1].span = last.span.lowerBound..<max(last.span.upperBound, range.upperBound)
                windows[windows.count - 1].members.append(member)
            } else {
                windows.append((range, [member]))
            }
        }
        return windows
    }
}
