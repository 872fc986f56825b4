import Foundation

/// Which limit a 429 hit (`X-RateLimit-Scope`).
public enum RateLimitScope: String, Sendable, Codable, Hashable {
    case user, global, shared
}

/// Fixed-window counters for the global limit and per-route buckets (keyed by bucket name +
/// major parameter). `admit` either consumes one request and returns the bucket headers, or
/// refuses without consuming, so a request that gets 429 is never executed.
struct RateLimiter: Sendable {
    struct Window: Sendable {
        var count = 0
        var resetAt: Date = .distantPast
    }

    enum Decision {
        case allowed(headers: [String: String])
        case limited(scope: RateLimitScope, retryAfter: TimeInterval, headers: [String: String])
    }

    var configuration: RateLimitConfiguration
    private var windows: [String: Window] = [:]
    private var globalWindows: [String: Window] = [:]

    init(configuration: RateLimitConfiguration) { self.configuration = configuration }

    /// A stable, Discord-looking bucket hash for a bucket name.
    static func hash(_ name: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return String(format: "%016llx", value) + String(format: "%016llx", value &* 31 &+ 7)
    }

    /// Checks the global limit for `bot`, then bucket `name` for `major`; consumes on success.
    mutating func admit(bot: String, bucket name: String, major: String, extra: (String, RateLimitConfiguration.Limit)?, now: Date) -> Decision {
        var globalWindow: Window?
        if let global = configuration.global {
            var window = globalWindows[bot] ?? Window()
            if window.resetAt <= now { window = Window(count: 0, resetAt: now + global.window) }
            if window.count >= global.limit {
                let retry = window.resetAt.timeIntervalSince(now)
                return .limited(scope: .global, retryAfter: retry, headers: ["X-RateLimit-Global": "true"])
            }
            window.count += 1
            globalWindow = window
        }
        let limit = configuration.limit(for: name)
        let key = "\(name)|\(major)"
        var window = windows[key] ?? Window()
        if window.resetAt <= now { window = Window(count: 0, resetAt: now + limit.window) }
        var extraWindow: Window?
        let extraKey = extra.map { "\($0.0)|\(major)" }
        if let (_, extraLimit) = extra, let extraKey {
            var w = windows[extraKey] ?? Window()
            if w.resetAt <= now { w = Window(count: 0, resetAt: now + extraLimit.window) }
            extraWindow = w
        }
        if configuration.enabled, window.count >= limit.limit {
            let headers = Self.headers(name: name, limit: limit.limit, remaining: 0, resetAt: window.resetAt, now: now)
            return .limited(scope: .user, retryAfter: window.resetAt.timeIntervalSince(now), headers: headers)
        }
        if configuration.enabled, let (_, extraLimit) = extra, let w = extraWindow, w.count >= extraLimit.limit {
            // A sublimit: the bucket still has room, but this kind of change does not.
            let headers = Self.headers(name: name, limit: limit.limit, remaining: limit.limit - window.count,
                                       resetAt: window.resetAt, now: now)
            return .limited(scope: .user, retryAfter: w.resetAt.timeIntervalSince(now), headers: headers)
        }
        if let globalWindow { globalWindows[bot] = globalWindow }
        window.count += 1
        windows[key] = window
        if var w = extraWindow, let extraKey {
            w.count += 1
            windows[extraKey] = w
        }
        return .allowed(headers: Self.headers(name: name, limit: limit.limit, remaining: limit.limit - window.count,
                                              resetAt: window.resetAt, now: now))
    }

    /// The bucket's current headers without consuming (for faults and errors before admission).
    func peekHeaders(bucket name: String, major: String, now: Date) -> [String: String] {
        let limit = configuration.limit(for: name)
        var window = windows["\(name)|\(major)"] ?? Window()
        if window.resetAt <= now { window = Window(count: 0, resetAt: now + limit.window) }
        return Self.headers(name: name, limit: limit.limit, remaining: max(0, limit.limit - window.count),
                            resetAt: window.resetAt, now: now)
    }

    static func headers(name: String, limit: Int, remaining: Int, resetAt: Date, now: Date) -> [String: String] {
        [
            "X-RateLimit-Limit": String(limit),
            "X-RateLimit-Remaining": String(max(0, remaining)),
            "X-RateLimit-Reset": String(format: "%.3f", resetAt.timeIntervalSince1970),
            "X-RateLimit-Reset-After": String(format: "%.3f", max(0, resetAt.timeIntervalSince(now))),
            "X-RateLimit-Bucket": hash(name),
        ]
    }
}
