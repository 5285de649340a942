/// Who ticked a step, and when.
public struct Tick: Sendable, Equatable {
    public var at: Timestamp
    public var by: String

    public init(at: Timestamp, by: String) {
        self.at = at
        self.by = by
    }
}

/// What a person can change about a step: its wording, a short note, and whether a
/// template step is hidden on this order.
public struct StepDetails: Sendable, Equatable {
    public var title: String
    public var note: String
    /// A template step that does not apply to this order: not shown, not counted, not lost.
    public var isHidden: Bool

    public init(title: String, note: String = "", isHidden: Bool = false) {
        self.title = title
        self.note = note
        self.isHidden = isHidden
    }
}

extension StepDetails: FieldwiseMergeable {
    public static var mergeFields: [MergeField<StepDetails>] { table.mergeFields }
}

/// One concrete thing to do in a 4S section, such as "agreed what success looks like".
@dynamicMemberLookup
public struct ChecklistStep: Sendable, Equatable, Identifiable {
    public var id: String
    public var details: StepDetails
    /// Added to this order by hand rather than copied from the template.
    public var isCustom: Bool
    public var tick: Tick?
    /// The step as it was read, so fields this version does not know survive a save.
    var preserved = PreservedFields()

    public init(id: String, title: String, tick: Tick? = nil, isCustom: Bool = false) {
        self.id = id
        self.details = StepDetails(title: title)
        self.isCustom = isCustom
        self.tick = tick
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<StepDetails, Value>) -> Value {
        get { details[keyPath: field] }
        set { details[keyPath: field] = newValue }
    }

    public var isDone: Bool { tick != nil }
}

/// How far a section, an order or a group of orders has got: done of total.
public struct Progress: Sendable, Equatable, CustomStringConvertible {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    public var fraction: Double { total == 0 ? 0 : Double(done) / Double(total) }
    public var isComplete: Bool { total > 0 && done == total }
    public var description: String { "\(done)/\(total)" }

    public static func + (lhs: Progress, rhs: Progress) -> Progress {
        Progress(done: lhs.done + rhs.done, total: lhs.total + rhs.total)
    }
}

/// The 4S checklist: the steps of each of the four sections, in order.
///
/// Held as the steps' shape, shared with the other checklists whose steps read the same,
/// and this checklist's ticks: a big store holds tens of thousands of checklists, most of
/// them a template's steps with a few ticks.
public struct Checklist: Sendable, Equatable {
    private var shape: ChecklistShape
    /// The steps ticked, in the shape's order: most steps of a big store are not.
    private var ticks: [PlacedTick]

    /// A tick, with its step's place in the shape.
    private struct PlacedTick: Sendable, Equatable {
        var step: Int
        var tick: Tick
    }

    public init(_ steps: [ChecklistSection: [ChecklistStep]] = [:]) {
        self.init(sections: ChecklistSection.allCases.map { steps[$0] ?? [] })
    }

    /// The checklist of these steps, the sections in `ChecklistSection.allCases` order.
    init(sections: [[ChecklistStep]]) {
        let steps = Array(sections.joined())
        var total = 0
        let ends = sections.map { section in
            total += section.count
            return total
        }
        shape = ChecklistShape.shared(steps: steps, sectionEnds: ends)
        ticks = Self.placedTicks(of: steps, from: 0)
    }

    public static func == (lhs: Checklist, rhs: Checklist) -> Bool {
        lhs.ticks == rhs.ticks && lhs.shape.holdsSame(rhs.shape)
    }

    /// One copy of the steps held for both (what lets a big store hold its checklists).
    func sharesSteps(with other: Checklist) -> Bool {
        shape === other.shape
    }

    /// The ticks of these steps, the first of them at `start` in the shape.
    private static func placedTicks(of steps: [ChecklistStep], from start: Int) -> [PlacedTick] {
        var placed: [PlacedTick] = []
        // No room to spare: a big store holds tens of thousands of these.
        placed.reserveCapacity(steps.count { $0.tick != nil })
        for (offset, step) in steps.enumerated() {
            if let tick = step.tick { placed.append(PlacedTick(step: start + offset, tick: tick)) }
        }
        return placed
    }

    private func tick(at index: Int) -> Tick? {
        ticks.first { $0.step == index }?.tick
    }

    private func step(at index: Int) -> ChecklistStep {
        var step = shape.steps[index]
        step.tick = tick(at: index)
        return step
    }

    public subscript(section: ChecklistSection) -> [ChecklistStep] {
        get { shape.range(of: section).map(step(at:)) }
        set {
            let range = shape.range(of: section)
            let sameShape = newValue.count == range.count && zip(newValue, shape.steps[range]).allSatisfy {
                $0.withoutTick == $1 && $0.preserved.isIdentical(to: $1.preserved)
            }
            guard sameShape else {
                var sections = ChecklistSection.allCases.map { self[$0] }
                sections[section.index] = newValue
                self = Checklist(sections: sections)
                return
            }
            let others = ticks.filter { !range.contains($0.step) }
            ticks = (others + Self.placedTicks(of: newValue, from: range.lowerBound)).sorted { $0.step < $1.step }
        }
    }

