import Model

/// Work a page has done away from the keys (the stand-up of a big store takes a core for a
/// moment): made on another thread from values alone, for one version of the document and
/// one day, and handed back to the page that asked, which keeps it only while it is of the
/// document and day shown.
struct PageWork: Sendable, Equatable {
    let view: AppView
    let version: Int
    let today: CalendarDay
    private let make: @Sendable () -> any Sendable

    init(view: AppView, version: Int, today: CalendarDay, make: @escaping @Sendable () -> any Sendable) {
        self.view = view
        self.version = version
        self.today = today
        self.make = make
    }

    /// Does the work; on another thread.
    func run() -> Result {
        Result(view: view, version: version, today: today, value: make())
    }

    static func == (lhs: PageWork, rhs: PageWork) -> Bool {
        (lhs.view, lhs.version, lhs.today) == (rhs.view, rhs.version, rhs.today)
    }

    /// What the work made, for the page that asked.
    struct Result: Sendable, Equatable {
        let view: AppView
        let version: Int
        let today: CalendarDay
        let value: any Sendable

        static func == (lhs: Result, rhs: Result) -> Bool {
            (lhs.view, lhs.version, lhs.today) == (rhs.view, rhs.version, rhs.today)
        }
    }
}
