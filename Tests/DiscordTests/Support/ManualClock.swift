import Foundation

/// A clock that only moves when a test says so. Sleepers are parked until `advance` passes
/// their deadline, so time-based behaviour is tested without real waiting.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleepers: [UInt64: Sleeper] = [:]
    private var nextID: UInt64 = 0

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .zero }

    /// Time since the clock was created.
    var elapsed: Duration { now.offset }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            if deadline <= current {
                lock.unlock()
                continuation.resume()
                return
            }
            nextID += 1
            sleepers[nextID] = Sleeper(deadline: deadline, continuation: continuation)
            lock.unlock()
        }
    }

    /// Tasks currently parked in `sleep`.
    var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// The earliest deadline of a parked sleeper.
    var nextDeadline: Instant? { lock.withLock { sleepers.values.map(\.deadline).min() } }

    /// Moves time to `instant` (never backwards) and wakes every sleeper whose deadline passed.
    func advance(to instant: Instant) {
        lock.lock()
        if instant > current { current = instant }
        let due = sleepers.filter { $0.value.deadline <= current }.sorted { $0.value.deadline < $1.value.deadline }
        for (id, _) in due { sleepers[id] = nil }
        lock.unlock()
        for (_, sleeper) in due { sleeper.continuation.resume() }
    }

    func advance(by duration: Duration) { advance(to: now.advanced(by: duration)) }

    /// Wakes the earliest sleepers; returns false if nobody sleeps.
    @discardableResult
    func advanceToNextDeadline() -> Bool {
        guard let deadline = nextDeadline else { return false }
        advance(to: deadline)
        return true
    }
}
