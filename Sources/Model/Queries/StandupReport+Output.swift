/// The stand-up as titled blocks of lines: what the dashboard lays out in columns and
/// `fours standup` prints as text or Markdown.
public struct StandupBlock: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    /// How many lines a limit left out.
    public var more = 0
    /// Short and telling enough that a screen never cuts it (the 4S across orders, the spectrum).
    public var isWhole = false

    public init(title: String, lines: [String], more: Int = 0, isWhole: Bool = false) {
        self.title = title
        self.lines = lines
        self.more = more
        self.isWhole = isWhole
    }

    /// A line for each of `items`, or `empty` when there are none; at most `limit` lines,
    /// the rest counted in `more`.
    init<Items: Collection>(_ title: String, _ items: Items, empty: String? = nil, limit: Int, isWhole: Bool = false,
                            line: (Items.Element) -> String) {
        if items.isEmpty, let empty {
            self.init(title: title, lines: [empty], isWhole: isWhole)
        } else {
            self.init(title: title, lines: items.prefix(limit).map(line), more: max(0, items.count - limit), isWhole: isWhole)
        }
    }
}

extension StandupBlock {
    /// Blocks as plain text, ready to paste into a chat.
    public static func text(_ blocks: [StandupBlock], heading: String) -> String {
        rendered(blocks, heading: "\(heading)\n", blockTitle: { "\n\($0)\n" }, bullet: "  ")
    }

    public static func markdown(_ blocks: [StandupBlock], heading: String) -> String {
        rendered(blocks, heading: "# \(heading)\n", blockTitle: { "\n## \($0)\n\n" }, bullet: "- ")
    }

    private static func rendered(_ blocks: [StandupBlock], heading: String, blockTitle: (String) -> String,
                                 bullet: String) -> String {
        // Names, titles and notes come from the store: nothing in them may reach the terminal raw.
        var output = TerminalSafety.visible(heading, keepingLines: true)
        for block in blocks {
            output += blockTitle(TerminalSafety.visible(block.title))
            for line in block.lines { output += "\(bullet)\(TerminalSafety.visible(line))\n" }
        }
        return output
    }
}

extension StandupReport {
    public var blocks: [StandupBlock] { blocks(linesEach: .max) }

