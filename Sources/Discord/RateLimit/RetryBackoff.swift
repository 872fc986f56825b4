/// Capped exponential backoff with equal jitter, drawing from an injected generator so
/// tests are reproducible: `cap = min(maxDelay, baseDelay * 2^n)`, `delay(n) = cap/2 +
/// random(0 ... cap/2)`: waits grow for sure, yet retries of many requests spread out.
actor RetryBackoff {
    private let policy: RetryPolicy
    private var random: any RandomNumberGenerator & Sendable

    init(policy: RetryPolicy, random: any RandomNumberGenerator & Sendable) {
        self.policy = policy
        self.random = random
    }

    /// The wait before retry number `attempt` (0-based).
    func delay(attempt: Int) -> Duration {
        let base = policy.baseDelay.seconds * Double(1 << min(attempt, 20))
        let cap = min(policy.maxDelay.seconds, base)
        guard cap > 0 else { return .zero }
        return .fractionalSeconds(cap / 2 + Double.random(in: 0...(cap / 2), using: &random))
    }
}

/// A small, fast, seedable generator (SplitMix64): reproducible jitter in tests and benchmarks,
/// seeded from the system generator in production. The client's retries and the daemon's
/// back-off both use it.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeded from the system generator (production jitter).
    public init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
