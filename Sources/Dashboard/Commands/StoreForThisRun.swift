import Model

extension Store {
    /// The store at `path` as this run opens it, for the dashboard or a command: the versions
    /// it reads kept where this machine keeps them, and its changes made by this run's user
    /// (`FOURS_USER`, else the login name) at this run's clock.
    static func forThisRun(at path: String, readOnly: Bool, checklistsLater: Bool = false,
                           only orders: WantedOrders? = nil) throws(StoreError) -> Store {
        let store = try Store(path: path, readOnly: readOnly, versions: StoreOptions.versions(of: path),
                              checklistsLater: checklistsLater, only: orders)
        store.author = ProcessSetup.user
        store.clock = ProcessSetup.clock
        return store
    }
}
