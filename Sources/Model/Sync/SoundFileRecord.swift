import Glibc

/// The store file as this machine last found it sound: read whole without a problem, or
/// written after its changes read back. While the file's status is the same (the same
/// file, size and modification and change times; writing it or giving it a name moves the
/// change time, which no one can set back), its text is that same sound text, and a
/// command that needs only a few orders may leave the others unread. Where each order is
/// in that text is recorded beside it, under the same status, so that such a command
/// need not read the whole file to find them.
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

    /// Where the orders of the store file with this status are, when that is recorded.
    func orderPlaces(of status: FileStatus) -> OrderPlaces? {
        guard let bytes = try? FileSystem.read(placesRecordPath)?.bytes,
              let text = Self.placesText(in: bytes, of: status) else { return nil }
        return OrderPlaces(text: text, fileSize: Int(status.size))
    }

    /// Records where the orders of the store file with this status are, unless that is
    /// recorded already: `places` is asked only then.
    func recordOrderPlaces(of status: FileStatus, _ places: () -> OrderPlaces?) {
        let heading = Array(Self.record(of: status).utf8)
        let recorded = try? OpenedFile.open(placesRecordPath)?.read(0..<heading.count)
        guard recorded != heading, let places = places(), (try? FileSystem.makePrivateFolder(folder)) != nil else { return }
        try? FileSystem.writeWithoutSync(placesRecordPath, with: heading + places.text)
    }

    private var placesRecordPath: String { "\(folder)/order-places" }

    /// The places in a record of them, when it is headed by the record of `status`.
    private static func placesText(in record: [UInt8], of status: FileStatus) -> ArraySlice<UInt8>? {
        let heading = Self.record(of: status).utf8
        guard record.starts(with: heading) else { return nil }
        return record[heading.count...]
    }

    private static func record(of status: FileStatus) -> String {
        "\(status.device) \(status.inode) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds) "
            + "\(status.changedSeconds).\(status.changedNanoseconds)\n"
    }
}