    /// The blocks, each with at most `limit` lines: a screen shows no more than that, and a
    /// big store's stand-up can list tens of thousands of ticks.
    public func blocks(linesEach limit: Int) -> [StandupBlock] {
        var blocks: [StandupBlock] = []
        blocks.append(StandupBlock(title: "Queue", lines: [
            "\(open.count) open · \(overdue.count) overdue · \(dueThisWeek.count) due this week · "
                + "\(ticks.count) step\(ticks.count == 1 ? "" : "s") ticked since \(since.shortDescription)",
        ]))
        blocks.append(StandupBlock("Overdue", overdue, empty: "nothing overdue", limit: limit) { order in
            "\(label(order.id)) due \(order.due?.shortDescription ?? "—") · 4S \(order.progress) · \(order.title) (\(order.stakeholder))"
        })
        blocks.append(StandupBlock("Due this week", dueThisWeek, empty: "nothing due this week", limit: limit) {
            "\(label($0.id)) \($0.due?.shortDescription ?? "") · 4S \($0.progress) · \($0.title) (\($0.stakeholder))"
        })
        blocks.append(StandupBlock("By person", people, empty: "nobody ticked a step or has one due", limit: limit,
                                   line: personLine))
        blocks.append(StandupBlock("Ticked since \(since.shortDescription)", ticks, empty: "no steps ticked", limit: limit) {
            "\(label($0.orderID)) \($0.by) \(CalendarDay.local(at: $0.at).shortDescription): \($0.step) (\($0.section.title))"
        })
        blocks.append(StandupBlock("4S across open orders", sectionCompletion, limit: limit, isWhole: true) { entry in
            "\(entry.section.title.padded(to: 20)) \(Self.bar(entry.progress.fraction, width: 8)) \(entry.progress)"
                + (entry.section == neglectedSection ? " ← least done" : "")
        })
        blocks.append(StandupBlock("Touchpoints due", touchpointsDue, empty: "none in the next 7 days", limit: limit) {
            "\($0.stakeholder), \($0.touchpoint.on.shortDescription)"
                + ($0.touchpoint.on < today ? " (overdue)" : "")
                + ($0.touchpoint.purpose.isEmpty ? "" : ": \($0.touchpoint.purpose)")
        })
        blocks.append(StandupBlock("Not in touch for \(followUpDays) days", quiet, empty: "everyone was in touch lately",
                                   limit: limit) { line in
            line.stakeholder + (line.lastContact.map { ", last contact \($0.shortDescription) (\($0.days(until: today)) days ago)" }
                ?? ", no contact recorded")
        })
        blocks.append(StandupBlock("Value delivered", value, limit: limit, isWhole: true, line: Self.valueLine))
        blocks.append(StandupBlock("Stage moves, last 7 days", stageMoves, empty: "no moves", limit: limit) { move in
            "\(move.stakeholder): \(move.change.from.shortTitle) → \(move.change.to.shortTitle), "
                + "\(CalendarDay.local(at: move.change.at).shortDescription)" + (move.change.note.isEmpty ? "" : " (\(move.change.note))")
        })
        let most = max(1, spectrum.map(\.count).max() ?? 1)
        blocks.append(StandupBlock("Stakeholders on the spectrum", spectrum, limit: limit, isWhole: true) { entry in
            "\(entry.stage.rawValue) \(entry.stage.title.padded(to: 19)) \(String(entry.count).padded(to: 3)) "
                + String(repeating: "■", count: entry.count * 10 / most)
        })
        // Months with no orders say nothing about the trend.
        blocks.append(StandupBlock("How orders arrive (request / conversation / early)", trend.filter { $0.total > 0 },
                                   empty: "no orders in these months", limit: limit) { month in
            "\(month.month)  \(month.transactional) / \(month.collaborative) / \(month.earlyInvolvement)"
        })
        if !types.rows.isEmpty {
            let width = types.rows.map(\.name.count).max() ?? 0
            blocks.append(StandupBlock("By order type (4S of the open orders · came in, 30 days)", types.rows, limit: limit, isWhole: true) { row in
                "\(row.name.padded(to: width)) \(Self.bar(row.openProgress.fraction, width: 6)) "
                    + "\(row.openProgress.description.padded(to: 6)) \(row.open) open · \(row.arrived) came in"
            })
        }
        blocks.append(StandupBlock("Open orders", open, empty: "no open orders", limit: limit) { order in
            "\(Self.bar(order.progress.fraction, width: 6)) \(order.progress.description.padded(to: 5)) \(label(order.id)) \(order.title)"
        })
        return blocks
    }

    /// "ana: 2 ticked · 1 note · edited #4: title · due #8 Nov 20, #1 Nov 26"
    private func personLine(_ person: PersonLine) -> String {
        var parts = ["\(person.ticked) ticked"]
        if person.notes > 0 { parts.append("\(person.notes) note\(person.notes == 1 ? "" : "s")") }
        if person.stageMoves > 0 { parts.append("\(person.stageMoves) stage move\(person.stageMoves == 1 ? "" : "s")") }
        parts += person.changes.prefix(3)
        if person.changes.count > 3 { parts.append("\(Counted(person.changes.count - 3, "more change", "more changes"))") }
        parts.append(person.due.isEmpty ? "nothing due this week"
            : "due " + person.due.map { "\(label($0.id)) \($0.due?.shortDescription ?? "")" }.joined(separator: ", "))
        return "\(person.name.isEmpty ? "no owner" : person.name): " + parts.joined(separator: " · ")
    }

    /// "Nov 2026: 2 delivered · 1,200 h and 48,000 saved (estimates on 2)"
    private static func valueLine(_ value: DeliveredValue) -> String {
        guard value.delivered > 0 else { return "\(value.period): nothing delivered yet" }
        let head = "\(value.period): \(value.delivered) delivered"
        guard value.estimated > 0 else { return head + " · no value estimated (m on an order)" }
        return head + " · \(GroupedNumber.text(value.hoursSaved)) h"
            + (value.saving > 0 ? " and \(GroupedNumber.text(value.saving)) saved" : " saved")
            + " (estimates on \(value.estimated))"
    }

    static func bar(_ fraction: Double, width: Int) -> String {
        let filled = Int((fraction * Double(width)).rounded())
        return String(repeating: "▰", count: filled) + String(repeating: "▱", count: width - filled)
    }

    /// Plain text, ready to paste into a chat.
    public var text: String { StandupBlock.text(blocks, heading: "Stand-up \(today)") }

