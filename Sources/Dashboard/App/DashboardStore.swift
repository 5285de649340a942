import Model

/// What the dashboard opens: one store, or a department's stores seen together, whose
/// changes each go to their own store.
protocol DashboardStore: AnyObject {
    /// For messages: the store's path, or the stores'.
    var path: String { get }
    var document: StoreDocument { get }
    var exists: Bool { get }
    var readOnlyReason: String? { get }
    var laterReading: LaterReading { get }
    func takeLaterReading(_ read: LaterReading.Found?) throws(StoreError)
    func keepVersionRead(inBackground: Bool)
    func stopSharingOrders(with document: StoreDocument)
    /// Records where the orders are, for the commands run beside the dashboard, when a
    /// save or a read since has not.
    func recordPlacesIfDue()
    func reloadIfChanged() throws(StoreError) -> Bool
    func save(_ operations: [StoreOperation], recreating: Bool) throws(StoreError) -> Store.Saved
    /// The conflicted copies a file-sync service left beside the store.
    func syncCopies() -> [SyncCopy]
    /// Merges those copies into the store, as `user` at `now`.
    func mergeCopies(_ copies: [SyncCopy], by user: String, at now: Timestamp) -> SyncCopyMerge.Report
}

extension Store: DashboardStore {
    func syncCopies() -> [SyncCopy] {
        SyncConflictCopies.find(besideStoreAt: path)
    }

    func mergeCopies(_ copies: [SyncCopy], by user: String, at now: Timestamp) -> SyncCopyMerge.Report {
        SyncCopyMerge.mergeCopies(copies, into: self, by: user, at: now)
    }
}

/// A department's stores are read whole when opened; each keeps the versions it reads.
extension DepartmentStores: DashboardStore {
    var exists: Bool { stores.contains(where: \.exists) }
    var readOnlyReason: String? { stores.lazy.compactMap(\.readOnlyReason).first }
    var laterReading: LaterReading { .none }
    func takeLaterReading(_ read: LaterReading.Found?) throws(StoreError) {}

    func keepVersionRead(inBackground: Bool) {
        for store in stores { store.keepVersionRead(inBackground: inBackground) }
    }

    func stopSharingOrders(with document: StoreDocument) {}

    func recordPlacesIfDue() {
        for store in stores { store.recordPlacesIfDue() }
    }

    /// A department's view leaves each store's sync copies to the team's own dashboard or commands.
    func syncCopies() -> [SyncCopy] { [] }

    func mergeCopies(_ copies: [SyncCopy], by user: String, at now: Timestamp) -> SyncCopyMerge.Report {
        SyncCopyMerge.Report()
    }
}
