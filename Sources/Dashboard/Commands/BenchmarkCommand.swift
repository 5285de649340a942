import ArgumentParser
import Model
#if canImport(Glibc)
import Glibc
#endif

/// Measures what a user feels: opening a store, saving a tick, and the work per keystroke,
/// on a generated store of N orders in a temporary folder.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time loading, saving and keystrokes on a generated store (nothing of yours is touched)."
    )

    @Option(name: .long, help: "How many orders to generate, comma-separated for several runs.")
    var orders: String = "1000,10000"

    @Option(name: .long, help: "Keystrokes to time per run.")
    var keys: Int = 2000

    func run() throws {
        let counts = orders.split(separator: ",").compactMap { Int($0.filter { $0 != " " }) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw CommandFailure.report("--orders takes whole numbers above 0, such as 1000,10000")
        }
        var template = Array("/tmp/fours-benchmark-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template).map({ String(cString: $0) }) else {
            throw CommandFailure.report("cannot make a temporary folder in /tmp")
        }
        defer { removeFolder(folder) }
        print("orders   file MB   load ms   save ms   reload ms   first frame ms   per key µs (move / tick / search)")
        for count in counts {
            try measure(count: count, path: "\(folder)/store-\(count).json")
        }
    }

    private func measure(count: Int, path: String) throws {
        let clock = ContinuousClock()
        let now = Timestamp.now()
        do {
            try Store.create(path: path, document: GeneratedStore.make(orders: count, now: now))
        } catch {
            throw CommandFailure.report(error.message)
        }
        var store: Store?
        let load = clock.measure { store = try? Store(path: path) }
        guard let store else { throw CommandFailure.report("the generated store did not load") }

        var state = AppState(document: store.document, size: Size(width: 200, height: 50),
                             today: CalendarDay.local(at: now), user: "bench")
        let keyMap = KeyMap.standard
        var frame = Screen(size: state.size)
        let firstFrame = clock.measure { frame = DashboardView(state: state, keyMap: keyMap).render() }

        let moves: [Action] = [.moveDown, .moveDown, .pageDown, .moveUp, .pageUp, .moveToLast, .moveToFirst]
        let moving = clock.measure {
            for index in 0..<keys {
                _ = update(&state, moves[index % moves.count], now: now)
                frame = DashboardView(state: state, keyMap: keyMap).render()
            }
        }
        _ = update(&state, .focusChecklist, now: now)
        var operations: [StoreOperation] = []
        let ticking = clock.measure {
            for _ in 0..<keys {
                for case .persist(let changes, _) in update(&state, .toggleStep, now: now) {
                    operations.append(contentsOf: changes.last.map { [$0.operation] } ?? [])
                }
                frame = DashboardView(state: state, keyMap: keyMap).render()
            }
        }
        _ = update(&state, .focusQueue, now: now)
        _ = update(&state, .startSearch, now: now)
        let searching = clock.measure {
            for index in 0..<keys {
                _ = update(&state, index % 8 == 7 ? .searchEdit(.deleteToStart) : .searchEdit(.insert("e")), now: now)
                frame = DashboardView(state: state, keyMap: keyMap).render()
            }
        }
        _ = update(&state, .endSearch(keep: false), now: now)
        // What every save and every change from elsewhere costs the screen: the queue,
        // the search index and the figures are rebuilt.
        let reload = clock.measure { _ = update(&state, .reloaded(store.document), now: now) }
        let saves = min(20, operations.count)
        let save = clock.measure {
            for operation in operations.prefix(saves) { _ = try? store.apply(operation) }
        }
        _ = frame
        var status = stat()
        stat(path, &status)
        print(pad(count, 6), pad(Double(status.st_size) / 1_048_576, 9), pad(milliseconds(load), 9),
              pad(milliseconds(save) / Double(max(1, saves)), 9), pad(milliseconds(reload), 11), pad(milliseconds(firstFrame), 16),
              pad(milliseconds(moving) * 1000 / Double(keys), 12) + " / " + format(milliseconds(ticking) * 1000 / Double(keys))
                + " / " + format(milliseconds(searching) * 1000 / Double(keys)))
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(rounded)
    }

    private func pad(_ value: Int, _ width: Int) -> String { pad(String(value), width) }
    private func pad(_ value: Double, _ width: Int) -> String { pad(format(value), width) }
    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func removeFolder(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink("\(folder)/\(name)") }
        }
        closedir(directory)
        rmdir(folder)
    }
}
