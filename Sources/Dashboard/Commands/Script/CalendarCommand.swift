import ArgumentParser
import Model

/// Due dates and touchpoints for the team's calendar: an iCalendar file to import, or to
/// subscribe to where a calendar can follow a file (a shared folder, a web server).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", _superCommandName: "fours", abstract: "Write the open orders' due dates and the next touchpoints as an iCalendar file.",
        discussion: """
            Each open order's due date is an all-day event, and so is each stakeholder's next touchpoint. \
            Every item keeps its UID from one run to the next: a calendar subscribed to the file updates \
            its events instead of adding them again. The list's filters narrow it; with a filter, the \
            touchpoints are those of the orders' stakeholders.
            Examples: fours calendar --out ~/Calendars/fours.ics
                      fours calendar --owner maya --out maya.ics
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: QueueFilterOptions
    @Option(help: ArgumentHelp("Write here instead of the standard output.", valueName: "file")) var out: String?
    @Flag(help: "Leave out the stakeholders' touchpoints.") var noTouchpoints = false

    func run() throws {
        // Only open orders have events, and a person's event names only their open orders.
        let opened = try ScriptStore(storeOptions, forChanges: false, only: filters.wanted)
        let document = opened.document
        let orders = try filters.orders(in: opened)
        let people: [Stakeholder]
        if noTouchpoints {
            people = []
        } else if filters.narrows {
            let shown = Set(orders.map(\.stakeholderID))
            people = document.stakeholders.filter { shown.contains($0.id) }
        } else {
            people = document.stakeholders
        }
        let feed = CalendarFeed(document, orders: orders, stakeholders: people)
        try ScriptOutput.deliver(Array(feed.text(stamp: ProcessSetup.clock.now()).utf8), to: out, notOver: storeOptions.path,
                                 what: "\(Counted(feed.events.count, "event"))")
    }
}
