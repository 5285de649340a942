import Foundation
@testable import Model
import TestSupport
import Testing
import Glibc

/// A store file is read a window at a time when it is laid out as fours writes it, and
/// whole otherwise; either way it reads the same.
@Suite struct WindowedReadTests: InAStoreFolder {
    let folder: TemporaryFolder

    private static func text(of document: StoreDocument) -> String {
        String(decoding: JSONWriter.bytes(for: document.json), as: UTF8.self)
    }

    private static let demo = text(of: Fixture.demo)

    /// Files laid out as fours writes them.
    enum LaidOut: String, CaseIterable {
        /// Big enough that windows end inside orders and inside strings.
        case generated, byteOrderMarkAndCRLF, noOrders, moreSpaceBetweenOrders, orderLongerThanAWindow

        private static let generatedText = WindowedReadTests.text(of: GeneratedStore.make(orders: 1_000, now: Fixture.now))

        var text: String {
            let generated = Self.generatedText
            switch self {
            case .generated: return generated
            case .byteOrderMarkAndCRLF: return "\u{FEFF}" + generated.replacingOccurrences(of: "\n", with: "\r\n")
            case .noOrders:
                var document = Fixture.demo
                for order in document.orders { _ = document.removeOrder(id: order.id) }
                return WindowedReadTests.text(of: document)
            case .moreSpaceBetweenOrders: return demo.replacingOccurrences(of: "\n    },\n    {\n", with: "\n    }  ,\n\n    {\n")
            case .orderLongerThanAWindow:
                var document = Fixture.demo
                document.updateOrder(id: 2) { $0.request = String(repeating: "a \\\"quoted\\\" request ", count: 200_000) }
                return WindowedReadTests.text(of: document)
            }
        }
    }

    /// Files laid out otherwise, or with a problem.
    enum Other: String, CaseIterable {
        case oneLine, ordersListInsideAnotherMember, orderWithALineLikeAnOrdersEnd, commaAfterTheLastOrder, problemInAnOrder

        var text: String {
            switch self {
            case .oneLine: demo.replacingOccurrences(of: "\n", with: " ")
            case .ordersListInsideAnotherMember:
                // One order in the store's list, and another where a list laid out alike
                // comes first: only the first must be read.
                WindowedReadTests.listInsideAnotherMember
            case .orderWithALineLikeAnOrdersEnd:
                demo.replacingOccurrences(of: "\"checklist\": {", with: "\"checklist\": {\n    }, \"extra\": {")
            case .commaAfterTheLastOrder:
                demo.replacingOccurrences(of: "\n    }\n  ],\n  \"revisions\"", with: "\n    },\n  ],\n  \"revisions\"")
            case .problemInAnOrder: demo.replacingOccurrences(of: "\"stakeholder\": \"", with: "\"stakeholder\": \"nobody-")
            }
        }
    }

    private static var listInsideAnotherMember: String {
        func keeping(_ id: Int) -> StoreDocument {
            var document = Fixture.demo
            for order in document.orders where order.id != id { _ = document.removeOrder(id: order.id) }
            return document
        }
        let second = text(of: keeping(2))
        let start = second.range(of: "\"orders\": [")!.upperBound
        let list = second[start..<second.range(of: "\n  ],", range: start..<second.endIndex)!.lowerBound]
        return text(of: keeping(1)).replacingOccurrences(of: "{\n  \"name\"", with: "{\n  \"x\": {\n  \"orders\": [\(list)\n  ]\n},\n  \"name\"")
    }

    private func windowedReading(of text: String) throws -> StoreDocument.Reading? {
        try FileText.write(text, to: path)
        let file = try #require(try OpenedFile.open(path))
        return StoreDocument.read(file: file, known: nil, checklistsLater: false)
    }

