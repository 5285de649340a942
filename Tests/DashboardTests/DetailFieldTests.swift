@testable import Dashboard
@testable import Model
import TestSupport
import Testing

/// Every field of an order shows in the detail pane beside the queue: a field added to the
/// order's table fails here until the pane shows it.
@Suite struct DetailFieldTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    /// For each field of the order's table: a value to give it, and what the pane then shows.
    static let shown: [String: @Sendable (inout OrderDetails) -> String] = [
        "title": { $0.title = "TITLE-TEXT"; return "TITLE-TEXT" },
        "request": { $0.request = "REQUEST-TEXT"; return "REQUEST-TEXT" },
        "stakeholder": { $0.stakeholderID = "lena-brandt"; return "Lena Brandt" },
        "audience": { $0.audience = "AUDIENCE-TEXT"; return "for AUDIENCE-TEXT" },
        "audienceSize": { $0.audienceSize = 4321; return "(4321 people)" },
        "received": { $0.received = CalendarDay(iso: "2026-10-03")!; return "received 2026-10-03" },
        "due": { $0.due = nil; return "Due no due date" },
        "priority": { $0.priority = .low; return "low priority" },
        "status": { $0.status = .new; return "priority · new" },
        // Shown for a closed order, checked below.
        "closedOn": { _ in "" },
        "tags": { $0.tags = ["TAG-TEXT"]; return "#TAG-TEXT" },
        "owners": { $0.owners = ["OWNER-TEXT"]; return "carried by OWNER-TEXT" },
        "arrival": { $0.arrival = .earlyInvolvement; return "Arrived as a early involvement" },
        "businessProblem": { $0.businessProblem = "PROBLEM-TEXT"; return "Business problem: PROBLEM-TEXT" },
        "decision": { $0.decision = .deferred; return "Decision: deferred" },
        "decisionReason": { $0.decisionReason = "REASON-TEXT"; return "(REASON-TEXT)" },
        "closingNote": { $0.closingNote = "CLOSING-TEXT"; return "Closing note: CLOSING-TEXT" },
        "measurement": { $0.measurement = Measurement(metric: "METRIC-TEXT", baseline: "", target: "", result: ""); return "METRIC-TEXT" },
        "value": { $0.value = ValueEstimate(hoursSavedPerPerson: 7, people: 11, costPerHour: 13); return "77" },
        "sourceId": { $0.sourceID = "SOURCE-TEXT"; return "row SOURCE-TEXT" },
        "followUpOf": { $0.followUpOf = 10; return "Follows up #10 “Code review habits workshop”" },
        "type": { $0.type = "onboarding-programme"; return "· Onboarding programme" },
    ]

    @Test func everyFieldOfTheSelectedOrderShowsInTheDetailPane() {
        #expect(Set(Self.shown.keys) == Set(OrderDetails.table.fields.map(\.name)), "a field of the table with no place here")
        var document = Fixture.demo
        var expected: [String] = []
        document.updateOrder(id: 8) { order in
            for (_, give) in Self.shown { expected.append(give(&order.details)) }
        }
        // An order closed on a day shows that day instead of when it is due.
        var closed = document
        closed.updateOrder(id: 8) { $0.status = .delivered; $0.closedOn = CalendarDay(iso: "2026-11-20") }
        for (document, also) in [(document, [String]()), (closed, ["Delivered 2026-11-20"])] {
            var state = AppState(document: document, size: Size(width: 220, height: 120), today: Fixture.today, user: "ana")
            _ = update(&state, .toggleClosedOrders, now: Fixture.now)
            state.select(order: 8)
            let text = DashboardView(state: state, keyMap: .standard).render().lines.joined(separator: "\n")
            for marker in (also.isEmpty ? expected : also) where !marker.isEmpty { #expect(text.contains(marker), "\(marker)") }
        }
    }
}
