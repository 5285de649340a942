import ArgumentParser
import Model

/// What the shell completes: order numbers and stakeholder names from the store that
/// $FOURS_STORE (or the default) names.
enum Completions {
    private static var document: StoreDocument? {
        let path = StoreLocation.resolve(explicit: nil, environment: ProcessSetup.environment)
        return try? Store(path: path, readOnly: true).document
    }

    @Sendable static func orders(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        (document?.orders ?? []).filter(\.status.isOpen).map { String($0.id) }
    }

    @Sendable static func stakeholders(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        (document?.stakeholders ?? []).map(\.name)
    }
}
