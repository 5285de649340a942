import Glibc

/// The store file on disk and the document last read from it. Every change goes through
/// `save`, which re-reads the file under a lock when someone else changed it, applies the
/// operations on top, checks that the result reads back, and replaces the file atomically.
public final class Store {
    /// The path as the user gave it, for messages.
    public let path: String
    /// Where the bytes live: `path` with symbolic links followed.
    private let file: String
    public private(set) var document: StoreDocument
    /// Why changes cannot be saved (`--read-only`, or a file from a newer fours); nil when they can.
    public private(set) var readOnlyReason: String?
    /// Whether the file was there and has gone (deleted or moved away) since.
    public private(set) var isGone = false
    /// The file as last read or written; nil before it exists.
    private var fingerprint: FileStatus?
    private var style = FileStyle()
    /// Whether this session has saved yet: before its first save, the file is kept as `PATH.bak`.
    private var hasSaved = false
    /// Where each order's text stands in the file as last read or written: a save encodes
    /// again only the orders its changes alter and copies the others from the file, which
    /// keeps a tick fast in a big store without keeping the file's text in memory.
    private var orderTexts: [Int: StoredText] = [:]
    /// The stakeholders' and the activity log's JSON as the last save made it.
    private var listsJSON = KeptListsJSON()
    /// How long a save waits for another writer's lock before it gives up and says so.
    private let lockTimeout: Double
    /// What of the file just opened is not read yet: checklists, or orders but for their sketches.
    public private(set) var laterReading = LaterReading.none
    /// The orders left unread when only some were wanted; nil when `document` has them all.
    private var unreadOrders: UnreadOrders?
    /// Whether the file as last read or written is known to read whole without a problem.
    private var isSound = false
    /// Where versions read from elsewhere are kept, for merging a sync service's conflicted copies.
    public let versions: SyncVersions?
    /// Who makes the changes saved here, for the activity log; nil records none.
    public var author: String?
    /// When those changes are made.
    public var clock = WallClock.system
    /// Whether where the orders are is recorded in a moment nobody waits on
    /// (`recordPlacesIfDue`), not at once after each save: the dashboard's, so that a tick
    /// does not wait for that write. A command records it at once, as it ends right after.
    public var recordsPlacesLater = false
    /// Whether the file is sound and where its orders are is not recorded yet.
    private var placesDue = false

    /// Opens the store at `path`; a missing file is an empty store, created on the first change.
    /// With `checklistsLater`, the checklists are found but not read (`laterReading`):
    /// nothing may be changed or saved until `takeLaterReading` has them all. Of a file this
    /// machine knows to read whole, the orders are not read either: `document` holds their
    /// sketches (`OrderSketch`), and `takeLaterReading` puts each in place whole.
    ///
    /// With `only`, a command that needs a few orders reads those alone when this machine
    /// knows the file to read whole (`versions` remembers it): `document` then holds only
    /// them (those asked for that exist: by number, the open ones, or an order with those it
    /// links to), and a change that needs others reads the rest first. Otherwise every
    /// order is read, as without it.
    public init(path: String, readOnly: Bool = false, lockTimeout: Double = 2, versions: SyncVersions? = nil,
                checklistsLater: Bool = false, only wanted: WantedOrders? = nil) throws(StoreError) {
        self.path = path
        self.lockTimeout = lockTimeout
        self.versions = versions
        file = FileSystem.resolvingLinks(path)
        document = StoreDocument()
        if let opened = try openFile() { try take(opened, checklistsLater: checklistsLater, only: wanted) }
        recordIfSound()
        if readOnly { readOnlyReason = "opened with --read-only" }
        if readOnlyReason == nil {
            FileSystem.removeStaleTemporaries(for: file)
            FileSystem.removeStaleTemporaries(for: backupPath)
        }
    }

    /// Whether the file exists yet.
    public var exists: Bool { fingerprint != nil }

    /// Whether `document` holds every order of the file (not only those asked for).
    public var hasEveryOrder: Bool { unreadOrders == nil }

