@testable import Dashboard
import Model
import TestSupport
import Testing

@Suite struct TextFieldTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    private func field(_ text: String, _ edits: TextField.Edit...) -> TextField {
        var field = TextField(text)
        for edit in edits { field.apply(edit) }
        return field
    }

    @Test func editsByCharacterNotByte() {
        let edited = field("日本", .left, .insert("é"), .end, .insert("✓"))
        #expect(edited.text == "日é本✓")
        #expect(edited.cursor == 4)
        #expect(field("日本語", .backspace).text == "日本")
        #expect(field("日本語", .home, .delete).text == "本語")
    }

    @Test func movesAndDeletesLikeAShellLine() {
        #expect(field("abc", .home, .right, .insert("X")).text == "aXbc")
        #expect(field("abc", .home, .left, .backspace).text == "abc", "nothing before the start")
        #expect(field("abc", .delete).text == "abc", "nothing after the end")
        #expect(field("one two three", .left, .left, .deleteToStart).text == "ee")
        #expect(field("one two  ", .deleteWord).text == "one ")
        #expect(field("one two", .home, .deleteWord).text == "one two")
    }

    @Test func aPastedTextStaysOnOneLine() {
        #expect(field("", .insert("line one\nline two\tend")).text == "line one line two end")
    }

    @Test func scrollsHorizontallyToKeepTheCursorInView() {
        let long = field(String(repeating: "abcdefghij", count: 5))
        let end = long.visible(width: 10)
        #expect(end.text == "bcdefghij")
        #expect(end.cursorColumn == 9)
        var atStart = long
        atStart.apply(.home)
        #expect(atStart.visible(width: 10) == ("abcdefghij", 0))
        let wide = field("日本語の文章です").visible(width: 7)
        #expect(DisplayWidth.of(wide.text) <= 7)
        #expect(wide.cursorColumn == DisplayWidth.of(wide.text))
    }
}

@Suite struct FormTests {
    init() {
        ProcessSetup.useUTF8Locale()
    }

    private var form: Form {
        Form(.note(.order(1)), title: "Test", fields: [
            FormField(.name, "Name", kind: .suggest(.init(["Dana Okafor", "Daniel Kim", "Chloé Martin"]))),
            FormField(.priority, "Priority", "medium", kind: .choice(["high", "medium", "low"])),
        ])
    }

    @Test func choicesCycleWithArrowsAndJumpByLetter() {
        var form = self.form
        form.apply(.nextField)
        #expect(form[.priority] == "medium")
        form.apply(.edit(.right))
        #expect(form[.priority] == "low")
        form.apply(.edit(.right))
        #expect(form[.priority] == "high")
        form.apply(.edit(.insert("l")))
        #expect(form[.priority] == "low")
        form.apply(.edit(.left))
        #expect(form[.priority] == "medium")
    }

    @Test func suggestionsIgnoreCaseAndAccentsAndCompleteWhenUnique() {
        var form = self.form
        form.apply(.edit(.insert("chloe")))
        #expect(form.fields[0].suggestions == ["Chloé Martin"])
        form.apply(.nextField)
        #expect(form[.name] == "Chloé Martin")

        var ambiguous = self.form
        ambiguous.apply(.edit(.insert("dan")))
        #expect(ambiguous.fields[0].suggestions == ["Dana Okafor", "Daniel Kim"])
        ambiguous.apply(.nextField)
        #expect(ambiguous[.name] == "dan", "two matches: nothing is guessed")
    }

    @Test(arguments: [
        ("2026-12-01", "2026-12-01"), ("today", "2026-11-25"), ("Tomorrow", "2026-11-26"), ("+3d", "2026-11-28"),
        ("+2w", "2026-12-09"), ("3d", "2026-11-28"), ("-1d", "2026-11-24"), ("31/12/2026", "2026-12-31"),
        ("12/31/2026", "2026-12-31"), ("5.5.27", "2027-05-05"),
    ])
    func datesReadAsPeopleTypeThem(text: String, expected: String) throws {
        let today = try #require(CalendarDay(iso: "2026-11-25"))
        let day = try #require(DateInput.parse(text, today: today))
        #expect(day?.description == expected)
    }

    @Test func badOrEmptyDates() throws {
        let today = try #require(CalendarDay(iso: "2026-11-25"))
        #expect(DateInput.parse("", today: today) == .some(nil))
        for text in ["next week", "2026-02-30", "+3x", "31/13/2026", "03/04/2026", "31/12/2026 noon"] {
            #expect(DateInput.parse(text, today: today) == nil, "\(text)")
        }
        let readings = try #require(DateInput.readings(of: "03/04/2026"))
        #expect((readings.dayFirst.description, readings.monthFirst.description) == ("2026-04-03", "2026-03-04"))
    }
}
