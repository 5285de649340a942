/// A realistic store for a first look: a week in the life of a small L&D team.
public enum DemoStore {
    private struct DemoOrder {
        var title: String
        var request: String
        var stakeholder: String
        var audience: String
        var receivedDaysAgo: Int
        var dueInDays: Int?
        var priority: Priority
        var status: OrderStatus
        var tags: [String]
        var arrival: OrderArrival = .transactionalRequest
        /// Which template steps are ticked, per section, by position.
        var ticked: [ChecklistSection: [Int]]
        /// For a delivered or closed order, the day it was.
        var closedDaysAgo: Int? = nil
    }

    /// The demo orders of each type, by number; the others follow the store's template.
    private static let types: [Int: String] = [
        3: "compliance-refresher", 11: "compliance-refresher", 4: "onboarding-programme", 5: "leadership-course",
    ]

    /// Three kinds of work with 4S steps of their own: each keeps most of the standard
    /// steps (their ids, so the report compares like with like) and swaps in its own.
    public static let orderTypes: [OrderType] = {
        func step(_ id: String, _ title: String, explained note: String = "") -> ChecklistStep {
            var step = ChecklistStep(id: id, title: title)
            step.details.note = note
            return step
        }
        func standard(_ section: ChecklistSection, _ position: Int) -> ChecklistStep {
            Checklist.standardTemplate[section][position]
        }
        return [
            OrderType(id: "compliance-refresher", name: "Compliance refresher", template: Checklist([
                .shiftMindset: [standard(.shiftMindset, 0),
                                step("compliance-findings", "Found the incidents or audit findings it must change",
                                     explained: "Incident log, audit report, near misses: aim at what went wrong, not the whole rulebook."),
                                standard(.shiftMindset, 1)],
                .strategicApproach: [step("compliance-measure", "Agreed the figure that shows it worked",
                                          explained: "Incidents, errors or an audit score, counted before and after."),
                                     standard(.strategicApproach, 1),
                                     step("compliance-sign-off", "Checked who must sign off the content (legal, safety)")],
                .surpriseAndDelight: [standard(.surpriseAndDelight, 0),
                                      step("compliance-job-aid", "Turned the rules into a one-page job aid"),
                                      standard(.surpriseAndDelight, 2)],
                .sureThing: [standard(.sureThing, 0), standard(.sureThing, 1),
                             step("compliance-next-date", "Set the date of the next refresher with them")],
            ])),
            OrderType(id: "onboarding-programme", name: "Onboarding programme", template: Checklist([
                .shiftMindset: [standard(.shiftMindset, 0),
                                step("onboarding-day-30", "Asked what a new hire must do alone by day 30",
                                     explained: "The work they own after a month is what the programme builds toward."),
                                standard(.shiftMindset, 2)],
                .strategicApproach: [standard(.strategicApproach, 0),
                                     step("onboarding-buddy", "Named a buddy for each new hire"),
                                     standard(.strategicApproach, 2)],
                .surpriseAndDelight: [standard(.surpriseAndDelight, 0), standard(.surpriseAndDelight, 1),
                                      step("onboarding-last-hires", "Asked the last hires what they missed",
                                           explained: "Those who joined this year know best what nobody told them.")],
                .sureThing: [standard(.sureThing, 0), standard(.sureThing, 1), standard(.sureThing, 2)],
            ])),
            OrderType(id: "leadership-course", name: "Leadership course", template: Checklist([
                .shiftMindset: [standard(.shiftMindset, 0), standard(.shiftMindset, 1), standard(.shiftMindset, 2)],
                .strategicApproach: [standard(.strategicApproach, 0), standard(.strategicApproach, 1),
                                     step("leadership-practice", "Planned practice between the sessions",
                                          explained: "Managers change what they do at work, not in the room: give them something to try each week.")],
                .surpriseAndDelight: [standard(.surpriseAndDelight, 0),
                                      step("leadership-peers", "Paired each manager with a peer to check in with"),
                                      standard(.surpriseAndDelight, 2)],
                .sureThing: [step("leadership-team-voice", "Heard what the managers' teams say they need"),
                             standard(.sureThing, 1), standard(.sureThing, 2)],
            ])),
        ]
    }()