    /// The numbers of the file's open orders (or, with `open` false, its delivered and
    /// closed ones), read or not, in the file's order.
    public func orderNumbers(open: Bool) -> [Int] {
        unreadOrders?.orders(open: open, in: document) ?? document.orders.filter { $0.status.isOpen == open }.map(\.id)
    }

    /// Reads the orders left unread, when only some were read: for what needs them all.
    public func readEveryOrder() throws(StoreError) {
        guard unreadOrders != nil else { return }
        guard let opened = try openFile() else { throw .gone(path: path) }
        try take(opened)
    }


    public var backupPath: String { file + ".bak" }

    /// What a save did with each operation, in the order given.
    public enum Outcome: Sendable, Equatable {
        /// Saved, as applied: an order added while someone else took its number has the next one.
        case saved(StoreOperation)
        /// Not saved, and never will be: what it changes is gone, or the file could not read it.
        case refused(String)
    }

    /// What a save wrote: the document now on disk, including other people's changes made
    /// since the last read, and what became of each operation.
    public struct Saved: Sendable {
        public var document: StoreDocument
        public var outcomes: [Outcome]
        /// Whether the file held someone else's changes, taken in before these were applied.
        public var includesOthersChanges: Bool
    }

    /// Applies one change and saves it; a change that cannot be saved is an error.
    @discardableResult
    public func apply(_ operation: StoreOperation) throws(StoreError) -> StoreOperation {
        switch try save([operation]).outcomes.first {
        case .saved(let applied): return applied
        case .refused(let reason): throw .refused(reason)
        case nil: return operation
        }
    }

    /// Applies changes in order and saves them in one write. A change that no longer
    /// applies, or that would leave a file the reader refuses, is left out and reported;
    /// the others are saved. When the file has gone, nothing is written unless
    /// `recreating` (the user asked to write it back).
    public func save(_ operations: [StoreOperation], recreating: Bool = false) throws(StoreError) -> Saved {
        // A lock file deleted while this save held it may have let another writer in:
        // the save starts again under the new lock, on top of what that writer wrote.
        for _ in 0..<3 {
            if let saved = try saveUnderLock(operations, recreating: recreating) { return saved }
        }
        throw .notSaved(path: path, reason: "the store keeps changing during saves; stop whatever deletes "
                            + "\(FileSystem.baseName(of: FileSystem.lockPath(for: file))) or rewrites the store without taking it")
    }

