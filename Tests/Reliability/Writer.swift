import ArgumentParser
import Model
import Glibc

/// One writer: ticks every step of a range of orders, one save each, and prints
/// "ack ORDER STEP" only once the store has saved it. What it printed must never be lost.
/// With `--state`, each tick opens the store as a command does: reading only its order
/// when this machine (the state folder) knows the file sound.
struct Writer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writer", abstract: "Tick steps of a range of orders, acknowledging each saved tick.",
        shouldDisplay: false)

    @Option var store: String
    @Option var name: String
    @Option var firstOrder: Int
    @Option var lastOrder: Int
    @Option(help: "Stop after this many seconds, done or not.") var seconds: Double = 3600
    @Option(help: "Open the store for each tick, with the versions kept in this state folder.") var state: String?

    func run() throws {
        // As fours does: a write past the file-size limit fails with EFBIG instead of ending the process.
        signal(SIGXFSZ, SIG_IGN)
        let opened: Store
        do { opened = try Store(path: store) } catch {
            say("error \(error.message)")
            throw ExitCode(2)
        }
        say("ready")
        let deadline = time(nil) + Int(seconds.rounded(.up))
        let steps = opened.document.template.allSteps.map(\.step.id)
        let versions = state.map { SyncVersions(storePath: store, stateFolder: $0) }
        for order in firstOrder...lastOrder {
            for step in steps {
                guard time(nil) < deadline else { return }
                do {
                    let tick = StoreOperation.setStep(order: order, step: step, tick: Tick(at: WallClock.system.now(), by: name))
                    if let versions {
                        try Store(path: store, versions: versions, only: [order]).apply(tick)
                    } else {
                        try opened.apply(tick)
                    }
                    say("ack \(order) \(step)")
                } catch {
                    say("error \(error.message)")
                    throw ExitCode(2)
                }
            }
        }
    }

    /// Unbuffered, so that an acknowledgement is out before the next save starts.
    private func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}

/// Acknowledged ticks, checked against a store file.
struct Acknowledgements {
    private(set) var ticks: [(order: Int, step: String, by: String)] = []

    mutating func record(_ line: String, by writer: String) {
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "ack", let order = Int(parts[1]) else { return }
        ticks.append((order, String(parts[2]), writer))
    }

    var count: Int { ticks.count }

    /// How many acknowledged ticks the document does not hold.
    func missing(in document: StoreDocument) -> Int {
        ticks.count { tick in
            guard let order = document.order(id: tick.order),
                  let (section, index) = order.checklist.location(ofStep: tick.step) else { return true }
            return order.checklist[section][index].tick?.by != tick.by
        }
    }
}
