/// The identify budget from `/gateway/bot`'s `session_start_limit` (1000 per 24 h; going
/// over resets the bot token). Counts identifies locally between refreshes.
public struct IdentifyBudget: Sendable, Hashable {
    public private(set) var remaining: Int
    /// Seconds (on the session's monotonic scale) at which the budget refills.
    public private(set) var resetsAt: Double

    public init(remaining: Int, resetsAt: Double) {
        self.remaining = remaining
        self.resetsAt = resetsAt
    }

    /// Seconds to wait before identifying at `now` (0 = now).
    public func wait(at now: Double) -> Double {
        remaining > 0 || now >= resetsAt ? 0 : resetsAt - now
    }

    /// Records one identify at `now`.
    public mutating func spend(at now: Double) {
        if remaining <= 0, now >= resetsAt { remaining = 1 }
        remaining -= 1
    }
}