    @Test(arguments: LaidOut.allCases)
    func aFileLaidOutAsFoursWritesItReadsAWindowAtATimeAsItReadsWhole(layout: LaidOut) throws {
        let text = layout.text
        let bytes = Array(text.utf8)
        let whole = try StoreDocument.read(bytes: bytes)
        let windowed = try #require(try windowedReading(of: text))
        #expect(windowed.document == whole.document)
        #expect(windowed.problems.isEmpty)
        #expect(windowed.style == whole.style)
        #expect(windowed.orderTexts == StoredText.digested(whole.orderTexts, in: bytes))
        let checked = try #require(try Store.check(path: path))
        #expect(checked.document == whole.document && checked.problems.isEmpty)

        // Each order's place: its opening brace, at the line and column counted in the text.
        let opened = try #require(try OpenedFile.open(path))
        let outline = try #require(try FileOutline(opened))
        #expect(outline.orders.count == whole.document.orders.count)
        var (line, lineStart, counted) = (1, 0, 0)
        for place in outline.orders {
            #expect(bytes[place.range.lowerBound] == UInt8(ascii: "{") && bytes[place.range.upperBound - 1] == UInt8(ascii: "}"))
            for offset in counted..<place.range.lowerBound where bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            counted = place.range.lowerBound
            #expect(place.position == SourcePosition(line: line, column: place.range.lowerBound - lineStart + 1))
        }

        // Each order's sketch holds what places it in a list as the whole read has it.
        let sketched = try #require(StoreDocument.sketched(file: opened))
        #expect(sketched.document.orders.map(\.id) == whole.document.orders.map(\.id))
        for sketch in sketched.document.orders {
            let order = try #require(whole.document.order(id: sketch.id))
            #expect(sketch.status == order.status && sketch.due == order.due && sketch.priority == order.priority
                    && sketch.received == order.received && sketch.closedOn == order.closedOn
                    && sketch.owners == order.owners && sketch.details.type == order.details.type, "#\(sketch.id)")
        }
    }

    @Test(arguments: Other.allCases)
    func anyOtherFileIsReadWhole(layout: Other) throws {
        #expect(layout.text != Self.demo, "the case changes the demo store")
        #expect(try windowedReading(of: layout.text) == nil)
    }

    @Test func checklistsReadLaterComeFromTheFileAsOpenedUnlessItChangedInPlace() throws {
        let document = GeneratedStore.make(orders: 600, now: Fixture.now)
        try Store.create(path: path, document: document)
        // Replaced by another file: the checklists still come from the file as opened.
        let replaced = try Store(path: path, checklistsLater: true)
        #expect(!replaced.laterReading.isEmpty)
        var changed = document
        changed.updateOrder(id: document.orders[300].id) { $0.checklist = Checklist() }
        try FileText.write(String(decoding: JSONWriter.bytes(for: changed.json), as: UTF8.self), to: path + ".new")
        rename(path + ".new", path)
        let later = replaced.laterReading.read()
        #expect(later != nil)
        try replaced.takeLaterReading(later)
        #expect(replaced.laterReading.isEmpty && replaced.document == document)
        #expect(try replaced.reloadIfChanged() && replaced.document == changed)

        // Changed in place: that file is read again, whole.
        let inPlace = try Store(path: path, checklistsLater: true)
        try FileText.write(String(decoding: JSONWriter.bytes(for: document.json), as: UTF8.self), to: path)
        let read = inPlace.laterReading.read()
        #expect(read == nil)
        try inPlace.takeLaterReading(read)
        #expect(inPlace.laterReading.isEmpty && inPlace.document == document)
    }

    @Test func aVersionReadIsKeptAsItWasReadUnderItsSave() throws {
        let demo = Fixture.demo
        try Store.create(path: path, document: demo)
        let versions = SyncVersions(storePath: path, stateFolder: folder.file("state"))
        let store = try Store(path: path, versions: versions)
        // Another file takes the name before the version is kept: the one read is kept.
        var other = Fixture.demo
        other.name = "Replaced"
        try FileText.write(String(decoding: JSONWriter.bytes(for: other.json), as: UTF8.self), to: path + ".new")
        rename(path + ".new", path)
        store.keepVersionRead(inBackground: false)
        let kept = try #require(versions.version(ofNewest: other.lineage.revisions + demo.lineage.revisions))
        #expect(kept == demo && kept.lineage == demo.lineage)
        #expect(versions.version(ofNewest: other.lineage.revisions) == nil, "only what was read is kept")
    }
}
