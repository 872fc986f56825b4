/// Discord's gateway send limit: 120 frames per 60 s per connection (DISCORD.md §8);
/// exceeding it closes the connection with 4008. A sliding window over monotonic
/// instants (seconds since the connection opened), so it is pure and testable.
public struct GatewaySendLimiter: Sendable, Hashable {
    public let limit: Int
    public let window: Double
    private var sent: [Double] = []

    public init(limit: Int = 120, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before a send at `now` is allowed (0 = now). `reserve` slots are kept
    /// for heartbeats: ordinary frames may use only `limit - reserve`.
    public func delay(at now: Double, reserve: Int = 0) -> Double {
        let recent = sent.filter { $0 > now - window }
        guard recent.count >= limit - reserve else { return 0 }
        let blocking = recent[recent.count - (limit - reserve)]
        return max(0, blocking + window - now)
    }

    /// Records a send at `now`.
    public mutating func record(at now: Double) {
        sent.removeAll { $0 <= now - window }
        sent.append(now)
    }
}
