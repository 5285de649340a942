import Model
import TestSupport
import Glibc

/// Fills every form of the real dashboard with random values (huge numbers, signs,
/// dates that do not exist, wide and control characters, long text) and submits them.
/// Whatever the forms accept, the store must still read, and `fours check` must find it
/// sound: a form never saves what the reader refuses.
struct FormFuzz: ReliabilityCheck {
    let forms: Int

    /// The keys that open a form from the queue: add, edit, measurement and value,
    /// stakeholder, note, stage move.
    private let openers = ["a", "e", "m", "S", "n", ">", "c"]

    private let values = [
        "", "0", "-1", "3", "2.5", "1e19", "1e200", "-0", "20000000", "10000000", "99999999999999999999", "nan", "inf",
        "1,000,000", "0x10", "today", "+3d", "-2w", "2026-02-30", "9999-12-31", "abc", "日本語のテキスト", "🇫🇷👨‍👩‍👧❤️",
        "\u{202e}reversed", "tab\there", String(repeating: "long ", count: 200), "\"quoted\" \\ back",
    ]

    func run() throws -> Report {
        let folder = try TemporaryFolder()
        let store = folder.file("store.json")
        try Store.create(path: store, document: DemoStore.make(now: WallClock.system.now()))
        let session = try TmuxSession(width: 120, height: 40, arguments: ["--store", store], folder: folder)
        try session.waitFor("9 open")
        for _ in 0..<forms {
            session.send(["j", "k", "G", "g"].randomElement()!)
            session.send(openers.randomElement()!)
            usleep(30_000)
            for _ in 0..<Int.random(in: 1...12) {
                session.send("C-u")
                session.send("-l", values.randomElement()!)
                session.send(["Tab", "Tab", "Right", "BTab"].randomElement()!)
            }
            session.send("Enter")
            usleep(30_000)
            // A form that refused its values stays open: leave it.
            session.send("Escape", "Escape")
        }
        session.send("q")
        usleep(200_000)
        session.send("y")
        let status = try session.exitStatus()
        // What the screen showed at the end says why fours did not end cleanly.
        let ending = status == 0 ? "" : ", fours ended with status \(status); its last screen:\n\(session.screen())"
        let check = Command.run([try TmuxSession.binary(), "check", "--store", store])
        var reads = true
        do { _ = try Store(path: store) } catch { reads = false }
        let changes = (try? Store(path: store).document).map { changed(from: DemoStore.make(now: WallClock.system.now()), to: $0) } ?? 0
        return Report(
            name: "forms with random values",
            figures: "\(forms) forms filled and submitted, \(changes) orders or stakeholders changed, "
                + "the store \(reads ? "reads" : "DOES NOT READ"), fours check: \(check.status == 0 ? "sound" : check.output)" + ending,
            passed: reads && check.status == 0 && status == 0)
    }

    private func changed(from before: StoreDocument, to after: StoreDocument) -> Int {
        after.orders.filter { before.order(id: $0.id) != $0 }.count
            + after.stakeholders.filter { before.stakeholder(id: $0.id) != $0 }.count
    }
}
