import Foundation

/// Where the emulator reads the current time: snowflake ids, timestamps and rate-limit
/// windows all come from it, so tests can move time instead of sleeping.
public struct EmulatorClock: Sendable {
    /// Returns the current instant.
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The wall clock.
    public static let system = EmulatorClock { Date() }

    /// A clock that only moves when a test moves it.
    public static func manual(_ time: ManualTime) -> EmulatorClock {
        EmulatorClock { time.now }
    }
}

/// A settable instant for tests: `advance(by:)` moves every rate-limit window forward.
public final class ManualTime: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_796_000_000)) { current = start }

    /// The instant the emulator sees.
    public var now: Date { lock.withLock { current } }

    /// Moves time forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    /// Sets time to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }
}
