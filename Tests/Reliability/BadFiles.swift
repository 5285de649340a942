import Model
import TestSupport

/// Loads thousands of damaged and random store files. Each must either load or be refused
/// with a message that says where and what; none may crash the reader.
struct BadFiles: ReliabilityCheck {
    let count: Int

    func run() throws -> Report {
        let folder = try TemporaryFolder()
        let path = folder.file("store.json")
        let sound = JSONWriter.bytes(for: DemoStore.make(now: WallClock.system.now()).json)
        var generator = SystemRandomNumberGenerator()
        var loaded = 0
        var refusedClearly = 0
        var unclear: [String] = []
        for index in 0..<count {
            let bytes = index % 4 == 3 ? RandomDocument.bytes(using: &generator) : Mutation.apply(to: sound, using: &generator)
            try FileText.write(String(decoding: bytes, as: UTF8.self), to: path)
            do {
                _ = try Store(path: path, readOnly: true)
                loaded += 1
            } catch {
                if Self.isClear(error, path: path) { refusedClearly += 1 } else { unclear.append(error.message) }
            }
        }
        return Report(
            name: "damaged and random files",
            figures: "\(count) files, \(loaded) loaded, \(refusedClearly) refused with path, place and problem, "
                + "\(unclear.count) unclear, 0 crashes" + (unclear.isEmpty ? "" : "; first unclear: \(unclear[0])"),
            passed: unclear.isEmpty && loaded + refusedClearly == count)
    }

    /// A clear refusal names the file, a line and column where there is one, and the problem.
    private static func isClear(_ error: StoreError, path: String) -> Bool {
        switch error {
        case .syntax(_, let syntax): return !syntax.problem.isEmpty && syntax.position.line >= 1
        case .invalid(_, let invalid): return !invalid.problem.isEmpty && invalid.position != nil
        default: return error.message.contains(path)
        }
    }
}

/// Small damage of the kind editors, merges and bad copies do.
enum Mutation {
    private static let fragments = ["{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e999", "0.5", "\"orderTaker\"",
                                    "\"guru\"", "true", "\\u00e9", "\\uD800", "日本", "\u{0}", "\n", "\"id\": 1,"]

    static func apply<Generator: RandomNumberGenerator>(to original: [UInt8], using generator: inout Generator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &generator)))
            case 2: bytes.insert(contentsOf: Array(fragments.randomElement(using: &generator)!.utf8), at: at)
            case 3: bytes.removeSubrange(at...)
            case 4:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0..<bytes.count, using: &generator))
            default: bytes[at] = UInt8.random(in: 0...255, using: &generator)
            }
        }
        return bytes
    }
}

/// Well-formed JSON of random shape that uses the store's member names, to reach the
/// checks behind the parser.
enum RandomDocument {
    private static let keys = ["schemaVersion", "name", "orders", "stakeholders", "template", "id", "title",
                               "stakeholder", "received", "due", "stage", "status", "priority", "checklist",
                               "shiftMindset", "sureThing", "tickedAt", "tags", "stageHistory", "from", "to", "at"]

    static func bytes<Generator: RandomNumberGenerator>(using generator: inout Generator) -> [UInt8] {
        var root = JSONObject(["schemaVersion": .number(1)])
        for key in ["orders", "stakeholders", "template", "name"] where Bool.random(using: &generator) {
            root[key] = value(depth: 0, using: &generator)
        }
        return JSONWriter.bytes(for: .object(root))
    }

    private static func value<Generator: RandomNumberGenerator>(depth: Int, using generator: inout Generator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 4 ? 4 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number([0, 1, -3, 2.5, 1e300].randomElement(using: &generator)!)
        case 3:
            return .string(["", "x", "2026-11-25", "2026-02-30", "orderTaker", "high", "inProgress",
                            "2026-11-25T10:00:00Z", "日本"].randomElement(using: &generator)!)
        case 4, 5:
            return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                object[keys.randomElement(using: &generator)!] = value(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }
}
