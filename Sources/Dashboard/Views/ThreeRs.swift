import Model

/// The three R's of a relationship, spelled out: "3 R's: rapport 2/3, reputation 1/3,
/// relationships –/3"; nil when none is set.
enum ThreeRs {
    static func text(for stakeholder: Stakeholder) -> String? {
        let ratings = [("rapport", stakeholder.rapport), ("reputation", stakeholder.reputation),
                       ("relationships", stakeholder.relationships)]
        guard ratings.contains(where: { $0.1 != nil }) else { return nil }
        return "3 R's: " + ratings.map { "\($0.0) \($0.1.map(String.init) ?? "–")/3" }.joined(separator: ", ")
    }
}
