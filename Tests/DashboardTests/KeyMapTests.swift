@testable import Dashboard
import TestSupport
import Testing

@Suite struct KeyMapTests {
    let keyMap = KeyMap.standard

    @Test func noKeyIsBoundTwiceWhereBothBindingsApply() {
        let scopeSets: [[KeyScope]] = [[.queue, .everywhere], [.checklist, .everywhere], [.help]]
        for scopes in scopeSets {
            var seen: [Key: String] = [:]
            for binding in scopes.flatMap({ keyMap.bindings(in: $0) }) {
                for key in binding.keys {
                    // A scope's own binding may override one from "everywhere" on purpose;
                    // within one scope a key must be unique.
                    if let earlier = seen[key], earlier == binding.scope.title {
                        Issue.record("\(key.label) is bound twice in \(binding.scope.title)")
                    }
                    seen[key] = binding.scope.title
                }
            }
        }
    }

    @Test func theKeysTheIssueNamesDoWhatTheySay() {
        let queue: [KeyScope] = [.queue, .orderLists, .selection, .everywhere]
        let checklist: [KeyScope] = [.checklist, .orderLists, .selection, .everywhere]
        #expect(keyMap.action(for: .character("j"), in: queue) == .moveDown)
        #expect(keyMap.action(for: .down, in: checklist) == .moveDown)
        #expect(keyMap.action(for: .character("G"), in: queue) == .moveToLast)
        #expect(keyMap.action(for: .pageDown, in: queue) == .pageDown)
        #expect(keyMap.action(for: .tab, in: queue) == .switchFocus)
        #expect(keyMap.action(for: .character("l"), in: queue) == .focusChecklist)
        #expect(keyMap.action(for: .character("h"), in: checklist) == .focusQueue)
        #expect(keyMap.action(for: .character(" "), in: checklist) == .toggleStep)
        #expect(keyMap.action(for: .character("x"), in: checklist) == .toggleStep)
        #expect(keyMap.action(for: .character(">"), in: queue) == .stageUp)
        #expect(keyMap.action(for: .character("<"), in: checklist) == .stageDown)
        #expect(keyMap.action(for: .character("?"), in: queue) == .toggleHelp)
        #expect(keyMap.action(for: .character("q"), in: queue) == .quit)
        #expect(keyMap.action(for: .control("c"), in: checklist) == .quit)
        #expect(keyMap.action(for: .character("q"), in: [.help, .everywhere]) == .closeOverlay)
        #expect(keyMap.action(for: .character("Z"), in: queue) == nil)
        #expect(keyMap.action(for: .control("z"), in: [.form]) == .suspend, "Ctrl-Z suspends even in a form")
        #expect(keyMap.action(for: .character("q"), in: [.form]) == .form(.edit(.insert("q"))), "q types in a form")
        // What the help lists as acting everywhere does: Tab moves focus only where orders are listed.
        #expect(keyMap.action(for: .tab, in: [.stakeholders, .selection, .everywhere]) == nil)
        #expect(keyMap.action(for: .tab, in: [.standup, .everywhere]) == nil)
        #expect(!keyMap.bindings(in: .everywhere).contains { $0.keys.contains(.tab) || $0.keys.contains(.character("c")) })
        #expect(KeyScope.orderLists.title == "Queue and Archive (1, 4)" && KeyScope.standup.title == "Stand-up (3)")
    }

