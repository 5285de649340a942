import Model

/// Every stakeholder with their place on the spectrum, the three R's, their orders and
/// the last contact; the selected one's history beside; how they spread across stages.
struct StakeholdersView {
    let state: AppState
    let layout: Layout

    func draw(into screen: inout Screen, hits: inout HitTargets) {
        let made = state.stakeholderList
        let list = made.stakeholders
        let rect = layout.queue
        drawList(made, into: &screen, rect: rect, hits: &hits)
        layout.drawDivider(into: &screen)
        let lines = detailLines(list.indices.contains(state.stakeholderPosition) ? list[state.stakeholderPosition] : nil,
                                list: list, width: layout.detail.width - 1)
        for (row, line) in lines.prefix(layout.detail.height).enumerated() {
            line.draw(into: &screen, x: layout.detail.x + 1, y: layout.detail.y + row, width: layout.detail.width - 1)
        }
    }

    /// The first row shown when `rows` fit: the selection stays in view.
    private static func firstShownRow(selected: Int, rows: Int, count: Int) -> Int {
        max(0, min(selected - rows + 1, count - rows))
    }

    private func drawList(_ made: StakeholderList, into screen: inout Screen, rect: Rect, hits: inout HitTargets) {
        let list = made.stakeholders
        let nameWidth = max(12, min(24, rect.width - 56))
        var titles = StyledLine("  " + DisplayWidth.fit("Stakeholder", to: nameWidth), Theme.columnTitles)
        titles.append(DisplayWidth.fit("Spectrum", to: 16) + DisplayWidth.fit("R's", to: 7) + DisplayWidth.fit("Open", to: 6)
            + DisplayWidth.fit("Done", to: 6) + DisplayWidth.fit("Touchpoint", to: 11) + DisplayWidth.fit("Last contact", to: 12),
            Theme.columnTitles)
        titles.draw(into: &screen, x: rect.x, y: rect.y, width: rect.width)
        guard !list.isEmpty else {
            let adding = state.keyHint(.addStakeholder, "adds one")
            screen.put("No stakeholders yet" + (adding.map { ": \($0)." } ?? "."), x: rect.x + 2, y: rect.y + 2, style: Theme.muted)
            return
        }
        let rows = max(1, rect.height - 1)
        let top = Self.firstShownRow(selected: state.stakeholderPosition, rows: rows, count: list.count)
        for (offset, stakeholder) in list.dropFirst(top).prefix(rows).enumerated() {
            let index = top + offset
            let count = made.counts[stakeholder.id]
            var line = StyledLine(index == state.stakeholderPosition ? "▶ " : "  ")
            // In a department's view, two teams' people of one name are told apart by their store.
            let team = state.document.teamName(ofStakeholder: stakeholder.id).map { " · \($0)" } ?? ""
            line.append(DisplayWidth.fit(stakeholder.name + team, to: nameWidth - 1) + " ")
            let dots = String(repeating: "●", count: stakeholder.stage.rawValue)
                + String(repeating: "○", count: 5 - stakeholder.stage.rawValue)
            line.append(dots + " ", Theme.stage(stakeholder.stage))
            line.append(DisplayWidth.fit(stakeholder.stage.shortTitle, to: 10), Theme.stage(stakeholder.stage))
            let ratings = [stakeholder.rapport, stakeholder.reputation, stakeholder.relationships]
            line.append(DisplayWidth.fit(ratings.map { $0.map(String.init) ?? "-" }.joined(separator: "/"), to: 7), Theme.muted)
            line.append(DisplayWidth.fit(String(count.open), to: 6))
            line.append(DisplayWidth.fit(String(count.done), to: 6), Theme.muted)
            let touchpoint = DueDate(due: stakeholder.nextTouchpoint?.on, today: state.today)
            line.append(DisplayWidth.fit(touchpoint.short, to: 11), stakeholder.nextTouchpoint == nil ? Theme.muted : touchpoint.style)
            line.append(made.contact.last(with: stakeholder.id)?.shortDescription ?? "—", Theme.muted)
            if index == state.stakeholderPosition { line.rowStyle = Theme.selected }
            line.draw(into: &screen, x: rect.x, y: rect.y + 1 + offset, width: rect.width)
            hits.add(.stakeholder(index: index), Rect(x: rect.x, y: rect.y + 1 + offset, width: rect.width, height: 1))
        }
    }

    private func detailLines(_ stakeholder: Stakeholder?, list: [Stakeholder], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let stakeholder {
            let details = [stakeholder.role, stakeholder.team, state.document.teamName(ofStakeholder: stakeholder.id).map { "store \($0)" } ?? ""]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            lines.append(StyledLine(stakeholder.name, Theme.title).appending(details.isEmpty ? "" : " · \(details)", Theme.muted))
            lines.append(StyledLine("\(stakeholder.stage.rawValue)/5 \(stakeholder.stage.title): ", Theme.stage(stakeholder.stage))
                .appending(stakeholder.stage.sign, Theme.muted))
            if let ratings = ThreeRs.text(for: stakeholder) { lines.append(StyledLine(ratings)) }
            if let touchpoint = stakeholder.nextTouchpoint {
                lines.append(StyledLine("Next touchpoint \(DueDate(due: touchpoint.on, today: state.today).short)"
                    + (touchpoint.purpose.isEmpty ? "" : ": \(touchpoint.purpose)"), DueDate(due: touchpoint.on, today: state.today).style))
            }
            lines.append(StyledLine("Stage history", Theme.sectionTitle))
            if stakeholder.stageHistory.isEmpty { lines.append(StyledLine("  no moves yet", Theme.muted)) }
            for change in stakeholder.stageHistory.reversed().prefix(6) {
                lines.append(StyledLine("  \(CalendarDay.local(at: change.at)) ", Theme.muted)
                    .appending("\(change.from.shortTitle) → \(change.to.shortTitle)", Theme.stage(change.to))
                    .appending(change.note.isEmpty ? "" : "  \(change.note)", Theme.muted))
            }
            if !stakeholder.notes.isEmpty { lines.append(StyledLine("Notes", Theme.sectionTitle)) }
            for note in stakeholder.notes.reversed().prefix(3) {
                lines.append(StyledLine("  \(CalendarDay.local(at: note.at).shortDescription) \(note.by): ", Theme.muted)
                    .appending(note.text))
            }
            lines.append(StyledLine())
        }
        lines.append(StyledLine("Across the spectrum", Theme.sectionTitle))
        let most = max(1, EngagementStage.allCases.map { stage in list.count { $0.stage == stage } }.max() ?? 1)
        let barWidth = max(4, min(30, width - 26))
        for stage in EngagementStage.allCases {
            let count = list.count { $0.stage == stage }
            lines.append(StyledLine("  \(stage.rawValue) \(DisplayWidth.fit(stage.title, to: 19)) ", Theme.muted)
                .appending(String(repeating: "■", count: count * barWidth / most), Theme.stage(stage))
                .appending(" \(count)"))
        }
        return lines
    }
}
