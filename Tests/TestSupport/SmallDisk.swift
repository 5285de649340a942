import Model
import Glibc

/// A 160 KB tmpfs in a folder, to fill up: the way tests make a save fail as on a full
/// disk. Mounting needs root, which CI has; without it the test says so and fails. Unmount
/// it when done (`defer { disk.unmount() }`).
public struct SmallDisk {
    public let path: String

    public init(in folder: TemporaryFolder) throws {
        path = folder.file("disk")
        mkdir(path, 0o755)
        let mounted = Command.run(["/bin/mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", path])
        guard mounted.status == 0 else {
            throw TestFailure("this test mounts a 160 KB tmpfs to fill a disk, and needs root for it: \(mounted.output)")
        }
    }

    public func unmount() {
        _ = Command.run(["/bin/umount", "-l", path])
    }

    /// Fills what is left, so that the next save cannot write its temporary file.
    public func fill() {
        _ = Command.run(["/bin/dd", "if=/dev/zero", "of=\(path)/filler", "bs=4k", "count=1000"])
    }

    public func free() {
        unlink("\(path)/filler")
    }
}

/// The error a call throws, or nil when it succeeds.
public func thrownError<Failure: Error>(_ body: () throws(Failure) -> Void) -> Failure? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The error a store call throws, or nil when it succeeds.
public func storeError(_ body: () throws(StoreError) -> Void) -> StoreError? {
    thrownError(body)
}
