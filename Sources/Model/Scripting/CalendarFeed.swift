/// Open orders' due dates and stakeholders' next touchpoints as an iCalendar file (RFC 5545)
/// that Outlook, Google, Apple and Thunderbird calendars import or subscribe to. Each item
/// has a UID made from the store's id and its own, so that a calendar subscribed to the file
/// updates an event instead of adding it again.
public struct CalendarFeed: Sendable {
    public struct Event: Sendable, Equatable {
        public var uid: String
        /// An all-day event on this day.
        public var day: CalendarDay
        public var summary: String
        public var description: String
        public var categories: [String]
    }

    public var name: String
    public var events: [Event]

    /// The due dates of `orders` that have one and are open, and the next touchpoints of
    /// `stakeholders`, in `document`.
    public init(_ document: StoreDocument, orders: [TrainingOrder], stakeholders: [Stakeholder]) {
        name = document.name
        let store = document.lineage.storeID ?? UniqueName.slug(document.name, words: 6)
        let dues = orders.compactMap { order -> Event? in
            guard order.status.isOpen, let due = order.due else { return nil }
            let person = document.stakeholder(id: order.stakeholderID)
            var lines = ["\(person?.name ?? order.stakeholderID) · 4S \(order.checklist.progress) · \(order.priority.rawValue) priority"
                         + (order.details.type.isEmpty ? "" : " · \(document.typeName(of: order.details.type))")]
            if !order.owners.isEmpty { lines.append("Carried by " + order.owners.joined(separator: ", ")) }
            if !order.request.isEmpty { lines.append(order.request) }
            return Event(uid: "order-\(order.id)-\(store)@fours", day: due, summary: "Due: #\(order.id) \(order.title)",
                         description: lines.joined(separator: "\n"), categories: order.tags)
        }
        let touchpoints = stakeholders.compactMap { person -> Event? in
            guard let touchpoint = person.nextTouchpoint else { return nil }
            let role = [person.role, person.team].filter { !$0.isEmpty }.joined(separator: ", ")
            let open = document.orders.filter { $0.stakeholderID == person.id && $0.status.isOpen }.map { "#\($0.id) \($0.title)" }
            var lines = ["\(person.name)" + (role.isEmpty ? "" : " (\(role))") + " · \(person.stage.title)"]
            if !open.isEmpty { lines.append("Open orders: " + open.joined(separator: "; ")) }
            return Event(uid: "touchpoint-\(person.id)-\(store)@fours", day: touchpoint.on,
                         summary: "Touchpoint: \(person.name)" + (touchpoint.purpose.isEmpty ? "" : ": \(touchpoint.purpose)"),
                         description: lines.joined(separator: "\n"), categories: ["touchpoint"])
        }
        events = (dues + touchpoints).sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
    }

    /// The file, lines ended with CRLF and folded at 75 octets; `stamp` is when it was made.
    public func text(stamp: Timestamp) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fours//fours//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escaped(name)]
        let stamped = Self.moment(stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escaped(event.uid), "DTSTAMP:" + stamped,
                      "DTSTART;VALUE=DATE:" + Self.date(event.day), "DTEND;VALUE=DATE:" + Self.date(event.day.adding(days: 1)),
                      "SUMMARY:" + Self.escaped(event.summary), "DESCRIPTION:" + Self.escaped(event.description),
                      "TRANSP:TRANSPARENT"]
            if !event.categories.isEmpty { lines.append("CATEGORIES:" + event.categories.map(Self.escaped).joined(separator: ",")) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon and comma escaped, a line break as `\n`, other
    /// control characters (which the format does not allow) as spaces.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasReturn { escaped += "\\n" }
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { escaped += " " } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// A content line folded as the RFC says: at most 75 octets a line, a continuation
    /// starting with a space, never inside a character.
    static func folded(_ line: String) -> String {
        var bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var parts: [[UInt8]] = []
        var limit = 75
        while bytes.count > limit {
            var cut = limit
            // Back to the start of a character: a byte 10xxxxxx continues one.
            while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            parts.append(Array(bytes[..<cut]))
            bytes.removeFirst(cut)
            limit = 74
        }
        parts.append(bytes)
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n ")
    }

    private static func date(_ day: CalendarDay) -> String {
        day.description.filter { $0 != "-" }
    }

    private static func moment(_ time: Timestamp) -> String {
        // 2026-12-07T09:51:00Z → 20261207T095100Z
        time.description.filter { $0 != "-" && $0 != ":" }
    }
}
