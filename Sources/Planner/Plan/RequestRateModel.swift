import DiscordTypes

/// A model of Discord's rate limits, for the plan's duration estimate (documented in
/// docs/plan-json.md). Discord does not publish per-route numbers; these are typical.
///
/// estimate = max(longest bucket wait + one round trip, requests / global rate,
///                longest dependency chain × round trip)
/// where a bucket (route + major parameter) allowing `limit` requests per `window` seconds
/// that must carry `n` requests waits `floor((n - 1) / limit) × window`.
public struct RequestRateModel: Hashable, Sendable, Codable {
    /// Global limit per bot (requests per second).
    public var globalPerSecond: Double
    /// One request's round trip, which dependent requests cannot overlap.
    public var roundTripSeconds: Double
    /// Limits per rate-limit family (`DiscordEndpoint.family`); others use `defaultLimit`.
    public var routes: [String: BucketLimit]
    public var defaultLimit: BucketLimit

    /// `limit` requests per `windowSeconds`, per major parameter (guild or channel).
    public struct BucketLimit: Hashable, Sendable, Codable {
        public var limit: Int
        public var windowSeconds: Double
        public init(limit: Int, windowSeconds: Double) {
            self.limit = limit
            self.windowSeconds = windowSeconds
        }
    }

    public init(
        globalPerSecond: Double, roundTripSeconds: Double, routes: [String: BucketLimit],
        defaultLimit: BucketLimit
    ) {
        self.globalPerSecond = globalPerSecond
        self.roundTripSeconds = roundTripSeconds
        self.routes = routes
        self.defaultLimit = defaultLimit
    }

    /// Typical limits observed on Discord: 50 req/s globally, 5 per 5 s on most write
    /// routes per guild or channel, 10 per 10 s for member role changes (adds and removes
    /// share one bucket) per guild.
    public static let discord = RequestRateModel(
        globalPerSecond: 50, roundTripSeconds: 0.2,
        routes: [DiscordEndpoint.addMemberRole.family: BucketLimit(limit: 10, windowSeconds: 10)],
        defaultLimit: BucketLimit(limit: 5, windowSeconds: 5))

    /// Estimated seconds to apply `changes` (see the type's documentation).
    public func estimate(_ changes: [Change]) -> Double {
        var buckets: [Bucket: Int] = [:]
        var total = 0
        var depth: [Int] = Array(repeating: 0, count: changes.count)
        var longest = 0
        for (position, change) in changes.enumerated() {
            let cost = change.requestCount
            let before = change.dependencies.filter { $0 < position }.map { depth[$0] }.max() ?? 0
            depth[position] = before + cost
            longest = max(longest, depth[position])
            guard cost > 0, let bucket = change.operation.bucketKey(guild: 0),
                  let family = change.operation.endpoint?.family else { continue }
            total += cost
            buckets[Bucket(family: family, key: bucket), default: 0] += cost
        }
        guard total > 0 else { return 0 }
        var wait = 0.0
        for (bucket, count) in buckets {
            let limit = routes[bucket.family] ?? defaultLimit
            wait = max(wait, Double((count - 1) / max(1, limit.limit)) * limit.windowSeconds)
        }
        return max(wait + roundTripSeconds, Double(total) / globalPerSecond,
                   Double(longest) * roundTripSeconds)
    }
}

private struct Bucket: Hashable {
    var family: String
    /// Family and major parameter.
    var key: String
}
