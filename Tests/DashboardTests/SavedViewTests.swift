@testable import Dashboard
import Model
import TestSupport
import Testing

/// A search, filters and sort saved under a name, shown again with a key, kept in the
/// person's own state file; every sort also the other way round.
@Suite struct SavedViewTests {
    var app = TestApp(size: Size(width: 120, height: 40))

    @Test mutating func aViewIsSavedShownAgainAndForgotten() throws {
        app.send(.toggleMine, .cycleSort, .reverseSort)
        let mine = app.state.queueQuery
        #expect(mine.owner == "ana" && mine.sort == .priority && mine.reversed)
        app.send(.saveView, .form(.edit(.insert("My work"))))
        let effects = app.send(.submitForm)
        let saved = [SavedView(name: "My work", query: mine)]
        #expect(effects == [.saveViews(saved)])
        #expect(app.state.savedViews == saved)

        // Back to everything, then the view again from the list of views.
        app.send(.clearFilters)
        #expect(app.state.queueQuery.owner == nil)
        app.send(.chooseView)
        #expect(app.state.form?.fields.first?.value == "My work")
        let shown = app.send(.submitForm)
        #expect(app.state.queueQuery == mine && shown.contains(.savePreferences(mine)))
        #expect(app.lines[0].contains("sort: priority, reversed") && app.lines[0].contains("owner: ana"))

        // The same name saves it again; forgetting it leaves none.
        app.send(.saveView, .form(.edit(.insert("my WORK"))), .submitForm)
        #expect(app.state.savedViews.count == 1)
        app.send(.chooseView, .form(.nextField), .form(.edit(.right)), .submitForm)
        #expect(app.state.savedViews.isEmpty)
        app.send(.chooseView)
        #expect(app.state.form == nil && app.state.status?.text.hasPrefix("No saved view yet") == true)
    }

    @Test mutating func everySortGoesTheOtherWayRound() {
        for _ in QueueSort.queueCycle {
            let forward = app.state.queue.orderIDs
            app.send(.reverseSort)
            #expect(app.state.queue.orderIDs == forward.reversed(), "\(app.state.queueQuery.sort)")
            app.send(.reverseSort, .cycleSort)
        }
    }

    @Test func theStateFileKeepsTheViewsAndTheQueueApart() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("state/fours/state.json")
        var overdue = QueueQuery()
        overdue.due = .overdue
        overdue.type = "compliance-refresher"
        overdue.search = "forklift"
        overdue.conflictsOnly = true
        try ViewPreferences.update(at: path) { $0.views = [SavedView(name: "Overdue compliance", query: overdue)] }
        // The queue remembered later does not take the views away, nor the other way round.
        try ViewPreferences.update(at: path) { $0.queue.sort = .stage }
        let read = ViewPreferences.load(from: path)
        #expect(read.views == [SavedView(name: "Overdue compliance", query: overdue)])
        #expect(read.queue.sort == .stage)
    }
}
