import ArgumentParser
import Model

/// What the shell completes: order numbers and stakeholder names from the store that
/// $FOURS_STORE (or the default) names.
enum Completions {
    /// The store, with none of its orders read when this machine knows the file sound:
    /// the numbers of the open ones are found without them.
    private static var store: Store? {
        let path = StoreOptions.path(explicit: nil)
        return try? Store(path: path, readOnly: true, versions: StoreOptions.versions(of: path), only: [])
    }

    private static var document: StoreDocument? { store?.document }

    /// The open orders' numbers; for `fours reopen`, the delivered and closed ones'.
    @Sendable static func orders(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        (store?.orderNumbers(open: !arguments.contains(ReopenCommand.configuration.commandName ?? "reopen")) ?? []).map(String.init)
    }

    @Sendable static func stakeholders(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        (document?.stakeholders ?? []).map(\.name)
    }
}
