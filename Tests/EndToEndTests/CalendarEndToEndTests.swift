import Foundation
import Model
import TestSupport
import Testing

extension EndToEnd {
    /// `fours calendar` read back by an independent parser, Python's `icalendar` package, and
    /// compared event by event with what the store holds.
    @Suite struct CalendarEndToEndTests: OnADemoStore {
        let demo: DemoStoreFolder

        /// A Python with the icalendar package: the one on the path, else the system's.
        private static func python() throws -> String {
            for candidate in ["python3", "/usr/bin/python3"] where Command.run(["/usr/bin/env", candidate, "-c", "import icalendar"]).status == 0 {
                return candidate
            }
            throw TestFailure("this test reads the calendar with Python's icalendar package: install python3-icalendar (.ci/run does)")
        }

        /// The events of the file as the parser reads them, by UID.
        private func events(in file: String) throws -> [String: [String: String]] {
            let script = """
                import icalendar, json, sys
                calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = {}
                for event in calendar.walk('VEVENT'):
                    categories = event.get('CATEGORIES')
                    events[str(event['UID'])] = {'start': event['DTSTART'].dt.isoformat(), 'end': event['DTEND'].dt.isoformat(),
                        'summary': str(event['SUMMARY']), 'description': str(event['DESCRIPTION']),
                        'categories': ','.join(str(c) for c in categories.cats) if categories else ''}
                print(json.dumps(events))
                """
            let read = Command.run(["/usr/bin/env", try Self.python(), "-c", script, file])
            guard read.status == 0, let data = read.output.data(using: .utf8),
                  let parsed = try JSONSerialization.jsonObject(with: data) as? [String: [String: String]] else {
                throw TestFailure("the parser did not read the calendar: \(read.output)")
            }
            return parsed
        }

        /// What the calendar must hold, worked out from the store file as Foundation reads it.
        private func expected() throws -> [String: [String: String]] {
            let data = try #require(FileManager.default.contents(atPath: store))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let storeID = try #require(root["storeID"] as? String)
            let people = try #require(root["stakeholders"] as? [[String: Any]])
            let names = Dictionary(uniqueKeysWithValues: people.map { ($0["id"] as? String ?? "", $0["name"] as? String ?? "") })
            func dayAfter(_ day: String) throws -> String {
                let formatter = DateFormatter()
                formatter.dateFormat = "yyyy-MM-dd"
                formatter.timeZone = TimeZone(identifier: "UTC")
                let date = try #require(formatter.date(from: day))
                return formatter.string(from: date.addingTimeInterval(86_400))
            }
            var events: [String: [String: String]] = [:]
            for order in try #require(root["orders"] as? [[String: Any]]) {
                guard let due = order["due"] as? String, ["new", "inProgress"].contains(order["status"] as? String ?? "") else { continue }
                let id = try #require(order["id"] as? Int)
                events["order-\(id)-\(storeID)@fours"] = [
                    "start": due, "end": try dayAfter(due), "summary": "Due: #\(id) \(order["title"] as? String ?? "")",
                    "stakeholder": names[order["stakeholder"] as? String ?? ""] ?? "",
                    "categories": (order["tags"] as? [String] ?? []).joined(separator: ","),
                ]
            }
            for person in people {
                guard let touchpoint = person["nextTouchpoint"] as? [String: Any], let on = touchpoint["on"] as? String else { continue }
                let purpose = touchpoint["purpose"] as? String ?? ""
                let name = person["name"] as? String ?? ""
                events["touchpoint-\(person["id"] as? String ?? "")-\(storeID)@fours"] = [
                    "start": on, "end": try dayAfter(on), "summary": "Touchpoint: \(name)" + (purpose.isEmpty ? "" : ": \(purpose)"),
                    "stakeholder": name, "categories": "touchpoint",
                ]
            }
            return events
        }

        private func compare(_ file: String) throws -> [String: [String: String]] {
            let read = try events(in: file)
            let wanted = try expected()
            #expect(Set(read.keys) == Set(wanted.keys))
            for (uid, event) in wanted {
                let got = try #require(read[uid], "\(uid)")
                for key in ["start", "end", "summary", "categories"] { #expect(got[key] == event[key], "\(uid) \(key)") }
                #expect(got["description"]?.hasPrefix(event["stakeholder"] ?? "") == true, "\(uid): \(got["description"] ?? "")")
            }
            return read
        }

        @Test func everyDueDateAndTouchpointIsAnEventThatKeepsItsUID() throws {
            // Text the format must escape (commas, semicolons, a backslash, a line break) and
            // a line long enough to fold inside a character that takes several bytes.
            let title = "Safety, first; then speed \\ and “quality” — réunion 🚚 " + String(repeating: "é", count: 40)
            #expect(run("add", "--title", title, "--stakeholder", "Marco", "--due", "+5d", "--tags", "a;b,c",
                        "--request", "Line one\nline two").status == 0)
            let file = folder.file("fours.ics")
            let first = run("calendar", "--out", file)
            // The demo's eight open orders with a due date, this one, three touchpoints.
            #expect(first.status == 0 && first.output.contains("Wrote 12 events to \(file)"), "\(first.output)")
            let bytes = try #require(FileManager.default.contents(atPath: file))
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
            let read = try compare(file)
            let added = try #require(read.values.first { $0["summary"]?.hasSuffix(title) == true })
            #expect(added["description"]?.hasSuffix("Line one\nline two") == true)
            #expect(added["categories"] == "a;b,c")

            // After a change, the same UIDs: a subscribed calendar moves the event.
            #expect(run("edit", "8", "--title", "Picking errors, coached", "--due", "+9d").status == 0)
            #expect(run("calendar", "--out", file).status == 0)
            let again = try compare(file)
            #expect(Set(again.keys) == Set(read.keys))
            #expect(again.first { $0.key.hasPrefix("order-8-") }?.value["summary"] == "Due: #8 Picking errors, coached")

            // Narrowed to one owner: her orders, and her stakeholders' touchpoints.
            let maya = run("calendar", "--owner", "maya")
            #expect(maya.status == 0 && maya.output.contains("SUMMARY:Due: #1 ") && !maya.output.contains("SUMMARY:Due: #8 "))
        }

        @Test func anEmptyStoreIsAValidEmptyCalendar() throws {
            let file = folder.file("empty.ics")
            #expect(run("calendar", "--store", folder.file("none.json"), "--out", file).status == 0)
            #expect(try events(in: file).isEmpty)
        }
    }
}
