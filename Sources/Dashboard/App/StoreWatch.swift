import Model
#if canImport(Glibc)
import Glibc
#endif

/// Tells the program loop at once when the store file is written, replaced or removed,
/// by watching its folder with inotify: another person's tick shows in milliseconds rather
/// than at the next once-a-second look (which stays, for file systems that send no events,
/// such as a network share changed from another machine).
final class StoreWatch {
    /// Readable when something happened in the folder; -1 when inotify is not available.
    let descriptor: Int32
    private let fileName: [UInt8]

    init(file: String) {
        let slash = file.lastIndex(of: "/")
        let folder = slash.map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? "."
        fileName = Array((slash.map { String(file[file.index(after: $0)...]) } ?? file).utf8)
        var watching = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_ATTRIB)
        if watching >= 0 && inotify_add_watch(watching, folder, events) < 0 {
            close(watching)
            watching = -1
        }
        descriptor = watching
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads what happened since the last call: whether any of it concerns the store file.
    func storeChanged() -> Bool {
        guard descriptor >= 0 else { return false }
        var concernsStore = false
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return concernsStore }
            // Each event: watch (4), mask (4), cookie (4), name length (4), then the name,
            // padded with zero bytes.
            var offset = 0
            while offset + 16 <= count {
                let length = buffer[offset + 12..<offset + 16].reversed().reduce(0) { $0 << 8 | Int($1) }
                let name = buffer[offset + 16..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                if name.elementsEqual(fileName) { concernsStore = true }
                offset += 16 + length
            }
        }
    }
}
