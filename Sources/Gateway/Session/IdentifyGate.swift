/// Spaces Identify frames across the shards of one bot: Discord allows `max_concurrency`
/// identifies per 5 seconds (DISCORD.md §8, `session_start_limit`). Shared by the sessions
/// of a shard set; waiting goes through the injected clock.
public actor IdentifyGate {
    let spacing: Duration
    let clock: any Clock<Duration>
    var nextAllowed: Duration = .zero
    let elapsed: @Sendable () -> Duration

    /// `spacing` between identifies: 5 s / `max_concurrency`.
    public init(spacing: Duration, clock: any Clock<Duration> = ContinuousClock()) {
        self.spacing = spacing
        self.clock = clock
        self.elapsed = Self.stopwatch(clock)
    }

    /// The gate Discord's `max_concurrency` calls for.
    public static func discord(maxConcurrency: Int, clock: any Clock<Duration> = ContinuousClock()) -> IdentifyGate {
        IdentifyGate(spacing: .seconds(5) / max(1, maxConcurrency), clock: clock)
    }

    private static func stopwatch<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Returns when this identify may be sent.
    public func wait() async {
        let now = elapsed()
        let at = max(now, nextAllowed)
        nextAllowed = at + spacing
        if at > now { try? await clock.sleep(for: at - now, tolerance: nil) }
    }
}