    /// One attempt at a save; nil when the file changed on the way and nothing was written.
    private func saveUnderLock(_ operations: [StoreOperation], recreating: Bool) throws(StoreError) -> Saved? {
        if let readOnlyReason { throw .readOnly(path: path, reason: readOnlyReason) }
        var lock: Int32
        do { lock = try FileSystem.lock(file, timeout: lockTimeout) } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
        defer { FileSystem.unlock(lock) }

        // Under the lock, the file on disk is the truth: re-read it if anyone changed it.
        let status = try currentStatus()
        if status == nil && fingerprint != nil {
            isGone = true
            guard recreating else { throw .gone(path: path) }
            orderTexts = [:]
        }
        var includesOthersChanges = false
        if status != nil && status != fingerprint, let opened = try openFile() {
            try take(opened)
            includesOthersChanges = true
        }
        if let readOnlyReason { throw .readOnly(path: path, reason: readOnlyReason) }
        if unreadOrders != nil, !operations.allSatisfy({ $0.canApply(toSomeOrders: document) }) {
            try readEveryOrder()
        }

        var changed = document
        var outcomes: [Outcome] = []
        var changedOrders = Set<Int>()
        for operation in operations {
            var next = changed
            do {
                let applied = try operation.apply(to: &next)
                if let problem = next.readBackProblem(changedOrders: applied.changedOrders, comparedWith: changed) {
                    outcomes.append(.refused("not saved: \(problem)"))
                    continue
                }
                outcomes.append(.saved(applied))
                changedOrders.formUnion(applied.changedOrders)
                changed = next
                if let author { changed.record(applied, by: author, at: clock.now()) }
            } catch {
                outcomes.append(.refused("not saved: \(error.reason) (changed by someone else)"))
            }
        }
        guard outcomes.contains(where: { if case .saved = $0 { true } else { false } }) || (recreating && isGone) else {
            return Saved(document: changed, outcomes: outcomes, includesOthersChanges: includesOthersChanges)
        }
        // Each save is a revision of its own; the first save of a new file starts its lineage.
        if status == nil && !isGone && changed.lineage == StoreLineage() {
            changed.lineage = .newStore(at: clock.now())
        } else {
            changed.lineage.recordSave(at: clock.now())
        }
        let saved = Saved(document: changed, outcomes: outcomes, includesOthersChanges: includesOthersChanges)
        let (pieces, written) = encode(changed, changedOrders: changedOrders)
        do throws(FileSystem.Failure) {
            try writeBackupOnce()
            // The file this save is made from: the one read under the lock, or none.
            let basis = status == nil ? nil : fingerprint
            try FileSystem.replace(file, with: pieces, copyingFrom: fingerprint) { () throws(FileSystem.Failure) in
                try FileSystem.keepLock(&lock, on: file, timeout: lockTimeout, basis: basis)
            }
            // Kept before its status is taken: a second name moves the file's change time.
            versions?.keep(fileAt: file, revision: changed.lineage.latest)
            guard let status = try FileSystem.status(of: file) else {
                throw FileSystem.Failure(operation: "stat", code: ENOENT)
            }
            fingerprint = status
        } catch {
            // The file changed while its orders were copied: the next attempt reads it
            // again, or at worst encodes every order.
            if error.code == EAGAIN { orderTexts = [:] }
            if error.code == ESTALE || error.code == EAGAIN { return nil }
            throw .notSaved(path: path, reason: error.reason)
        }
        isGone = false
        document = changed
        // Only now that the file holds them: a failed save must not leave its places behind.
        orderTexts = Self.storedTexts(of: written, writtenAs: pieces, before: orderTexts)
        unreadOrders?.saved(written.ids, partedAsWritten: !style.usesCRLF)
        // Each order written read back before (or was copied from a file that did).
        isSound = true
        recordIfSound()
        return saved
    }

    /// The document's text in this file's style: the orders that did not change (or were
    /// not read) as stretches of the file to copy, the others encoded anew; with the orders
    /// written, in their order and runs.
    private func encode(_ document: StoreDocument, changedOrders: Set<Int>) -> (pieces: [TextPiece], orders: OrdersToWrite) {
        let written = unreadOrders?.toWrite(for: document) ?? OrdersToWrite(document.orders.map(\.id))
        let orders = written.runs.map { run -> JSONValue in
            let id = written.ids[run.lowerBound]
            // Unread orders that follow each other in the file: one stretch of it.
            if run.count > 1, let first = orderTexts[id], let last = orderTexts[written.ids[run.upperBound - 1]] {
                let stretch = StoredText(range: first.range.lowerBound..<last.range.upperBound, digest: nil)
                return .encoded(EncodedJSON(stored: stretch, depth: StoreDocument.orderDepth))
            }
            if !changedOrders.contains(id), let text = orderTexts[id] {
                return .encoded(EncodedJSON(stored: text, depth: StoreDocument.orderDepth))
            }
            return .encoded(EncodedJSON(document.order(id: id)!.json, depth: StoreDocument.orderDepth))
        }
        let json = document.json(orders: orders, stakeholders: listsJSON.stakeholders.json(of: document.stakeholders, \.json),
                                 activity: listsJSON.activity.json(of: document.activity, \.json))
        return (style.apply(to: JSONWriter.pieces(for: json)), written)
    }

