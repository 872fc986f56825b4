import DiscordTypes
import Foundation
import Logging

/// The Discord REST client: typed endpoints over one rate-limited, retrying request path.
///
/// Every request carries `Authorization: Bot <token>`, `User-Agent: DiscordBot (url, version)`
/// and, for bodies, `Content-Type: application/json`; mutations carry `X-Audit-Log-Reason`.
/// Pacing follows `RateLimiter`; 5xx answers, timeouts and connection failures are retried
/// with capped, jittered backoff, except that a POST whose outcome is unknown is never
/// re-sent blindly (see `DiscordError.Kind.outcomeUnknown` and the `verify` closures).
///
/// ```swift
/// let client = DiscordClient(configuration: try .fromEnvironment(), logger: logger)
/// let channel = try await client.createChannel(in: guildID,
///     CreateChannelRequest(name: "spa-6h-signup", type: .guildText), reason: "create series/gt3/event/spa/signup")
/// ```
public final class DiscordClient: Sendable {
    public let configuration: DiscordConfiguration
    let transport: any HTTPTransport
    let limiter: RateLimiter
    let backoff: RetryBackoff
    let time: MonotonicTime
    let logger: Logger
    let currentUserCache = CurrentUserCache()

    public init(
        configuration: DiscordConfiguration,
        transport: any HTTPTransport = URLSessionTransport(),
        clock: any Clock<Duration> = ContinuousClock(),
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger = Logger(label: "simlane.discord")
    ) {
        self.configuration = configuration
        self.transport = transport
        self.time = MonotonicTime(clock)
        self.logger = logger
        self.limiter = RateLimiter(policy: configuration.rateLimits, breaker: configuration.breaker,
                                   time: time, logger: logger)
        self.backoff = RetryBackoff(policy: configuration.retries, random: random)
    }

    /// A snapshot of the client's counters.
    public func metrics() async -> ClientMetrics { await limiter.metrics }

    /// The bucket hash Discord reported for a route, if any (for diagnostics and tests).
    public func learnedBucket(for route: Route) async -> String? { await limiter.learnedHash(for: route) }

    // MARK: Typed helpers used by the endpoint files

    /// Sends a request and decodes the JSON answer.
    func call<Response: Decodable>(_ route: Route, body: (some Encodable)? = Optional<Empty>.none,
                                   reason: String? = nil, as type: Response.Type = Response.self) async throws -> Response {
        let response = try await send(route, body: try encode(body, route: route), reason: reason)
        return try decode(Response.self, from: response, route: route)
    }

    /// Sends a request whose answer is empty (204) or ignored.
    func callVoid(_ route: Route, body: (some Encodable)? = Optional<Empty>.none, reason: String? = nil) async throws {
        _ = try await send(route, body: try encode(body, route: route), reason: reason)
    }

    /// Sends a create (POST) and decodes the answer. If the outcome is unknown (5xx,
    /// timeout), `verify` is asked whether the resource exists: if it returns it, that is the
    /// result; if it returns nil the POST is re-sent (up to the retry policy). Without
    /// `verify` the typed `outcomeUnknown` error is thrown, so nothing is created twice.
    func create<Response: Decodable & Sendable>(
        _ route: Route, body: some Encodable, reason: String?,
        verify: (@Sendable () async throws -> Response?)?
    ) async throws -> Response {
        let data = try encode(body, route: route)
        var attempt = 0
        while true {
            do {
                let response = try await send(route, body: data, reason: reason)
                return try decode(Response.self, from: response, route: route)
            } catch let error as DiscordError where error.kind == .outcomeUnknown {
                guard let verify, attempt < configuration.retries.maxRetries else { throw error }
                if let existing = try await verify() {
                    logger.info("discord create confirmed by verification", metadata: ["route": "\(route)"])
                    return existing
                }
                try await time.sleep(until: time.now + (await backoff.delay(attempt: attempt)))
                attempt += 1
                await limiter.noteRetry()
            }
        }
    }

    struct Empty: Codable, Sendable {}

    private func encode(_ body: (some Encodable)?, route: Route) throws -> Data? {
        guard let body else { return nil }
        return try DiscordJSON.encoder().encode(body)
    }

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, route: Route) throws -> T {
        do {
            return try DiscordJSON.decoder().decode(T.self, from: response.body)
        } catch {
            throw DiscordError(kind: .decoding, route: route.description, status: response.status,
                               message: "cannot decode \(T.self): \(Self.decodingSummary(error))")
        }
    }

    static func decodingSummary(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default:
            return "invalid JSON"
        }
    }
}
