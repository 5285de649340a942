/// The fields forms have, by name: a form looks its values up by these, never by strings,
/// so a misspelt field is a compile error.
enum FieldID: String, Sendable {
    case arrival, audience, baseline, conflicts, cost, decision, due, hours, metric, name, note, owner, owners, people, priority, problem, purpose, rapport, reason, received, relationships, reputation, request, result, role, size, stage, stakeholder, status, tag, tags, target, team, text, title, touchpoint, type
}
