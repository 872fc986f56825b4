/// `GET /gateway/bot`: where to open the gateway WebSocket, how many shards Discord
/// recommends, and how many session starts (Identify) remain (DISCORD.md §8).
public struct GatewayBotInfo: Hashable, Sendable, Codable {
    /// `wss://gateway.discord.gg`; connect with `?v=10&encoding=json`.
    public var url: String
    /// The recommended number of shards.
    public var shards: Int
    public var sessionStartLimit: SessionStartLimit

    /// The identify budget: `remaining` of `total` session starts until `resetAfter`
    /// milliseconds from now; at most `maxConcurrency` identifies per 5 seconds.
    public struct SessionStartLimit: Hashable, Sendable, Codable {
        public var total: Int
        public var remaining: Int
        /// Milliseconds until `remaining` goes back to `total`.
        public var resetAfter: Int
        public var maxConcurrency: Int

        public init(total: Int, remaining: Int, resetAfter: Int, maxConcurrency: Int) {
            self.total = total
            self.remaining = remaining
            self.resetAfter = resetAfter
            self.maxConcurrency = maxConcurrency
        }

        enum CodingKeys: String, CodingKey {
            case total, remaining
            case resetAfter = "reset_after"
            case maxConcurrency = "max_concurrency"
        }
    }

    public init(url: String, shards: Int, sessionStartLimit: SessionStartLimit) {
        self.url = url
        self.shards = shards
        self.sessionStartLimit = sessionStartLimit
    }

    enum CodingKeys: String, CodingKey {
        case url, shards
        case sessionStartLimit = "session_start_limit"
    }
}
