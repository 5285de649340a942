import Model
import Testing

@Suite struct JSONTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8))
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONReader.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func readsNestedValuesWithEscapesAndUnicode() throws {
        let value = try parse(#"{"a": [1, -2.5e3, true, null], "b": "é\n\"\u00e9\ud83d\ude00", "c": {}}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object["a"] == .array([.number(1), .number(-2500), .bool(true), .null]))
        #expect(object["b"] == .string("é\n\"é😀"))
        #expect(object["c"] == .object(JSONObject()))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3, "duplicate member \"a\""),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\": \"x\\q\"}", 1, 9, "unknown escape"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("{\"a\": 01}", 1, 7, "may not start with 0"),
        ("\n\n  {\"a\": \"unterminated", 3, 22, "unterminated string"),
        ("", 1, 1, "empty"),
        ("{} x", 1, 4, "after the end"),
    ])
    func reportsLineColumnAndProblem(text: String, line: Int, column: Int, problem: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.position == SourcePosition(line: line, column: column))
        #expect(error.problem.contains(problem), "\(error.problem)")
    }

    @Test func rejectsInvalidUTF8() throws {
        let error = try #require(throws: JSONSyntaxError.self) {
            try JSONReader.parse(Array("{\"a\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8))
        }
        #expect(error.problem.contains("UTF-8"))
    }

    @Test func rejectsExcessiveNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(syntaxError(deep)?.problem.contains("nesting") == true)
    }

    @Test func writesSortedKeysOneMemberPerLine() throws {
        let value = JSONValue.object(JSONObject([
            "zeta": .array([.number(1), .string("a\"b")]),
            "alpha": .object(JSONObject(["x": .bool(false)])),
            "empty": .array([]),
            "ratio": .number(0.5),
        ]))
        let text = String(decoding: JSONWriter.bytes(for: value), as: UTF8.self)
        #expect(text == """
            {
              "alpha": {
                "x": false
              },
              "empty": [],
              "ratio": 0.5,
              "zeta": [
                1,
                "a\\"b"
              ]
            }

            """)
        #expect(try parse(text) == value)
    }

    @Test func roundTripsControlCharactersAndWideText() throws {
        let value = JSONValue.array([.string("tab\there\u{01} 日本語 ✓")])
        #expect(try JSONReader.parse(JSONWriter.bytes(for: value)) == value)
    }

    @Test func recordsWhereEachMemberStarts() throws {
        guard case .object(let object) = try parse("{\n  \"name\": \"x\",\n    \"count\": 3\n}") else {
            Issue.record("not an object")
            return
        }
        #expect(object.position(of: "name") == SourcePosition(line: 2, column: 11))
        #expect(object.position(of: "count") == SourcePosition(line: 3, column: 14))
    }
}
