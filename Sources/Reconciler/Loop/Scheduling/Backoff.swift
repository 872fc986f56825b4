import Foundation

/// Exponential back-off for a failing club: `base · 2^(attempt-1)`, capped, with jitter drawn
/// from an injected generator so many clubs failing together do not retry in lockstep.
public struct Backoff: Hashable, Sendable {
    /// Delay before the first retry.
    public var base: Duration
    /// Upper bound of any delay (before jitter).
    public var cap: Duration
    /// Share of the delay that is random: 0.2 draws from [0.8·d, d].
    public var jitter: Double

    public init(base: Duration = .seconds(5), cap: Duration = .seconds(300), jitter: Double = 0.2) {
        self.base = base
        self.cap = cap
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before retry number `attempt` (1 for the first retry).
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = Double(min(max(attempt, 1) - 1, 30))
        let raw = min(base.seconds * pow(2, exponent), cap.seconds)
        let factor = 1 - jitter * Double.random(in: 0..<1, using: &generator)
        return .milliseconds(Int64((raw * factor * 1000).rounded()))
    }
}

extension Duration {
    /// This duration in (fractional) seconds.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
