import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a club's settings file the way an editor that cares does: the old file copied to
/// `<name>.bak` first, the new text written to a hidden temporary file beside it (same mode
/// as the old file), flushed, then renamed over it, so a reader (the daemon's watcher) sees
/// the old file or the new one, never half of one. One write at a time.
actor SettingsWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Replaces `directory/name` with `text`; returns the backup's name (nil when the file
    /// did not exist before).
    func write(_ text: String, name: String, in directory: URL) throws(Failure) -> String? {
        let target = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp-\(getpid())")
        let fm = FileManager.default
        var mode: Int = 0o644
        var backup: String?
        if fm.fileExists(atPath: target.path) {
            mode = ((try? fm.attributesOfItem(atPath: target.path)[.posixPermissions]) as? NSNumber)?.intValue ?? mode
            let backupURL = directory.appendingPathComponent(name + ".bak")
            do {
                if fm.fileExists(atPath: backupURL.path) { try fm.removeItem(at: backupURL) }
                try fm.copyItem(at: target, to: backupURL)
            } catch {
                throw Failure(description: "could not back up \(name) before writing it: \(error.localizedDescription)")
            }
            backup = backupURL.lastPathComponent
        }
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard fd >= 0 else { throw Failure(description: "could not write beside \(name) (errno \(errno))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary.path)
            throw Failure(description: "could not write \(name): \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw Failure(description: "could not replace \(name) (errno \(errno))")
        }
        return backup
    }
}