    /// A footer hint is a key that does what the hint says: none names a key twice, and
    /// one a view's own binding overrides is left out (with help open, `?` closes it).
    @Test func everyFooterHintIsWhatItsKeyDoesThere() {
        var places: [(String, AppState)] = []
        for page in Pages.all {
            var app = TestApp()
            app.send(.showView(page.view))
            places.append((page.view.title, app.state))
            for (name, action) in [("help", Action.toggleHelp), ("focus", .switchFocus), ("search", .startSearch),
                                   ("form", .edit), ("brief", .showBrief)] {
                var opened = app
                opened.send(action)
                places.append(("\(page.view.title), \(name)", opened.state))
            }
        }
        for (place, state) in places {
            let hints = keyMap.hints(in: state.activeScopes, offering: state.offers)
            let keys = hints.map(\.keys)
            #expect(Set(keys).count == keys.count, "\(place): \(hints)")
        }
        var app = TestApp()
        app.send(.toggleHelp)
        let hints = keyMap.hints(in: app.state.activeScopes).map { "\($0.keys) \($0.hint)" }
        #expect(hints.contains("? close") && !hints.contains("? help"), "\(hints)")
    }

    /// Enter saves a form that changes the store; in the filter it applies the filter, and
    /// cancelling it does not speak of saving.
    @Test func enterSaysWhatItDoesInEachForm() {
        for (action, said, cancelled) in [(Action.openFilters, "Enter apply", "Cancelled"),
                                          (.edit, "Enter save", "Cancelled: nothing was saved")] {
            var app = TestApp()
            app.send(action)
            let footer = keyMap.hints(in: app.state.activeScopes, naming: app.state.hintName).map { "\($0.keys) \($0.hint)" }
            #expect(footer.contains(said), "\(footer)")
            #expect(app.lines.filter { $0.contains(said) }.count == 2, "the footer and the form's frame")
            app.send(.cancel)
            #expect(app.state.status?.text == cancelled)
        }
    }

    @Test func helpListsEveryBindingFromTheKeyMap() {
        let help = HelpView(keyMap: keyMap, size: Size(width: 120, height: 60))
        let text = help.lines.map { $0.segments.map(\.text).joined() }
        for binding in keyMap.bindings {
            #expect(text.contains { $0.contains(binding.keyLabel) && $0.contains(binding.summary) },
                    "help is missing \(binding.keyLabel): \(binding.summary)")
        }
        for scope in KeyScope.allCases {
            #expect(text.contains(scope.title))
        }
    }

    /// The queue's marks, drawn where the help says: on the demo with #3 in conflict and
    /// #7 marked, each row shows its mark, and the help explains each.
    @Test func theHelpExplainsEveryMarkTheQueueDraws() throws {
        var document = Fixture.demo
        document.conflicts = [ConflictNavigationTests.conflict(on: 3)]
        var app = TestApp()
        app.send(.reloaded(document))
        while app.state.selectedOrder?.id != 7 { app.send(.moveDown) }
        app.send(.mark(all: false), .moveToFirst)
        func row(_ id: Int) throws -> String {
            try #require(app.lines.first { $0.dropFirst(2).hasPrefix("#\(id) ") }, "#\(id) is on screen")
        }
        func mark(_ id: Int) throws -> String {
            String(try row(id).dropFirst(2).drop { $0 != " " }.drop { $0 == " " }.prefix(1))
        }
        #expect(try row(8).hasPrefix(QueueMark.selected.symbol) && (try row(7)).dropFirst().hasPrefix(QueueMark.marked.symbol))
        #expect(try mark(8) == QueueMark.highPriority.symbol, "#8 is high priority")
        #expect(try mark(6) == QueueMark.lowPriority.symbol, "#6 is low priority")
        #expect(try mark(3) == QueueMark.conflict.symbol, "#3 has a conflict")
        #expect(try row(3).contains("3 Collab" + QueueMark.touchpointOverdue.symbol), "Aiko's touchpoint is overdue")
        #expect(try row(2).contains("▰▰▱ ▰▱▱"), "#2's sections")
        let help = HelpView(keyMap: keyMap, size: Size(width: 120, height: 80)).lines.map { $0.segments.map(\.text).joined() }
        let marks = try #require(help.firstIndex(of: "Marks in the queue"))
        for mark in QueueMark.allCases {
            #expect(help[marks...].contains { $0.contains(mark.example) && $0.contains(mark.meaning) }, "\(mark)")
        }
    }
}