    /// Each ticked step of `section` (of every section when nil), with its section and
    /// tick, in display order: looking back over a big store's ticks makes no other step.
    public func forEachTick(in section: ChecklistSection? = nil,
                            _ body: (ChecklistSection, ChecklistStep, Tick) throws -> Void) rethrows {
        let range = section.map(shape.range(of:)) ?? shape.steps.indices
        for placed in ticks where range.contains(placed.step) {
            let found = section ?? shape.section(of: placed.step)
            var step = shape.steps[placed.step]
            step.tick = placed.tick
            try body(found, step, placed.tick)
        }
    }

    /// Hidden steps do not count.
    public func progress(of section: ChecklistSection) -> Progress {
        // Counted in place: every queue row asks at every frame, the stand-up for every order.
        let range = shape.range(of: section)
        var progress = Progress(done: 0, total: 0)
        for index in range where !shape.steps[index].details.isHidden { progress.total += 1 }
        for placed in ticks where range.contains(placed.step) && !shape.steps[placed.step].details.isHidden {
            progress.done += 1
        }
        return progress
    }

    public var progress: Progress {
        ChecklistSection.allCases.reduce(Progress(done: 0, total: 0)) { $0 + progress(of: $1) }
    }

    /// Every step with its section, in display order, hidden ones included.
    public var allSteps: [(section: ChecklistSection, step: ChecklistStep)] {
        steps(includingHidden: true)
    }

    /// The steps shown to the user, with their sections, in display order.
    public func steps(includingHidden: Bool) -> [(section: ChecklistSection, step: ChecklistStep)] {
        ChecklistSection.allCases.flatMap { section in
            shape.range(of: section).filter { includingHidden || !shape.steps[$0].details.isHidden }.map { (section, step(at: $0)) }
        }
    }

    /// The steps added to this order by hand, in display order; none for most orders,
    /// found without making the others.
    public var customSteps: [ChecklistStep] {
        shape.hasCustomSteps ? shape.steps.indices.filter { shape.steps[$0].isCustom }.map(step(at:)) : []
    }

    /// An id for a new step, unique in this checklist: a step added to one order is marked
    /// as such, a template's is not.
    public func newStepID(for title: String, prefix: String = "custom-") -> String {
        let slug = UniqueName.slug(title, words: 5)
        return UniqueName.make(prefix + (slug.isEmpty ? "step" : slug)) { location(ofStep: $0) != nil }
    }

    /// The step worded `title` (compared folded), other than `except`: two steps of one
    /// checklist worded alike cannot be told apart.
    public func step(titled title: String, except id: String? = nil) -> ChecklistStep? {
        let wanted = title.trimmingWhitespace.folded
        return allSteps.first { $0.step.id != id && $0.step.details.title.trimmingWhitespace.folded == wanted }?.step
    }

    public func location(ofStep id: String) -> (section: ChecklistSection, index: Int)? {
        guard let found = shape.steps.firstIndex(where: { $0.id == id }) else { return nil }
        let section = shape.section(of: found)
        return (section, found - shape.range(of: section).lowerBound)
    }

    /// The same steps, with their wording and explanation, every tick cleared: what a new
    /// order starts from.
    public var unticked: Checklist {
        var copy = self
        copy.ticks = []
        return copy
    }

    /// The template a new store starts with, written for L&D teams.
    public static let standardTemplate = Checklist([
        .shiftMindset: [
            ChecklistStep(id: "partner-questions", title: "Asked partner questions about the business problem"),
            ChecklistStep(id: "success-defined", title: "Agreed with them what success looks like"),
            ChecklistStep(id: "outcome-framing", title: "Restated the order as a business outcome"),
        ],
        .strategicApproach: [
            ChecklistStep(id: "measurement-built-in", title: "Built in a measure of what worked and what did not"),
            ChecklistStep(id: "needs-analysis-agreed", title: "Agreed a needs analysis, even if after delivery"),
            ChecklistStep(id: "ideal-process-proposed", title: "Proposed how the next request should run"),
        ],
        .surpriseAndDelight: [
            ChecklistStep(id: "unexpected-value", title: "Added something useful they did not ask for"),
            ChecklistStep(id: "gain-quantified", title: "Put a number on the gain (time or money saved)"),
            ChecklistStep(id: "before-after", title: "Set up a before-and-after measurement"),
        ],
        .sureThing: [
            ChecklistStep(id: "business-conversation", title: "Talked about their challenges, wins and goals"),
            ChecklistStep(id: "insight-recorded", title: "Wrote down what I learned about their business"),
            ChecklistStep(id: "follow-up-planned", title: "Planned the next touchpoint with them"),
        ],
    ])
}
