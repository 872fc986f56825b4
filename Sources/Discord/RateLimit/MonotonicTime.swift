/// A monotonic time line over an injected `Clock`: instants are durations since the
/// client started, so the rate limiter can store and compare them without knowing the
/// clock's instant type. Waiting goes through the same clock, which is how tests drive
/// time by hand.
struct MonotonicTime: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    init(_ clock: any Clock<Duration>) {
        self = Self.make(clock)
    }

    private init(elapsed: @escaping @Sendable () -> Duration,
                 sleeper: @escaping @Sendable (Duration) async throws -> Void) {
        self.elapsed = elapsed
        self.sleeper = sleeper
    }

    private static func make<C: Clock<Duration>>(_ clock: C) -> MonotonicTime {
        let start = clock.now
        return MonotonicTime(
            elapsed: { start.duration(to: clock.now) },
            sleeper: { deadline in try await clock.sleep(until: start.advanced(by: deadline), tolerance: nil) })
    }

    /// Time since the client started.
    var now: Duration { elapsed() }

    /// Sleeps until `deadline` (a value of `now`); returns at once if it has passed.
    func sleep(until deadline: Duration) async throws {
        guard deadline > now else { return }
        try await sleeper(deadline)
    }
}