    /// Where each order's text stands in a file written as `pieces` with the orders
    /// `written` (the k-th run is piece 2k + 1), the orders of a run where they stood in
    /// it in the file as it was (`before`).
    private static func storedTexts(of written: OrdersToWrite, writtenAs pieces: [TextPiece],
                                    before: [Int: StoredText]) -> [Int: StoredText] {
        var texts: [Int: StoredText] = [:]
        texts.reserveCapacity(written.ids.count)
        var offset = 0
        for (index, piece) in pieces.enumerated() {
            let range = offset..<offset + piece.count
            offset += piece.count
            guard index % 2 == 1 else { continue }
            let run = written.runs[index / 2]
            if run.count > 1, let start = before[written.ids[run.lowerBound]]?.range.lowerBound {
                for id in written.ids[run] {
                    guard let was = before[id]?.range else { continue }
                    texts[id] = StoredText(range: range.lowerBound + was.lowerBound - start..<range.lowerBound + was.upperBound - start,
                                           digest: nil)
                }
                continue
            }
            let id = written.ids[run.lowerBound]
            switch piece {
            case .stored(let text): texts[id] = StoredText(range: range, digest: text.digest)
            case .bytes(let bytes): texts[id] = StoredText(range: range, digest: StoredText.digest(of: bytes))
            }
        }
        return texts
    }

    /// The file as it was before this session's first save, kept as a second name of the
    /// same file (so with the store's own mode: a private store has a private backup).
    /// The new name changes the file's status, not its text: that status is the file's now.
    private func writeBackupOnce() throws(FileSystem.Failure) {
        guard !hasSaved else { return }
        if let before = fingerprint, !isGone {
            try FileSystem.keepBackup(of: file, as: backupPath)
            if let after = try FileSystem.status(of: file), after.isSameText(as: before) { fingerprint = after }
        }
        hasSaved = true
    }

    /// Reads the file again when it changed on disk since it was last read. Returns whether
    /// it did. A file that no longer reads is reported and the last good document is kept;
    /// a file that has gone is reported, and the document stays as it was.
    @discardableResult
    public func reloadIfChanged() throws(StoreError) -> Bool {
        let status = try currentStatus()
        if status == nil && fingerprint != nil {
            isGone = true
            throw .gone(path: path)
        }
        guard status != fingerprint, let opened = try openFile() else { return false }
        isGone = false
        // Another writer's backup (a second name for the file) changes its status, not its text.
        if opened.status.size == fingerprint?.size, holdsText(opened) {
            fingerprint = opened.status
            recordIfSound()
            return false
        }
        try take(opened)
        // Another writer's save, read whole: the next open here can draw from sketches.
        recordIfSound()
        return true
    }

    private func currentStatus() throws(StoreError) -> FileStatus? {
        do { return try FileSystem.status(of: file) } catch { throw .unreadable(path: path, reason: error.reason) }
    }

    /// Takes the file just opened as the document, read a window at a time; a file not as
    /// fours writes it is read whole, the careful way. Each read checks the schema version,
    /// so a newer fours's file that appears while this one runs is never written back.
    /// Only the orders `wanted` are read from a file known to be sound, when they can be found.
    private func take(_ opened: OpenedFile, checklistsLater: Bool = false, only wanted: WantedOrders? = nil) throws(StoreError) {
        // Of a file that read whole before, a command reads only the orders it needs, and
        // the dashboard draws its queue from the orders' sketches.
        if versions?.isKnownSound(opened.status) == true,
           let reading = wanted.map({ StoreDocument.read(file: opened, only: $0, places: versions?.orderPlaces(of: opened.status)) })
            ?? (checklistsLater ? StoreDocument.sketched(file: opened) : nil) {
            orderTexts = [:]
            take(reading, from: opened)
            return
        }
        // The orders of the file read before, by their text: those another writer did not
        // change are taken as they are, not parsed again. Should the new file not read, the
        // next save encodes every order anew, which is only slower.
        let known = orderTexts.isEmpty ? nil : KnownOrders(document.orders.compactMap { order in
            orderTexts[order.id].map { ($0, order) }
        })
        orderTexts = [:]
        if let reading = StoreDocument.read(file: opened, known: known, checklistsLater: checklistsLater) {
            take(reading, from: opened)
        } else {
            try takeWhole(opened, known: known)
        }
    }

