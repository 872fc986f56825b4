import DiscordTypes
import Foundation

/// A failure the emulator injects on matching requests, for testing retries and limiters.
///
/// ```swift
/// await emulator.inject(Fault(.serverError(502), on: .route("POST /guilds/{guild_id}/channels"), times: 2))
/// ```
public struct Fault: Sendable, Hashable, Codable {
    /// What happens to a matching request.
    public enum Kind: Sendable, Hashable, Codable {
        /// Answer with this 5xx (or any) status; the request is not executed unless
        /// `executed` is true (a "lost response": the change happens, the client sees an error).
        case serverError(Int, executed: Bool = false)
        /// Answer normally after `seconds` of latency.
        case latency(seconds: Double)
        /// Never answer in time: wait `seconds` (default 30) before an empty 504, so the
        /// client's own timeout fires. The request is not executed.
        case timeout(seconds: Double = 30)
        /// Answer 429 with this scope and `retry_after`, without executing (a 429 storm).
        case rateLimited(retryAfter: Double, scope: RateLimitScope = .user)
    }

    /// Which requests a fault applies to.
    public enum Matcher: Sendable, Hashable, Codable {
        /// Every request.
        case any
        /// A route key such as `POST /guilds/{guild_id}/channels` (see the request log).
        case route(String)
        /// Requests with this method whose path (without `/api/v10`) starts with `prefix`.
        case path(method: String?, prefix: String)
    }

    public var kind: Kind
    public var matcher: Matcher
    /// How many matching requests the fault affects; nil = until cleared.
    public var remaining: Int?

    public init(_ kind: Kind, on matcher: Matcher = .any, times: Int? = 1) {
        self.kind = kind
        self.matcher = matcher
        self.remaining = times
    }

    func matches(method: String, routeKey: String, path: String) -> Bool {
        switch matcher {
        case .any: return true
        case .route(let key): return key == routeKey
        case .path(let m, let prefix): return (m == nil || m?.uppercased() == method) && path.hasPrefix(prefix)
        }
    }
}

/// One request as the emulator saw it: what was asked and what it answered.
public struct LoggedRequest: Sendable, Hashable, Codable {
    public var method: String
    /// The path as requested, without the query string.
    public var path: String
    /// The route key (`PATCH /channels/{channel_id}`), or nil for unknown routes.
    public var route: String?
    public var status: Int
    /// The parsed JSON body, if any.
    public var body: JSONValue?
    /// Discord's error code for error answers.
    public var errorCode: Int?
    /// The 429 scope, for rate-limited answers.
    public var scope: RateLimitScope?
    public var time: Date
    /// The `User-Agent` header as sent (Discord wants `DiscordBot (url, version)`).
    public var userAgent: String?
    /// The `X-Audit-Log-Reason` header, URL-decoded.
    public var auditLogReason: String?
}

/// The emulator's counters: requests, executed mutations, 429s by scope and invalid
/// requests (401/403/429 except `shared`) in the sliding window.
public struct EmulatorCounters: Sendable, Hashable, Codable {
    public var requests = 0
    public var executed = 0
    public var rateLimited: [RateLimitScope: Int] = [:]
    public var invalidInWindow = 0
    public var invalidTotal = 0
    public var byStatus: [Int: Int] = [:]
    public var faultsInjected = 0

    public init() {}

    /// 429s of every scope.
    public var totalRateLimited: Int { rateLimited.values.reduce(0, +) }
}
