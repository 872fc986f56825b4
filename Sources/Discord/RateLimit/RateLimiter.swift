import Logging

/// Decides when each request may be sent, the way discord.js and twilight do.
///
/// - Routes are keyed by `METHOD template`; the `X-RateLimit-Bucket` hash each route reports
///   is remembered, so routes reporting the same hash share one bucket.
/// - Buckets and queues are keyed by `(hash ?? route) + major parameter`: `/channels/1` and
///   `/channels/2` are limited independently.
/// - Each queue (lane) runs one request at a time, in FIFO order; lanes run in parallel.
/// - Before sending: wait while the bucket's `Remaining` is 0 until `Reset-After` (plus a
///   margin), while a global 429 pause lasts, and while the global window
///   (`globalPerSecond` requests in any one-second window) is full.
/// - After a 429: the bucket (or, for scope `global`, every request) pauses `retry_after`.
/// - A circuit breaker counts 401/403/non-shared-429 answers in a sliding window; a 401 to a
///   bot-token request stops the client for good.
actor RateLimiter {
    struct Bucket {
        var limit: Int?
        var remaining: Int?
        var resetAt: Duration?
    }

    struct Lane {
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let policy: RateLimitPolicy
    private let breakerPolicy: CircuitBreakerPolicy
    private let time: MonotonicTime
    private let logger: Logger

    private var hashes: [String: String] = [:]
    private var buckets: [String: Bucket] = [:]
    private var lanes: [String: Lane] = [:]
    /// When the answers to recent global-counted requests arrived (oldest first).
    private var globalAnswered: [Duration] = []
    /// Global-counted requests sent and not yet answered.
    private var globalInFlight = 0
    private var globalPausedUntil: Duration = .zero
    private var invalidResponses: [Duration] = []
    private var stopped = false
    private(set) var metrics = ClientMetrics()

    init(policy: RateLimitPolicy, breaker: CircuitBreakerPolicy, time: MonotonicTime, logger: Logger) {
        self.policy = policy
        self.breakerPolicy = breaker
        self.time = time
        self.logger = logger
    }

    // MARK: Keys

    /// The bucket (and lane) a route's next request belongs to.
    func bucketKey(for route: Route) -> String {
        "\(hashes[route.key] ?? route.key)|\(route.majorParameter)"
    }

    /// The learned bucket hash of a route, if Discord reported one.
    func learnedHash(for route: Route) -> String? { hashes[route.key] }

    // MARK: Lanes

    /// Waits until the request is first in its lane; returns the lane key to leave later.
    ///
    /// Requests queued before the route's bucket hash was known stay in the route's own lane;
    /// later requests of that route join it while it drains, so a route's order never changes.
    func enterLane(for route: Route) async -> String {
        let routeLane = "\(route.key)|\(route.majorParameter)"
        let key = lanes[routeLane] != nil ? routeLane : bucketKey(for: route)
        if lanes[key] == nil {
            lanes[key] = Lane()
            return key
        }
        metrics.queued += 1
        await withCheckedContinuation { lanes[key, default: Lane()].waiters.append($0) }
        return key
    }

    /// Hands the lane to the next waiting request, or closes it.
    func leaveLane(_ key: String) {
        guard var lane = lanes[key], !lane.waiters.isEmpty else {
            lanes[key] = nil
            return
        }
        let next = lane.waiters.removeFirst()
        lanes[key] = lane
        metrics.queued -= 1
        next.resume()
    }

    // MARK: Permission

    /// Returns when `route` may be sent now, having reserved one request of its bucket and of
    /// the global window. Throws when the client is stopped or the breaker is open.
    func acquire(for route: Route) async throws {
        var waited = false
        while true {
            try Task.checkCancellation()
            try checkOpen(route)
            let now = time.now
            let key = bucketKey(for: route)
            var bucket = buckets[key] ?? Bucket()
            if let resetAt = bucket.resetAt, now >= resetAt {
                bucket.remaining = bucket.limit
                bucket.resetAt = nil
            }
            var wakeAt: Duration = .zero
            if let remaining = bucket.remaining, remaining <= 0, let resetAt = bucket.resetAt {
                wakeAt = max(wakeAt, resetAt)
            }
            if globalPausedUntil > now { wakeAt = max(wakeAt, globalPausedUntil) }
            if route.countsTowardsGlobalLimit {
                // A request occupies the global window from the moment it is sent until one
                // second after its answer arrived: the answer arrives after Discord counted it,
                // so however the latency varies, no second at Discord sees more than the limit.
                pruneGlobal(now: now)
                if globalInFlight + globalAnswered.count >= policy.globalPerSecond {
                    let freeAt = globalAnswered.first.map { $0 + globalWindow } ?? now + Self.inFlightPoll
                    wakeAt = max(wakeAt, freeAt)
                }
            }
            if wakeAt > now {
                buckets[key] = bucket
                if !waited { metrics.preemptiveWaits += 1 }
                waited = true
                try await time.sleep(until: wakeAt)
                continue
            }
            if let remaining = bucket.remaining { bucket.remaining = remaining - 1 }
            buckets[key] = bucket
            if route.countsTowardsGlobalLimit { globalInFlight += 1 }
            metrics.requestsSent += 1
            return
        }
    }

    private var globalWindow: Duration { .seconds(1) + policy.resetMargin }

    /// How often a request re-checks while the whole global window is in flight.
    static let inFlightPoll: Duration = .milliseconds(10)

    /// Marks the end of a request `acquire` let through (answered, failed or cancelled).
    func finished(_ route: Route) {
        guard route.countsTowardsGlobalLimit else { return }
        globalInFlight = max(0, globalInFlight - 1)
        globalAnswered.append(time.now)
    }

    private func pruneGlobal(now: Duration) {
        while let first = globalAnswered.first, now - first >= globalWindow { globalAnswered.removeFirst() }
    }

    /// Throws if the client may not send at all.
    func checkOpen(_ route: Route) throws {
        if stopped {
            throw DiscordError(kind: .clientStopped, route: route.description, status: 401,
                               message: "the client stopped after Discord rejected the bot token")
        }
        pruneInvalid(now: time.now)
        if invalidResponses.count >= breakerPolicy.threshold {
            throw DiscordError(
                kind: .circuitOpen, route: route.description,
                message: "circuit breaker open: \(invalidResponses.count) responses with status 401/403/429 in the last \(Int(breakerPolicy.window.seconds)) s (limit \(breakerPolicy.threshold); Discord bans at 10,000)")
        }
    }

    private func pruneInvalid(now: Duration) {
        let cutoff = now - breakerPolicy.window
        if let index = invalidResponses.firstIndex(where: { $0 > cutoff }) {
            if index > 0 { invalidResponses.removeFirst(index) }
        } else {
            invalidResponses.removeAll()
        }
        metrics.invalidRequestsInWindow = invalidResponses.count
    }

    // MARK: Learning from responses

    /// What a 429 asks of the request that received it.
    struct RateLimitVerdict: Sendable {
        var retryAfter: Duration
        /// The bucket still had room: the request itself must wait `retryAfter` before retrying.
        var sublimit: Bool
    }

    /// Updates buckets, pauses, breaker and counters from a response to `route`. Returns
    /// what the request must do when the response is a 429.
    @discardableResult
    func record(_ response: HTTPResponse, for route: Route) -> RateLimitVerdict? {
        let now = time.now
        let info = RateLimitHeaders(response)
        if let hash = info.bucket, !hash.isEmpty, hashes[route.key] != hash {
            hashes[route.key] = hash
        }
        let key = bucketKey(for: route)
        var bucket = buckets[key] ?? Bucket()
        if let limit = info.limit { bucket.limit = limit }
        if let remaining = info.remaining, let resetAfter = info.resetAfter {
            bucket.remaining = remaining
            bucket.resetAt = now + .fractionalSeconds(resetAfter) + policy.resetMargin
        }
        var sublimit = false
        if response.status == 429 {
            metrics.rateLimited += 1
            let pause = now + .fractionalSeconds(info.retryAfter ?? 1) + policy.resetMargin
            if info.isGlobal {
                metrics.globalRateLimited += 1
                globalPausedUntil = max(globalPausedUntil, pause)
            } else if let remaining = info.remaining, remaining > 0 {
                // A sublimit (e.g. channel renames): the bucket still has room, so only this
                // request waits (in `sendInLane`); the bucket is not blocked for everyone.
                sublimit = true
            } else {
                bucket.remaining = 0
                bucket.resetAt = max(bucket.resetAt ?? .zero, pause)
            }
            if info.scope == "shared" { metrics.sharedRateLimited += 1 }
            logger.warning("discord rate limited", metadata: [
                "route": "\(route)", "scope": "\(info.scope ?? (info.isGlobal ? "global" : "user"))",
                "retry_after": "\(info.retryAfter ?? 1)",
            ])
        }
        buckets[key] = bucket
        let counts = response.status == 401 || response.status == 403
            || (response.status == 429 && info.scope != "shared")
        if counts {
            invalidResponses.append(now)
            pruneInvalid(now: now)
        }
        // Only the bot token's rejection stops the client; an OAuth2 401 is a wrong client secret.
        if response.status == 401 && route.credentials == .bot && !stopped {
            stopped = true
            logger.error("discord rejected the bot token; the client stopped", metadata: ["route": "\(route)"])
        }
        guard response.status == 429 else { return nil }
        return RateLimitVerdict(retryAfter: .fractionalSeconds(info.retryAfter ?? 1), sublimit: sublimit)
    }

    /// Counts a retry after a 5xx, timeout or connection failure.
    func noteRetry() { metrics.retries += 1 }
}