    /// Reads the file whole, the careful way, which says where any problem is.
    private func takeWhole(_ opened: OpenedFile, known: KnownOrders? = nil) throws(StoreError) {
        let bytes: [UInt8]
        do { bytes = try opened.readWhole() } catch { throw .unreadable(path: path, reason: error.reason) }
        var reading = try Self.interpret(bytes, path: path, known: known)
        reading.orderTexts = StoredText.digested(reading.orderTexts.filter { !$0.value.range.isEmpty }, in: bytes)
        take(reading, from: opened)
    }

    private func take(_ reading: StoreDocument.Reading, from opened: OpenedFile) {
        document = reading.document
        unreadOrders = reading.unreadOrders
        // An order that does not change is written again as it stands in the file, with
        // whatever this version does not know of it; only changed orders are encoded.
        // Opening a big store digests its orders after the first frame, with its checklists.
        orderTexts = reading.orderTexts.filter { !$0.value.range.isEmpty }
        // Digests let the next read of a changed file take unchanged orders as they are; a
        // command that read only some orders would parse just those few again, so it takes none.
        let undigested = reading.unreadOrders == nil ? orderTexts.filter { $0.value.digest == nil } : [:]
        laterReading = reading.laterOrders.isEmpty
            ? LaterReading(file: opened, checklists: reading.laterChecklists, undigested: undigested)
            : LaterReading(file: opened, orders: reading.laterOrders)
        // Orders left unread are copied as they stand; they need no digest.
        if !reading.unreadTexts.isEmpty { orderTexts = reading.unreadTexts.merging(orderTexts) { _, read in read } }
        fingerprint = opened.status
        versions?.sawRead(opened, revision: reading.document.lineage.latest)
        style = reading.style
        if reading.isNewerVersion, let version = reading.schemaVersion {
            readOnlyReason = "written by a newer fours (schema \(version)); update fours to change it"
        }
        isSound = !reading.isNewerVersion && laterReading.isEmpty
    }

    /// Keeps the version of the file last read, for merging copies that grew from it (on
    /// another thread where it must be copied, when `inBackground`).
    public func keepVersionRead(inBackground: Bool = true) {
        guard versions?.keepPending(inBackground: inBackground) == true, let before = fingerprint,
              let after = try? FileSystem.status(of: file), after.isSameText(as: before) else { return }
        fingerprint = after
        recordIfSound()
    }

    /// Tells `versions` the file as it stands is sound, when it is known to be, and where
    /// its orders are.
    private func recordIfSound() {
        guard isSound, let fingerprint else { return }
        versions?.recordSound(fingerprint)
        placesDue = fingerprint.size >= OrderPlaces.smallestFileRecorded
        if !recordsPlacesLater { recordPlacesIfDue() }
    }

    /// Records where the orders of the file are, when it is sound and that is not recorded yet.
    public func recordPlacesIfDue() {
        guard placesDue, isSound, let fingerprint else { return }
        placesDue = false
        versions?.recordOrderPlaces(of: fingerprint) { orderPlaces(inFileOf: Int(fingerprint.size)) }
    }

