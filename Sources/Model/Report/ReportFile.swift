/// Writes a report where the user asked, whole or not at all.
public enum ReportFile {
    public static func write(_ text: String, to path: String) throws(StoreError) {
        do { try FileSystem.replace(path, with: Array(text.utf8)) } catch {
            throw .notSaved(path: path, reason: error.reason)
        }
    }
}
