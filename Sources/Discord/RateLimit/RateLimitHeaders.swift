import DiscordTypes
import Foundation

/// The rate-limit facts of one response, read from `X-RateLimit-*`, `Retry-After` and a
/// 429 body.
struct RateLimitHeaders: Sendable, Hashable {
    var bucket: String?
    var limit: Int?
    var remaining: Int?
    var resetAfter: Double?
    /// `user`, `global` or `shared` (429 only).
    var scope: String?
    var isGlobal = false
    /// Seconds to wait after a 429.
    var retryAfter: Double?

    init(_ response: HTTPResponse) {
        let headers = response.headers
        bucket = headers["X-RateLimit-Bucket"]
        limit = headers["X-RateLimit-Limit"].flatMap { Int($0) }
        remaining = headers["X-RateLimit-Remaining"].flatMap { Int($0) }
        resetAfter = headers["X-RateLimit-Reset-After"].flatMap { Double($0) }
        scope = headers["X-RateLimit-Scope"]?.lowercased()
        isGlobal = headers["X-RateLimit-Global"]?.lowercased() == "true" || scope == "global"
        guard response.status == 429 else { return }
        if let body = try? DiscordJSON.decoder().decode(RateLimitedBody.self, from: response.body) {
            retryAfter = body.retryAfter
            if body.global { isGlobal = true }
        }
        if retryAfter == nil { retryAfter = headers["Retry-After"].flatMap { Double($0) } }
        if retryAfter == nil { retryAfter = resetAfter }
    }
}
