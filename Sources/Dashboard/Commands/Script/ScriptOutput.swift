import Model
import Glibc

/// What the scripting commands print: tables fitted to the terminal, colour only on a
/// terminal and never with NO_COLOR, JSON for `--json`.
enum ScriptOutput {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var usesColor: Bool {
        isTerminal && !(ProcessSetup.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
    }

    /// The terminal's width; nil when the output goes to a file or a pipe (nothing is cut).
    static var width: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { usesColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// Columns aligned; on a terminal, the widest column (the title, as a rule) is cut so
    /// that each row fits on one line.
    static func table(_ columns: [String], _ rows: [[String]], shrinking shrinkable: Int = 1) {
        let cells = ([columns] + rows).map { $0.map { TerminalSafety.visible($0) } }
        var widths = columns.indices.map { index in cells.map { DisplayWidth.of($0[index]) }.max() ?? 0 }
        if let width, shrinkable < widths.count {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > width { widths[shrinkable] = max(8, widths[shrinkable] - (total - width)) }
        }
        for (index, row) in cells.enumerated() {
            let line = row.enumerated().map { column, text in
                column == row.count - 1 ? DisplayWidth.truncate(text, to: widths[column])
                    : DisplayWidth.fit(text, to: widths[column])
            }.joined(separator: "  ")
            print(index == 0 ? bold(line) : line)
        }
    }

    /// Writes what a command made to `out` (never over the store at `storePath`), saying so
    /// on stderr, or without `out` to the standard output: as it is to a file or a pipe, made
    /// safe to show on a terminal, where nothing from the store is obeyed.
    static func deliver(_ bytes: [UInt8], to out: String?, notOver storePath: String, what: String) throws {
        guard let out else {
            let text = String(decoding: bytes, as: UTF8.self)
            guard isTerminal else { return print(text, terminator: "") }
            let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
            print(TerminalSafety.visible(lines, keepingLines: true), terminator: "")
            return
        }
        if UserFile.isSameFile(out, as: storePath) {
            throw CommandFailure.report("--out \(out) is the store itself; write to another file")
        }
        do { try UserFile.write(bytes, to: out) } catch {
            throw CommandFailure.report(error.message)
        }
        FileHandleOutput.standardError("Wrote \(what) to \(out)\n")
    }

    static func json(_ value: JSONValue) {
        print(String(decoding: JSONWriter.bytes(for: value), as: UTF8.self), terminator: "")
    }
}

/// A store opened by a scripting command: for reading, or for changes made as the person
/// running it ($FOURS_USER), through the same store operations as the dashboard.
struct ScriptStore {
    let store: Store
    let user: String
    /// The changes made here with commands, for `fours undo`.
    let history: ChangeHistory

    /// Opens the store for a command; one that needs only some orders names them (`only`),
    /// and `document` may then hold those alone.
    init(_ options: StoreOptions, forChanges: Bool, readOnly: Bool = false, only orders: WantedOrders? = nil) throws {
        do {
            store = try Store.forThisRun(at: options.path, readOnly: !forChanges || readOnly, only: orders)
        } catch {
            throw CommandFailure.report(error.message)
        }
        if !store.exists && !forChanges {
            // A fresh machine: an empty store, as the dashboard opens it, with a word on where it is.
            FileHandleOutput.standardError("fours: there is no store at \(options.path) yet (check the path, --store or "
                                           + "$FOURS_STORE); the first change makes it, and fours demo --store PATH writes a demo\n")
        }
        KeptUntilExit.keep(store)
        user = ProcessSetup.user
        store.keepVersionRead(inBackground: false)
        do {
            if forChanges && store.readOnlyReason == nil {
                try SyncCopiesOnCommand.mergeBeforeChange(into: store, by: user)
            } else {
                try SyncCopiesOnCommand.sayWhatWaits(beside: store)
            }
        } catch {
            throw CommandFailure.report(error.message)
        }
        history = ChangeHistory(storePath: options.path, stateFolder: SyncVersions.stateFolder(environment: ProcessSetup.environment))
    }

    var document: StoreDocument { store.document }
    var lookup: StoreLookup { StoreLookup(store.document) }

    /// Applies and saves a change, and keeps it for `fours undo`; the error says why when
    /// it cannot be saved.
    @discardableResult
    func apply(_ operation: StoreOperation) throws -> StoreOperation {
        let before = store.document
        let applied: StoreOperation
        do { applied = try store.apply(operation) } catch { throw CommandFailure.report(error.message) }
        if case .undoChange = applied { return applied }
        history.record(ChangeSnapshot(applied, before: before, after: store.document, by: user, at: ProcessSetup.clock.now()))
        return applied
    }

    /// What a lookup finds; an error that says what there is when it finds nothing or too much.
    func find<Value>(_ lookup: (StoreLookup) throws -> Value) throws -> Value {
        do { return try lookup(self.lookup) } catch let error as LookupError { throw CommandFailure.report(error.message) }
    }
}
