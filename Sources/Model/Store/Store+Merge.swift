extension Store {
    /// Reads a store file for a merge: its document, or why it cannot take part in one
    /// (it does not parse, it breaks a rule, or a newer fours wrote it). Nil when the
    /// file is missing or empty, as git gives a merge with no common version.
    public static func readForMerge(path: String) throws(StoreError) -> StoreDocument? {
        guard let contents = try readFile(path, shownAs: path),
              contents.bytes.contains(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else { return nil }
        let reading: StoreDocument.Reading
        do { reading = try StoreDocument.read(bytes: contents.bytes) } catch { throw .syntax(path: path, error) }
        if reading.isNewerVersion {
            throw .readOnly(path: path, reason: "written by a newer fours (schema \(reading.schemaVersion ?? 0))")
        }
        if let problem = reading.problems.first { throw .invalid(path: path, problem) }
        return reading.document
    }

    /// Writes a whole document over the file at `path`, atomically, in the file's own
    /// line endings; for a merge that git asked for, outside any lock.
    public static func write(_ document: StoreDocument, over path: String) throws(StoreError) {
        let file = FileSystem.resolvingLinks(path)
        var style = FileStyle()
        if let contents = try? FileSystem.read(file) { style = FileStyle(of: contents.bytes) }
        do {
            try FileSystem.replace(file, with: style.apply(to: JSONWriter.pieces(for: document.json)))
        } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
    }
}
