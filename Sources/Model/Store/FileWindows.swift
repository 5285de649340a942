/// Stretches of a file (the orders of a store) read a window at a time on every core:
/// neighbouring stretches share one read, and no more than a window per core is in
/// memory at once.
enum FileWindows {
    /// How much one read takes in, unless a single stretch is longer.
    static let size = 1 << 20

    /// `transform` of each stretch's bytes, in the order given. It is handed the window and
    /// the stretch's place in it, and the stretch's index. Nil when a read fails or comes
    /// short (the file changed), or when `transform` gives nil for any stretch.
    static func map<Value>(_ ranges: [Range<Int>], in file: OpenedFile,
                           _ transform: @escaping @Sendable (_ window: [UInt8], _ range: Range<Int>, _ index: Int) -> Value?)
        -> [Value]? {
        let windows = Self.windows(for: ranges)
        let perWindow = ParallelMap.map(windows.count, perWorker: 1) { index -> [(Int, Value)]? in
            let window = windows[index]
            guard let bytes = try? file.read(window.span), bytes.count == window.span.count else { return nil }
            var values: [(Int, Value)] = []
            values.reserveCapacity(window.members.count)
            for member in window.members {
                let range = ranges[member]
                let start = range.lowerBound - window.span.lowerBound
                guard let value = transform(bytes, start..<start + range.count, member) else { return nil }
                values.append((member, value))
            }
            return values
        }
        guard let perWindow else { return nil }
        var values = [Value?](repeating: nil, count: ranges.count)
        for (member, value) in perWindow.joined() { values[member] = value }
        return values.map { $0! }
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
