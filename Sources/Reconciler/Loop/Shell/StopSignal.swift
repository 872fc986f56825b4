import Foundation

/// A one-way flag the daemon raises on SIGTERM/SIGINT: a reconcile that sees it finishes the
/// change in flight, records it in the journal, and returns instead of starting the next one.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Whether a stop was requested.
    public var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Requests the stop; idempotent.
    public func stop() {
        lock.lock()
        raised = true
        lock.unlock()
    }
}
