@testable import Dashboard
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
                    if let earlier = seen[key], earlier == binding.scope.rawValue {
                        Issue.record("\(key.label) is bound twice in \(binding.scope.rawValue)")
                    }
                    seen[key] = binding.scope.rawValue
                }
            }
        }
    }

    @Test func theKeysTheIssueNamesDoWhatTheySay() {
        let queue: [KeyScope] = [.queue, .everywhere]
        let checklist: [KeyScope] = [.checklist, .everywhere]
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
    }

    @Test func helpListsEveryBindingFromTheKeyMap() {
        let help = HelpView(keyMap: keyMap, size: Size(width: 120, height: 60))
        let text = help.lines.map { $0.segments.map(\.text).joined() }
        for binding in keyMap.bindings {
            #expect(text.contains { $0.contains(binding.keyLabel) && $0.contains(binding.summary) },
                    "help is missing \(binding.keyLabel): \(binding.summary)")
        }
        for scope in KeyScope.allCases {
            #expect(text.contains(scope.rawValue))
        }
    }
}
