/// A store of any size with varied orders, for measuring speed.
public enum GeneratedStore {
    public static func make(orders count: Int, now: Timestamp) -> StoreDocument {
        let today = CalendarDay.local(at: now)
        var document = StoreDocument(name: "Generated")
        document.lineage = .newStore(at: now)
        let stakeholderCount = max(1, count / 20)
        for index in 0..<stakeholderCount {
            let stage = EngagementStage.allCases[index % EngagementStage.allCases.count]
            document.add(Stakeholder(id: "person-\(index)", name: "Person \(index)", role: "Manager",
                                     team: "Team \(index % 12)", stage: stage))
        }
        for id in 1...max(1, count) {
            var checklist = document.template
            for (position, entry) in checklist.allSteps.enumerated() where (id + position) % 3 == 0 {
                if let (section, index) = checklist.location(ofStep: entry.step.id) {
                    checklist[section][index].tick = Tick(at: now, by: "bench")
                }
            }
            document.add(TrainingOrder(
                id: id, title: "Generated order \(id) about a learning need",
                request: "A request in the requester's words, number \(id), asking for a ready-made solution.",
                stakeholderID: "person-\(id % stakeholderCount)", audience: "Team \(id % 12)",
                received: today.adding(days: -(id % 60)), due: id % 7 == 0 ? nil : today.adding(days: id % 90 - 30),
                priority: Priority.allCases[id % 3], status: id % 10 == 0 ? .delivered : .inProgress,
                tags: ["tag\(id % 8)"], checklist: checklist))
        }
        return document
    }
}
