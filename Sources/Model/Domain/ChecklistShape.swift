import Synchronization

/// A checklist's steps without their ticks, the four sections one after another: what
/// most of a store's checklists have alike. One copy is shared by every checklist whose
/// steps read the same (most orders keep their template's), so that a big store holds a
/// few shapes and a list of ticks an order, not twelve whole steps an order.
final class ChecklistShape: Sendable {
    /// Every step, ticks cleared, in display order.
    let steps: [ChecklistStep]
    /// Where each section's steps end in `steps`, in `ChecklistSection.allCases` order.
    let sectionEnds: [Int]
    /// Whether any step was added by hand rather than copied from a template.
    let hasCustomSteps: Bool

    private init(steps: [ChecklistStep], sectionEnds: [Int]) {
        self.steps = steps
        self.sectionEnds = sectionEnds
        hasCustomSteps = steps.contains(where: \.isCustom)
    }

    static let empty = ChecklistShape(steps: [], sectionEnds: ChecklistSection.allCases.map { _ in 0 })

    /// The range of `section`'s steps in `steps`.
    func range(of section: ChecklistSection) -> Range<Int> {
        let index = section.index
        return (index == 0 ? 0 : sectionEnds[index - 1])..<sectionEnds[index]
    }

    /// The section the step at `index` of `steps` is in.
    func section(of index: Int) -> ChecklistSection {
        ChecklistSection.allCases.first { range(of: $0).contains(index) } ?? .shiftMindset
    }

    func holdsSame(_ other: ChecklistShape) -> Bool {
        self === other || (sectionEnds == other.sectionEnds && steps == other.steps)
    }

    /// The shape of these steps (their ticks are not part of it), shared with the
    /// checklists seen lately whose steps are the same. Steps with members this version
    /// does not know keep a shape of their own: those members take no part in comparing
    /// steps, and each checklist must write back its own.
    static func shared(steps: [ChecklistStep], sectionEnds: [Int]) -> ChecklistShape {
        guard !steps.isEmpty else { return empty }
        let untickedSteps = steps.contains { $0.tick != nil } ? steps.map(\.withoutTick) : steps
        let shape = ChecklistShape(steps: untickedSteps, sectionEnds: sectionEnds)
        guard steps.allSatisfy(\.preserved.isEmpty) else { return shape }
        return recent.withLock { recent in
            if let index = recent.firstIndex(where: { $0.holdsSame(shape) }) {
                let found = recent[index]
                if index > 0 { recent.swapAt(index, index - 1) }
                return found
            }
            if recent.count == recentLimit { recent.removeLast() }
            recent.append(shape)
            return shape
        }
    }

    /// The shapes a store's checklists share are few (the template's, each order type's);
    /// an order with steps of its own has one of its own, which soon drops out of here.
    private static let recentLimit = 16
    private static let recent = Mutex<[ChecklistShape]>([])
}

extension ChecklistStep {
    var withoutTick: ChecklistStep {
        var step = self
        step.tick = nil
        return step
    }
}