    /// The text headed by `heading` and the day: one team's of several.
    public func text(heading: String) -> String { StandupBlock.text(blocks, heading: "\(heading): stand-up \(today)") }

    public func markdown(heading: String) -> String { StandupBlock.markdown(blocks, heading: "\(heading): stand-up \(today)") }

    public var markdown: String { StandupBlock.markdown(blocks, heading: "Stand-up \(today)") }

    /// The shape is documented in the README.
    public var json: JSONValue {
        func order(_ line: OrderLine) -> JSONValue {
            .object(JSONObject([
                "id": .number(Double(line.id)), "title": .string(line.title), "stakeholder": .string(line.stakeholder),
                "due": line.due.map { .string($0.description) } ?? .null,
                "done": .number(Double(line.progress.done)), "total": .number(Double(line.progress.total)),
            ]))
        }
        return .object(JSONObject([
            "date": .string(today.description),
            "since": .string(since.description),
            "open": .array(open.map(order)),
            "overdue": .array(overdue.map(order)),
            "dueThisWeek": .array(dueThisWeek.map(order)),
            "ticked": .array(ticks.map { tick in
                .object(JSONObject([
                    "order": .number(Double(tick.orderID)), "step": .string(tick.step),
                    "section": .string(tick.section.rawValue), "by": .string(tick.by), "at": .string(tick.at.description),
                ]))
            }),
            "stageMoves": .array(stageMoves.map { move in
                .object(JSONObject([
                    "stakeholder": .string(move.stakeholder), "from": .string(move.change.from.key),
                    "to": .string(move.change.to.key), "at": .string(move.change.at.description),
                    "note": .string(move.change.note),
                ]))
            }),
            "touchpointsDue": .array(touchpointsDue.map { line in
                .object(JSONObject([
                    "stakeholder": .string(line.stakeholder), "on": .string(line.touchpoint.on.description),
                    "purpose": .string(line.touchpoint.purpose),
                ]))
            }),
            "people": .array(people.map { person in
                .object(JSONObject([
                    "name": person.name.isEmpty ? .null : .string(person.name),
                    "ticked": .number(Double(person.ticked)), "notes": .number(Double(person.notes)),
                    "stageMoves": .number(Double(person.stageMoves)), "changes": .array(person.changes.map { .string($0) }),
                    "due": .array(person.due.map(order)),
                ]))
            }),
            "followUpDays": .number(Double(followUpDays)),
            "notInTouch": .array(quiet.map { line in
                .object(JSONObject([
                    "stakeholder": .string(line.stakeholder),
                    "lastContact": line.lastContact.map { .string($0.description) } ?? .null,
                ]))
            }),
            "valueDelivered": .array(value.map { period in
                .object(JSONObject([
                    "period": .string(period.period), "delivered": .number(Double(period.delivered)),
                    "estimated": .number(Double(period.estimated)), "hoursSaved": .number(period.hoursSaved),
                    "saving": .number(period.saving),
                ]))
            }),
            "sections": .object(JSONObject(Dictionary(uniqueKeysWithValues: sectionCompletion.map { entry in
                (entry.section.rawValue, JSONValue.object(JSONObject([
                    "done": .number(Double(entry.progress.done)), "total": .number(Double(entry.progress.total)),
                ])))
            }))),
            "leastDone": neglectedSection.map { .string($0.rawValue) } ?? .null,
            "spectrum": .object(JSONObject(Dictionary(uniqueKeysWithValues: spectrum.map {
                ($0.stage.key, JSONValue.number(Double($0.count)))
            }))),
            "arrivals": .array(trend.map { month in
                .object(JSONObject([
                    "month": .string(month.month.description), "transactionalRequest": .number(Double(month.transactional)),
                    "collaborativeConversation": .number(Double(month.collaborative)),
                    "earlyInvolvement": .number(Double(month.earlyInvolvement)),
                ]))
            }),
            "types": .array(types.rows.map { row in
                .object(JSONObject([
                    "type": .string(row.name), "open": .number(Double(row.open)), "done": .number(Double(row.openProgress.done)),
                    "total": .number(Double(row.openProgress.total)), "arrived": .number(Double(row.arrived)),
                ]))
            }),
        ]))
    }
}

extension String {
    /// Padded with spaces to at least `width` characters.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