    /// Where each order of the file as last read or written is, in the file's order; nil
    /// when one's place is not known.
    private func orderPlaces(inFileOf size: Int) -> OrderPlaces? {
        let ids = unreadOrders?.ids ?? document.orders.map(\.id)
        // Closures, not key paths: a key path through the details copies them whole for each order.
        let open: [Bool?] = unreadOrders?.isOpen(in: document) ?? document.orders.map { $0.status.isOpen }
        let followUps = unreadOrders?.followUps(in: document) ?? document.orders.map { $0.followUpOf }
        var places: [OrderPlaces.Place] = []
        places.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            guard let range = orderTexts[id]?.range, let isOpen = open[index] else { return nil }
            places.append(OrderPlaces.Place(id: id, range: range, isOpen: isOpen, followUpOf: followUps[index]))
        }
        return OrderPlaces(places, fileSize: size)
    }

    /// Gives the store's document storage of its own for its orders, when it shares it
    /// with `document` (the copy the dashboard was handed): in a quiet moment, so that the
    /// next change copies them in neither place.
    public func stopSharingOrders(with document: StoreDocument) {
        if self.document.sharesOrders(with: document) { self.document.ownOrders() }
    }

    /// Takes checklists or orders read later (`laterReading.read`) into the document. When
    /// they are not all there (one was not as fours writes it, or the file changed in place),
    /// the file as it was opened is read again whole, the careful way, which reports any
    /// problem as opening it would have.
    public func takeLaterReading(_ read: LaterReading.Found?) throws(StoreError) {
        guard let file = laterReading.file else { return }
        guard let read else {
            laterReading = .none
            orderTexts = [:]
            try takeWhole(file)
            recordIfSound()
            return
        }
        document.setChecklists(read.checklists)
        document.setOrders(read.orders)
        for (id, digest) in read.digests { orderTexts[id]?.digest = digest }
        laterReading.remove(read)
        guard laterReading.isEmpty else { return }
        // Every order has now read without a problem: the next open can draw from sketches.
        isSound = true
        recordIfSound()
    }

    /// Whether the file holds the text a save would write now: the file as this store last
    /// read or wrote it. Compared a piece at a time as the file is read, so nothing is
    /// kept; a file laid out by hand may compare unlike and is then read again, which is
    /// only slower.
    private func holdsText(_ opened: OpenedFile) -> Bool {
        var window = FileWindow(opened)
        var offset = 0
        for piece in encode(document, changedOrders: []).pieces {
            let range = offset..<offset + piece.count
            guard range.upperBound <= opened.size else { return false }
            var same = true
            do throws(FileSystem.Failure) {
                switch piece {
                case .stored(let text):
                    guard let digest = text.digest else { return false }
                    var hasher = Hasher()
                    try window.forEachPart(of: range) { part in part.withUnsafeBytes { hasher.combine(bytes: $0) } }
                    same = hasher.finalize() == digest
                case .bytes(let text):
                    var at = text.startIndex
                    try window.forEachPart(of: range) { part in
                        same = same && part.elementsEqual(text[at..<at + part.count])
                        at += part.count
                    }
                }
            } catch {
                return false
            }
            guard same else { return false }
            offset = range.upperBound
        }
        return offset == opened.size
    }

    /// Writes a new store file; refuses to replace one that exists.
    public static func create(path: String, document: StoreDocument) throws(StoreError) {
        do {
            try FileSystem.replace(FileSystem.resolvingLinks(path), with: JSONWriter.bytes(for: document.json),
                                   exclusive: true)
        } catch {
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .notSaved(path: path, reason: error.reason)
        }
    }

    /// Reads a store file and lists every problem in it, for `fours check`. Nil when there
    /// is no file. A file laid out as fours writes it that reads without a problem is read
    /// a window at a time, never in memory whole; any other is read the careful way, which
    /// finds every problem at its place.
    public static func check(path: String) throws(StoreError) -> StoreDocument.Reading? {
        let file = FileSystem.resolvingLinks(path)
        if let opened = try? OpenedFile.open(file), let reading = StoreDocument.read(file: opened, known: nil, checklistsLater: false) {
            return reading
        }
        guard let contents = try readFile(file, shownAs: path) else { return nil }
        do { return try StoreDocument.read(bytes: contents.bytes) } catch {
            throw .syntax(path: path, error)
        }
    }

    private func openFile() throws(StoreError) -> OpenedFile? {
        do { return try OpenedFile.open(file) } catch { throw .unreadable(path: path, reason: error.reason) }
    }

    static func readFile(_ file: String, shownAs path: String)
        throws(StoreError) -> (bytes: [UInt8], status: FileStatus)? {
        do { return try FileSystem.read(file) } catch { throw .unreadable(path: path, reason: error.reason) }
    }

    /// Parses and checks file content. A file from a newer fours reads as far as it can;
    /// any other problem fails.
    private static func interpret(_ bytes: [UInt8], path: String, known: KnownOrders? = nil)
        throws(StoreError) -> StoreDocument.Reading {
        let reading: StoreDocument.Reading
        do { reading = try StoreDocument.read(bytes: bytes, known: known) } catch {
            throw .syntax(path: path, error)
        }
        if !reading.isNewerVersion, let problem = reading.problems.first {
            throw .invalid(path: path, problem)
        }
        return reading
    }
}
