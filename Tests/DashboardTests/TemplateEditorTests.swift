@testable import Dashboard
import Model
import TestSupport
import Testing

/// The template editor (`t`): a type's steps shaped with keys, each one change saved and
/// undone, and open orders brought in line only when asked.
@Suite struct TemplateEditorTests {
    var app = TestApp(size: Size(width: 120, height: 40))

    private var editor: TemplateOverlay? { app.state.overlays[TemplateOverlay.self] }

    private var leadership: Checklist? { app.state.document.template(of: "leadership-course") }

    /// Selects the step worded `title` by moving down from the top.
    private mutating func select(_ title: String) {
        app.send(.moveToFirst)
        for _ in 0..<30 {
            if let id = editor?.stepID, leadership?.location(ofStep: id).map({ leadership?[$0.section][$0.index].details.title }) == title {
                return
            }
            app.send(.moveDown)
        }
        Issue.record("no step “\(title)”")
    }

    @Test mutating func aTypesStepsAreAddedMovedTakenOutAndUndone() throws {
        // Opened from any view; the store's own template first, then each type in turn.
        app.send(.showView(.standup), .template(.open))
        #expect(app.lines.joined().contains("Type  Standard │ Compliance refresher │ Onboarding programme │ Leadership course"))
        app.send(.template(.switchType(next: true)), .template(.switchType(next: true)), .template(.switchType(next: true)))
        #expect(editor?.type == "leadership-course")
        #expect(app.lines.contains { $0.contains("Managers change what they do at work") }, "a step's explanation shows under it")

        // Added after the selected step; a wording the template has already is refused.
        select("Agreed a needs analysis, even if after delivery")
        app.send(.template(.addStep), .form(.edit(.insert("planned practice BETWEEN the sessions"))))
        #expect(app.send(.submitForm).persisted.isEmpty)
        #expect(app.state.form?.fields.first?.error == "the template has “Planned practice between the sessions” already")
        app.send(.form(.edit(.deleteToStart)), .form(.edit(.insert("Booked practice partners"))), .form(.nextField),
                 .form(.edit(.insert("Each manager knows who to call"))))
        let added = app.send(.submitForm).persisted
        guard case .editTemplate(let change)? = added.first, case .addStep(.strategicApproach, let step, index: 2) = change.edit else {
            Issue.record("one step added after the selected one: \(added)")
            return
        }
        #expect(change.type == "leadership-course" && step.details.note == "Each manager knows who to call")
        #expect(editor?.stepID == step.id, "the new step is selected")
        #expect(app.state.document.order(id: 5)?.checklist.location(ofStep: step.id) == nil, "open orders keep their steps")
        let order5 = app.state.document.order(id: 5)?.checklist

        // Moved up, taken out; u takes each back.
        app.send(.template(.moveStep(up: true)))
        #expect(leadership?[.strategicApproach].map(\.id).firstIndex(of: step.id) == 1)
        app.send(.template(.removeStep))
        #expect(leadership?.location(ofStep: step.id) == nil)
        app.send(.undo)
        #expect(leadership?[.strategicApproach].map(\.id).firstIndex(of: step.id) == 1)

        // Brought in line when asked: the question first, then one change, undone as one.
        app.send(.template(.apply))
        #expect(app.state.confirmation == .applyTemplate(type: "leadership-course", what: "1 open order (adding 1 step)",
                                                         name: "the Leadership course template"))
        let applied = app.send(.confirm).persisted
        guard case .batch(let parts)? = applied.last, parts.count == 1 else {
            Issue.record("one change, the step added to #5: \(applied)")
            return
        }
        let caughtUp = try #require(app.state.document.order(id: 5)?.checklist)
        #expect(caughtUp[.strategicApproach].map(\.id).firstIndex(of: step.id) == 1 && caughtUp.location(ofStep: step.id) != nil)
        #expect(caughtUp[.strategicApproach][1].isDone == false)
        app.send(.undo)
        #expect(app.state.document.order(id: 5)?.checklist == order5)
    }

    @Test mutating func typesAreAddedRenamedAndRemovedWhileTheirOrdersKeepTheirSteps() throws {
        app.send(.template(.open), .template(.switchType(next: true)))
        app.send(.template(.addType), .form(.edit(.insert("Onboarding programme"))))
        app.send(.submitForm)
        #expect(app.state.form?.fields.first?.error == "another type has that name")
        app.send(.form(.edit(.deleteToStart)), .form(.edit(.insert("Safety refresher"))), .submitForm)
        let added = try #require(app.state.document.orderTypes.last)
        #expect(added.name == "Safety refresher" && editor?.type == added.id)
        #expect(added.template == app.state.document.template(of: "compliance-refresher"), "it starts from the steps shown")

        app.send(.template(.switchType(next: false)), .template(.switchType(next: false)), .template(.switchType(next: false)))
        #expect(editor?.type == "compliance-refresher")
        app.send(.template(.removeType))
        #expect(app.state.confirmation == .removeOrderType("compliance-refresher", name: "Compliance refresher", orders: 2))
        let steps = app.state.document.order(id: 3)?.checklist
        app.send(.confirm)
        #expect(app.state.document.orderType(id: "compliance-refresher") == nil)
        #expect(app.state.document.order(id: 3)?.checklist == steps)
        #expect(app.lines.joined().contains("Type  Standard │"), "the editor shows the store's own template")
        app.send(.closeOverlay, .showView(.queue))
        app.state.select(order: 3)
        #expect(app.lines.contains { $0.contains("compliance-refresher (no longer a type)") })
    }

    @Test mutating func aReadOnlyStoreIsShownButNotChanged() {
        app.state.readOnlyReason = "written by a newer fours"
        app.send(.template(.open), .template(.switchType(next: true)))
        #expect(editor?.type == "compliance-refresher", "looking is allowed")
        #expect(app.send(.moveDown, .template(.removeStep)).isEmpty && app.state.status?.text.hasPrefix("Read-only") == true)
        #expect(app.state.document == Fixture.demo)
    }
}