    /// Who on the demo team carries each order, by id; the orders not named have no owner yet.
    private static let owners: [Int: [String]] = [
        1: ["maya"], 2: ["jon"], 3: ["maya"], 4: ["jon", "maya"], 5: ["maya"], 7: ["jon"], 8: ["jon"], 10: ["maya"], 11: ["jon"],
    ]

    public static func make(now: Timestamp) -> StoreDocument {
        let today = CalendarDay.local(at: now)
        var document = StoreDocument(name: "Learning & Development")
        document.orderTypes = orderTypes
        document.lineage = .newStore(at: now)
        let people: [(Stakeholder, daysAgo: Int, from: EngagementStage)] = [
            (Stakeholder(id: "dana-okafor", name: "Dana Okafor", role: "Head of Sales", team: "Sales",
                         stage: .orderTaker), 0, .orderTaker),
            (Stakeholder(id: "marco-silva", name: "Marco Silva", role: "Warehouse Operations Manager",
                         team: "Logistics", stage: .orderWithChange), 3, .orderTaker),
            (Stakeholder(id: "aiko-tanaka", name: "Aiko Tanaka", role: "Customer Success Director",
                         team: "Customer Success", stage: .collaborator), 12, .orderWithChange),
            (Stakeholder(id: "lena-brandt", name: "Lena Brandt", role: "VP Engineering",
                         team: "Engineering", stage: .trustedPartner), 40, .collaborator),
            (Stakeholder(id: "samuel-reyes", name: "Samuel Reyes", role: "Chief People Officer",
                         team: "People", stage: .strategicPartner), 75, .trustedPartner),
            (Stakeholder(id: "chloe-martin", name: "Chloé Martin", role: "Finance Controller",
                         team: "Finance", stage: .orderTaker), 0, .orderTaker),
        ]
        for (person, daysAgo, from) in people {
            var stakeholder = person
            if from != person.stage {
                stakeholder.stageHistory = [StageChange(
                    at: Timestamp(secondsSince1970: now.secondsSince1970 - Int64(daysAgo) * 86_400),
                    from: from, to: person.stage, by: "maya",
                    note: "Moved after a good conversation about their goals.")]
            }
            document.add(stakeholder)
        }

        let demoOrders = [
            DemoOrder(
                title: "One-hour time-management workshop",
                request: "We need a one-hour workshop on time management for the whole sales floor, before the quarter closes.",
                stakeholder: "dana-okafor", audience: "Sales floor, 40 people", receivedDaysAgo: 9, dueInDays: -2,
                priority: .high, status: .inProgress, tags: ["workshop", "q4"],
                ticked: [.shiftMindset: [0]]),
            DemoOrder(
                title: "Re-shoot the forklift safety videos",
                request: "The safety videos are from 2015. Re-shoot them the same way, same length, so the auditors are happy.",
                stakeholder: "marco-silva", audience: "Warehouse staff", receivedDaysAgo: 20, dueInDays: 3,
                priority: .high, status: .inProgress, tags: ["safety", "video"],
                ticked: [.shiftMindset: [0, 1], .strategicApproach: [0], .surpriseAndDelight: [0, 1], .sureThing: [0]]),
            DemoOrder(
                title: "Webinar series on the new returns policy",
                request: "Customers keep getting the returns process wrong. Can you run a webinar series for them next week?",
                stakeholder: "aiko-tanaka", audience: "Key customers", receivedDaysAgo: 6, dueInDays: 5,
                priority: .medium, status: .inProgress, tags: ["customer-education", "webinar"],
                ticked: [.shiftMindset: [0, 1, 2], .strategicApproach: [1], .sureThing: [0, 1]]),
            DemoOrder(
                title: "Onboarding path for platform engineers",
                request: "New engineers take three months to ship safely. We want to cut that in half; what would you suggest?",
                stakeholder: "lena-brandt", audience: "New engineering hires", receivedDaysAgo: 15, dueInDays: 24,
                priority: .medium, status: .inProgress, tags: ["onboarding"], arrival: .collaborativeConversation,
                ticked: [.shiftMindset: [0, 1, 2], .strategicApproach: [0, 1, 2], .surpriseAndDelight: [0], .sureThing: [0, 1, 2]]),
            DemoOrder(
                title: "Manager training for the reorganisation",
                request: "We are restructuring into product teams in spring. Bring L&D into the design from the start.",
                stakeholder: "samuel-reyes", audience: "All people managers", receivedDaysAgo: 30, dueInDays: 60,
                priority: .high, status: .inProgress, tags: ["change", "leadership"], arrival: .earlyInvolvement,
                ticked: [.shiftMindset: [0, 1, 2], .strategicApproach: [0, 1], .surpriseAndDelight: [1], .sureThing: [0, 2]]),
            DemoOrder(
                title: "Excel refresher for budget owners",
                request: "Please book an Excel course for everyone who owns a budget. Pivot tables, mostly.",
                stakeholder: "chloe-martin", audience: "Budget owners", receivedDaysAgo: 2, dueInDays: 12,
                priority: .low, status: .new, tags: ["tools"], ticked: [:]),
            DemoOrder(
                title: "Objection-handling e-learning",
                request: "Build a 20-minute e-learning module on handling price objections.",
                stakeholder: "dana-okafor", audience: "Account executives", receivedDaysAgo: 4, dueInDays: 1,
                priority: .medium, status: .new, tags: ["e-learning"], ticked: [:]),
            DemoOrder(
                title: "Picking-error coaching for shift leads",
                request: "Picking errors doubled since the new layout. Shift leads need training on it, fast.",
                stakeholder: "marco-silva", audience: "Shift leads", receivedDaysAgo: 11, dueInDays: -5,
                priority: .high, status: .inProgress, tags: ["coaching", "quality"],
                ticked: [.shiftMindset: [0], .sureThing: [0]]),
            DemoOrder(
                title: "Customer-call listening sessions",
                request: "Could L&D help us understand why renewals dropped in the mid-market segment?",
                stakeholder: "aiko-tanaka", audience: "Mid-market account team", receivedDaysAgo: 3, dueInDays: nil,
                priority: .medium, status: .new, tags: ["discovery"], arrival: .collaborativeConversation,
                ticked: [.sureThing: [0]]),
            DemoOrder(
                title: "Code review habits workshop",
                request: "A workshop on code review etiquette for all teams.",
                stakeholder: "lena-brandt", audience: "Engineering", receivedDaysAgo: 50, dueInDays: -20,
                priority: .medium, status: .delivered, tags: ["workshop"],
                ticked: [.shiftMindset: [0, 1, 2], .strategicApproach: [0, 1, 2], .surpriseAndDelight: [0, 1, 2], .sureThing: [0, 1, 2]],
                closedDaysAgo: 18),
            DemoOrder(
                title: "Expense-policy quick guide",
                request: "Make a one-page guide to the new expense policy.",
                stakeholder: "chloe-martin", audience: "All staff", receivedDaysAgo: 35, dueInDays: -14,
                priority: .low, status: .delivered, tags: ["job-aid"],
                ticked: [.shiftMindset: [0], .strategicApproach: [0], .sureThing: [0]], closedDaysAgo: 12),
        ]
        for (offset, demoOrder) in demoOrders.enumerated() {
            let owners = Self.owners[offset + 1] ?? []
            let received = today.adding(days: -demoOrder.receivedDaysAgo)
            let closedOn = demoOrder.closedDaysAgo.map { today.adding(days: -$0) }
            let work = WorkingTime(received: received, closedOn: closedOn, now: now)
            let type = Self.types[offset + 1] ?? ""
            var checklist = document.newChecklist(ofType: type)
            for (section, positions) in demoOrder.ticked {
                for position in positions where position < checklist[section].count {
                    // Spread over the last days of the work, the earlier sections first.
                    let daysBefore = max(0, (3 - section.index) * 2 + (2 - position) - 1) + offset % 2
                    checklist[section][position].tick = Tick(
                        at: work.moment(daysBeforeEnd: daysBefore, hoursBefore: position), by: owners.first ?? "maya")
                }
            }
            var order = TrainingOrder(
                id: offset + 1, title: demoOrder.title, request: demoOrder.request, stakeholderID: demoOrder.stakeholder,
                audience: demoOrder.audience, received: received,
                due: demoOrder.dueInDays.map { today.adding(days: $0) }, priority: demoOrder.priority,
                status: demoOrder.status, tags: demoOrder.tags, arrival: demoOrder.arrival, checklist: checklist)
            order.owners = owners
            order.closedOn = closedOn
            order.details.type = type
            document.add(order)
        }
        addDetails(to: &document, now: now, today: today)
        return document
    }

