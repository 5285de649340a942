import Foundation
@testable import Model
import TestSupport
import Testing

/// The changes `fours undo` can take back, kept as the newest twenty: recording one leaves
/// the others as their text, and the file is what writing all of them anew gives.
@Suite struct ChangeHistoryTests: InAStoreFolder {
    let folder: TemporaryFolder

    private var history: ChangeHistory { ChangeHistory(storePath: path, stateFolder: folder.file("state")) }

    /// Ticks and unticks steps of the demo store, one change each, by two people in turn.
    private func changes(_ count: Int) throws -> [ChangeSnapshot] {
        var document = Fixture.demo
        return try (0..<count).map { index in
            let order = document.orders[index % document.orders.count]
            let step = order.checklist.allSteps[index % 12].step
            let before = document
            let operation = StoreOperation.setStep(order: order.id, step: step.id,
                                                   tick: step.isDone ? nil : Tick(at: Fixture.now, by: index % 2 == 0 ? "ana" : "ben"))
            try operation.apply(to: &document)
            return ChangeSnapshot(operation, before: before, after: document, by: index % 2 == 0 ? "ana" : "ben", at: Fixture.now)
        }
    }

    @Test func recordingKeepsTheNewestTwentyAsWritingThemAllAnewWould() throws {
        let snapshots = try changes(25)
        for (count, snapshot) in snapshots.enumerated() {
            history.record(snapshot)
            let expected = JSONWriter.bytes(for: .array(snapshots[...count].suffix(ChangeHistory.kept).map(\.json)))
            #expect(try FileSystem.read(history.path)?.bytes == expected, "after \(count + 1) changes")
        }
        #expect(history.last(by: "ana") == snapshots[24] && history.last(by: "ben") == snapshots[23])
    }

    @Test func aFileLaidOutOtherwiseIsReadAndWrittenWhole() throws {
        let snapshots = try changes(3)
        // One line, as another JSON writer might leave it.
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(
            with: Data(JSONWriter.bytes(for: .array(snapshots.prefix(2).map(\.json))))))
        try FileSystem.writeWithoutSync(history.path, with: Array(compact))
        #expect(ChangeHistory.snapshotTexts(in: Array(compact)) == nil)
        history.record(snapshots[2])
        #expect(try FileSystem.read(history.path)?.bytes == JSONWriter.bytes(for: .array(snapshots.map(\.json))))
    }
}
