import Foundation

/// Where formatted log lines go: a file handle (stderr by default) or, in tests, memory.
/// Serialises writers so lines from concurrent clubs never interleave.
public final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle?
    private var captured: [String] = []

    /// Writes lines to `handle` (standard error by default).
    public init(handle: FileHandle = .standardError) { self.handle = handle }

    /// Keeps lines in memory; read them with `lines`.
    public static func memory() -> LogSink { LogSink(memory: ()) }

    private init(memory: Void) { handle = nil }

    /// Lines written so far (memory sinks only).
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }

    public func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if let handle {
            handle.write(Data((line + "\n").utf8))
        } else {
            captured.append(line)
        }
    }
}
