/// Counters a `DiscordClient` keeps for tests, benchmarks and the daemon's status output.
public struct ClientMetrics: Sendable, Hashable, CustomStringConvertible {
    /// Requests handed to the transport (each retry counts).
    public var requestsSent = 0
    /// 429 answers of any scope.
    public var rateLimited = 0
    /// 429 answers with scope `global`.
    public var globalRateLimited = 0
    /// 429 answers with scope `shared` (these don't count as invalid requests).
    public var sharedRateLimited = 0
    /// Re-sends after a 5xx, timeout or connection failure (429 re-sends are not counted here).
    public var retries = 0
    /// Times a request waited before sending because its bucket (or the global window) was spent.
    public var preemptiveWaits = 0
    /// 401/403/non-shared-429 answers still inside the breaker's window.
    public var invalidRequestsInWindow = 0
    /// Requests waiting behind another request of the same bucket right now.
    public var queued = 0

    public init() {}

    public var description: String {
        "sent=\(requestsSent) 429s=\(rateLimited) (global \(globalRateLimited), shared \(sharedRateLimited)) retries=\(retries) waits=\(preemptiveWaits) invalid=\(invalidRequestsInWindow)"
    }
}
