import Foundation
import Spec
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per state store (and so per guild): an exclusive OS file lock (`flock`) on
/// `<state>.lock` beside the state store, held by `apply` and by each daemon pass for as
/// long as they plan and write. The kernel drops the lock when its holder exits, however it
/// exits, so a killed holder never blocks the next run. The file holds the holder's pid so
/// a waiting run can say who it waits for.
public final class StateLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The lock file of a state store: `<state>.lock`.
    public static func lockFile(forState state: String) -> String { state + ".lock" }

    /// Takes the lock of the state store at `statePath`, waiting up to `timeout` (zero: fail
    /// at once; nil: wait as long as it takes). `waiting` is called once, with the holder's
    /// pid, when the lock is busy and the call is going to wait. The lock file's directory is
    /// created if missing (mode 0700); the file itself is created with mode 0600.
    public static func acquire(
        statePath: String, timeout: Duration?, clock: any Clock<Duration> = ContinuousClock(),
        pollInterval: Duration = .milliseconds(100), waiting: (Int32?) -> Void = { _ in }
    ) async throws(StateLockError) -> StateLock {
        let path = lockFile(forState: statePath)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotOpen(path, "cannot create its directory: \(FileProblem.describe(error))")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path, FileProblem.describe(errno: errno)) }
        let lock = StateLock(path: path, descriptor: fd)
        var waited: Duration = .zero
        var announced = false
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                lock.recordHolder()
                return lock
            }
            guard errno == EWOULDBLOCK else { throw .cannotOpen(path, FileProblem.describe(errno: errno)) }
            let holder = lock.holder()
            if let timeout, waited >= timeout { throw .locked(path: path, holder: holder, waited: waited) }
            if !announced {
                waiting(holder)
                announced = true
            }
            do { try await clock.sleep(for: pollInterval) } catch { throw .locked(path: path, holder: holder, waited: waited) }
            waited += pollInterval
        }
    }

    /// Releases the lock (also released when the process exits).
    public func release() { flock(descriptor, LOCK_UN) }

    /// The pid written by the current holder, if any.
    func holder() -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    private func recordHolder() {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}

/// Why the state lock could not be taken.
public enum StateLockError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Another run holds it (its pid, when it wrote one).
    case locked(path: String, holder: Int32?, waited: Duration)
    /// The lock file cannot be created or opened.
    case cannotOpen(String, String)

    public var description: String {
        switch self {
        case .locked(let path, let holder, let waited):
            let who = holder.map { "locked by pid \($0)" } ?? "locked by another run"
            let after = waited > .zero ? " after waiting \(waited.components.seconds) s" : ""
            return "the state store is \(who) (\(path))\(after); another apply or the daemon is changing this guild; wait for it, or pass --lock-timeout SECONDS to wait longer"
        case .cannotOpen(let path, let why):
            return "cannot open the state lock \(path): \(why)"
        }
    }
}
