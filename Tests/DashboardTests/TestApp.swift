@testable import Dashboard
import Model
import TestSupport

/// The app's state on the demo store at a fixed moment, driven by actions as keys would.
struct TestApp {
    var state: AppState

    init(size: Size = Size(width: 120, height: 40)) {
        ProcessSetup.useUTF8Locale()
        state = AppState(document: Fixture.demo, size: size, today: Fixture.today, user: "ana")
    }

    @discardableResult
    mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { update(&state, $0, now: Fixture.now) }
    }

    /// Lets `seconds` pass, as the program loop does between keys.
    mutating func letTimePass(seconds: Int64) {
        _ = update(&state, .timePassed, now: Timestamp(secondsSince1970: Fixture.now.secondsSince1970 + seconds))
    }

    var lines: [String] { DashboardView(state: state, keyMap: .standard).render().lines }

    /// A click at (`x`, `y`) on the screen as it is drawn now, as the program loop makes one.
    @discardableResult
    mutating func click(x: Int, y: Int) -> [Effect] {
        send(.click(DashboardView(state: state, keyMap: .standard).renderWithTargets().targets.target(x: x, y: y)))
    }
}

extension [Effect] {
    /// The operations these effects ask the store to save, in order.
    var persisted: [StoreOperation] {
        changes.map(\.operation)
    }

    /// The changes of the one save these effects ask for.
    var changes: [PendingChange] {
        flatMap { effect -> [PendingChange] in
            guard case .persist(let changes, _) = effect else { return [] }
            return changes
        }
    }
}
