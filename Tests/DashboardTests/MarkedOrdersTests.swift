@testable import Dashboard
import Model
import TestSupport
import Testing

/// Orders marked in the queue and changed at once: each change one save and one undo.
@Suite struct MarkedOrdersTests {
    var app = TestApp(size: Size(width: 120, height: 40))

    private var firstTwo: [Int] { Array(app.state.queue.orderIDs.prefix(2)) }

    @Test mutating func markedOrdersAreClosedChangedAndDeletedTogether() throws {
        let (first, second) = (firstTwo[0], firstTwo[1])
        app.send(.mark(all: false), .mark(all: false))
        #expect(app.state.markedOrders == [first, second])
        #expect(app.lines[0].contains("2 marked"))
        #expect(app.lines[2].hasPrefix(" *#\(first)") && app.lines[3].hasPrefix(" *#\(second)"), "\(app.lines[2])")

        // c asks, then closes both in one change, undone in one.
        app.send(.closeOrReopenOrder)
        #expect(app.state.confirmation == .bulk(.close(as: .delivered, on: Fixture.today), orders: [first, second]))
        let closed = app.send(.confirm).persisted
        guard case .batch(let parts)? = closed.last else {
            Issue.record("one change: \(closed)")
            return
        }
        #expect(parts.count == 2)
        #expect([first, second].allSatisfy { app.state.document.order(id: $0)?.status == .delivered })
        app.send(.undo)
        #expect([first, second].allSatisfy { app.state.document.order(id: $0)?.status.isOpen == true })

        // E: a tag, owners and a due date on both at once; one undo takes all of it back.
        let before = app.state.document
        app.send(.editMarked, .form(.edit(.insert("safety"))), .form(.nextField), .form(.nextField),
                 .form(.edit(.insert("maya, jon"))), .form(.nextField), .form(.edit(.insert("next week"))))
        app.send(.submitForm)
        #expect(app.state.form?.fields.first { $0.id == .due }?.error
                    == "expected YYYY-MM-DD, 31/12/2026, today, tomorrow, +3d, +2w or none")
        app.send(.form(.edit(.deleteToStart)), .form(.edit(.insert("+1w"))))
        app.send(.submitForm)
        #expect(app.state.form == nil)
        for id in [first, second] {
            let order = try #require(app.state.document.order(id: id))
            #expect(order.tags.last == "safety" && order.owners == ["maya", "jon"] && order.due == Fixture.today.adding(days: 7))
        }
        app.send(.undo)
        #expect(app.state.document == before)

        // A mark on an order someone else deleted goes with it; the others stay through the reload.
        var elsewhere = app.state.document
        _ = elsewhere.removeOrder(id: first)
        app.send(.reloaded(elsewhere))
        #expect(app.state.markedOrders == [second])

        app.send(.deleteOrder)
        #expect(app.state.confirmation == .bulk(.delete, orders: [second]))
        app.send(.confirm)
        #expect(app.state.document.order(id: second) == nil && app.state.markedOrders.isEmpty)
        app.send(.undo)
        #expect(app.state.document.order(id: second) != nil)
    }

    @Test mutating func everyOrderShownIsMarkedAndUnmarkedAtOnce() {
        app.send(.mark(all: true))
        #expect(Set(app.state.markedOrders) == Set(app.state.queue.orderIDs))
        app.send(.mark(all: true))
        #expect(app.state.markedOrders.isEmpty)
        app.send(.editMarked)
        #expect(app.state.form == nil && app.state.status?.text == "Mark orders first: v marks one, V every order shown")
    }
}
