/// How a `GatewaySession` identifies and how patiently it reconnects. Its description and
/// mirror never show the token.
public struct GatewayConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// The bot token; sent in Identify and Resume only, never logged.
    public var token: String
    public var intents: GatewayIntents
    /// `[shard_id, num_shards]`, or nil for a single connection.
    public var shard: [Int]?
    /// First delay before reconnecting after a failed connection; doubles up to `maxReconnectDelay`.
    public var reconnectDelay: Duration
    public var maxReconnectDelay: Duration
    /// The longest the session waits for the identify budget to refill before giving up
    /// with `GatewayError.identifyBudgetExhausted`.
    public var maxIdentifyWait: Duration
    /// Failed resume attempts before starting a new session instead.
    public var maxResumeAttempts: Int
    /// The wait before identifying again after Invalid Session: Discord asks for a random
    /// 1-5 s; this is the shortest, up to five times it is used (tests use zero).
    public var invalidSessionDelay: Duration
    /// Shared by the shards of one bot so their identifies are spaced (nil: one shard).
    public var identifyGate: IdentifyGate?

    public var description: String {
        "GatewayConfiguration(token: <redacted>, intents: \(intents.rawValue), shard: \(shard.map { "\($0)" } ?? "none"))"
    }
    public var customMirror: Mirror { Mirror(self, children: ["intents": intents, "shard": shard as Any]) }

    public init(token: String, intents: GatewayIntents, shard: [Int]? = nil,
                reconnectDelay: Duration = .seconds(1), maxReconnectDelay: Duration = .seconds(60),
                maxIdentifyWait: Duration = .seconds(900), maxResumeAttempts: Int = 3,
                invalidSessionDelay: Duration = .seconds(1)) {
        self.token = token
        self.intents = intents
        self.shard = shard
        self.reconnectDelay = reconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.maxIdentifyWait = maxIdentifyWait
        self.maxResumeAttempts = maxResumeAttempts
        self.invalidSessionDelay = invalidSessionDelay
    }
}

/// What a session has done so far, for logs, `!ping`, tests and the benchmark.
public struct GatewaySessionStats: Sendable, Hashable {
    public var connections = 0
    public var identifies = 0
    public var resumes = 0
    /// Resumes Discord answered with RESUMED.
    public var resumed = 0
    public var invalidSessions = 0
    public var reconnectRequests = 0
    public var heartbeatsSent = 0
    public var acksReceived = 0
    /// Connections closed because a heartbeat went unacknowledged.
    public var zombies = 0
    public var dispatches = 0
    public var framesSent = 0
    public var lastSequence: Int?
    public var sessionID: String?
    /// Seconds between the last heartbeat and its ACK.
    public var latency: Double?
    /// The heartbeat interval of the current connection, in milliseconds.
    public var heartbeatIntervalMs: Int?
    /// Seconds from Hello to the first heartbeat of the latest connection (the jitter).
    public var firstHeartbeatDelay: Double?

    public init() {}
}
