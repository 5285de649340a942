import Glibc

/// The store file as this machine last found it sound: read whole without a problem, or
/// written after its changes read back. While the file's status is the same (the same
/// file, size and modification and change times; writing it or giving it a name moves the
/// change time, which no one can set back), its text is that same sound text, and a
/// command that needs only a few orders may leave the others unread.
extension SyncVersions {
    private var soundRecordPath: String { "\(folder)/sound-file" }

    /// Whether the store file with this status is the one last found sound.
    func isKnownSound(_ status: FileStatus) -> Bool {
        guard let bytes = try? FileSystem.read(soundRecordPath)?.bytes else { return false }
        return String(decoding: bytes, as: UTF8.self) == Self.record(of: status)
    }

    /// Remembers that the store file with this status reads whole without a problem.
    func recordSound(_ status: FileStatus) {
        guard !isKnownSound(status), (try? FileSystem.makePrivateFolder(folder)) != nil else { return }
        try? FileSystem.writeWithoutSync(soundRecordPath, with: Array(Self.record(of: status).utf8))
    }

    private static func record(of status: FileStatus) -> String {
        "\(status.device) \(status.inode) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds) "
            + "\(status.changedSeconds).\(status.changedNanoseconds)\n"
    }
}