    /// Measurement, value, notes and the three R's on a few orders and people, so that a
    /// first look shows every part of the screen.
    private static func addDetails(to document: inout StoreDocument, now: Timestamp, today: CalendarDay) {
        func daysAgo(_ days: Int64) -> Timestamp { Timestamp(secondsSince1970: now.secondsSince1970 - days * 86_400) }
        document.updateOrder(id: 2) { order in
            order.measurement = Measurement(metric: "Forklift incidents per month", baseline: "14 incidents a month",
                                            target: "under 8", result: "")
            order.value = ValueEstimate(hoursSavedPerPerson: 1.5, people: 120, costPerHour: 38)
            order.businessProblem = "Near-misses rose after the night shift doubled."
            order.notes = [
                Note(id: "demo-1", at: daysAgo(6), by: "jon",
                     text: "Managers say most incidents happen in the first hour of a shift."),
                Note(id: "demo-2", at: daysAgo(2), by: "jon",
                     text: "Agreed with Marco: short videos spread over the year, not one long session."),
            ]
        }
        document.updateOrder(id: 4) { order in
            order.measurement = Measurement(metric: "Weeks to first production change", baseline: "12 weeks",
                                            target: "6 weeks", result: "8 weeks")
            order.audienceSize = 25
        }
        document.updateOrder(id: 10) { order in
            order.closingNote = "Teams asked for a follow-up on giving feedback."
            order.value = ValueEstimate(hoursSavedPerPerson: 2, people: 60, costPerHour: 45)
        }
        document.updateOrder(id: 7) { order in
            order.decision = .accepted
            order.decisionReason = "Quick win; use it to ask about the real sales goals."
        }
        document.updateStakeholder(id: "marco-silva") { marco in
            marco.rapport = 2
            marco.reputation = 1
            marco.relationships = 1
            marco.nextTouchpoint = Touchpoint(on: today.adding(days: 2), purpose: "Walk the warehouse floor together")
        }
        document.updateStakeholder(id: "lena-brandt") { lena in
            lena.rapport = 3
            lena.reputation = 3
            lena.relationships = 2
            lena.notes = [Note(id: "demo-3", at: daysAgo(9), by: "maya",
                               text: "Her goal this year: cut onboarding time in half without adding headcount.")]
        }
        document.updateStakeholder(id: "aiko-tanaka") { aiko in
            aiko.nextTouchpoint = Touchpoint(on: today.adding(days: -3), purpose: "Review the webinar pilot together")
        }
        document.updateStakeholder(id: "samuel-reyes") { samuel in
            samuel.rapport = 3
            samuel.reputation = 3
            samuel.relationships = 3
            samuel.nextTouchpoint = Touchpoint(on: today.adding(days: 7), purpose: "Reorganisation steering group")
        }
    }
}

extension DemoStore {
    /// When the work on a demo order can have happened: from the morning it came in to the
    /// afternoon it was closed, or to now while it is open. A demo made at any moment of any
    /// day then holds no tick after an order was delivered and none before it arrived.
    struct WorkingTime {
        let start: Timestamp
        let end: Timestamp

        init(received: CalendarDay, closedOn: CalendarDay?, now: Timestamp) {
            let closed = closedOn.map { Timestamp(secondsSince1970: $0.localStart.secondsSince1970 + 17 * 3_600) }
            end = min(now, closed ?? now)
            start = min(end, Timestamp(secondsSince1970: received.localStart.secondsSince1970 + 9 * 3_600))
        }

        /// A moment the given time before the end, but never before the start.
        func moment(daysBeforeEnd days: Int, hoursBefore hours: Int) -> Timestamp {
            let seconds = end.secondsSince1970 - Int64(days) * 86_400 - Int64(hours) * 3_600
            return Timestamp(secondsSince1970: max(start.secondsSince1970, seconds))
        }
    }
}
