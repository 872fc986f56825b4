import DiscordTypes
import Foundation
import Logging

extension DiscordClient {
    /// The one request path: lane, pacing, transport, learning, retries, errors.
    /// Returns only 2xx responses; everything else is a `DiscordError`. `headers` replace the
    /// defaults (an OAuth2 request's form content type and application credentials).
    func send(_ route: Route, body: Data?, reason: String?, headers: HTTPHeaders = HTTPHeaders()) async throws -> HTTPResponse {
        try await limiter.checkOpen(route)
        let lane = await limiter.enterLane(for: route)
        do {
            let response = try await sendInLane(route, body: body, reason: reason, headers: headers)
            await limiter.leaveLane(lane)
            return response
        } catch {
            await limiter.leaveLane(lane)
            throw error
        }
    }

    private func sendInLane(_ route: Route, body: Data?, reason: String?, headers: HTTPHeaders) async throws -> HTTPResponse {
        guard DiscordConfiguration.isSecure(configuration.baseURL) else {
            throw ConfigurationError.insecureBaseURL(configuration.baseURL.absoluteString)
        }
        let request = makeRequest(route, body: body, reason: reason, headers: headers)
        var rateLimitedCount = 0
        var failures = 0
        var waited: Duration = .zero
        let budget = configuration.retries.totalDelay
        while true {
            try await limiter.acquire(for: route)
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(error)
            }
            await limiter.finished(route)
            let response: HTTPResponse
            do {
                response = try outcome.get()
            } catch let error as TransportError {
                let safe = route.method.isIdempotent || error.requestNeverSent
                guard failures < configuration.retries.maxRetries, waited < budget else {
                    throw DiscordError(
                        kind: safe ? .unavailable : .outcomeUnknown, route: route.description,
                        message: "no response after \(failures + 1) attempts (\(error))")
                }
                guard safe else {
                    throw DiscordError(kind: .outcomeUnknown, route: route.description,
                                       message: "no response to a create (\(error))")
                }
                waited += try await pauseBeforeRetry(failures, route: route, cause: "\(error)", left: budget - waited)
                failures += 1
                continue
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw DiscordError(kind: route.method.isIdempotent ? .unavailable : .outcomeUnknown,
                                   route: route.description, message: "transport failure")
            }
            let verdict = await limiter.record(response, for: route)
            logger.debug("discord request", metadata: ["route": "\(route)", "status": "\(response.status)"])
            switch response.status {
            case 200..<300:
                return response
            case 429:
                rateLimitedCount += 1
                guard rateLimitedCount <= configuration.rateLimits.maxRateLimitRetries else {
                    throw DiscordError(kind: .rateLimitRetriesExhausted, route: route.description, status: 429,
                                       message: "rate limited \(rateLimitedCount) times in a row")
                }
                if let verdict, verdict.retryAfter > configuration.rateLimits.maxWait {
                    throw DiscordError(kind: .rateLimitRetriesExhausted, route: route.description, status: 429,
                                       message: "Discord asks to wait \(Int(verdict.retryAfter.seconds.rounded(.up))) s, longer than the client's limit of \(Int(configuration.rateLimits.maxWait.seconds)) s")
                }
                if let verdict, verdict.sublimit {
                    try await time.sleep(until: time.now + verdict.retryAfter + configuration.rateLimits.resetMargin)
                }
                continue  // Otherwise `acquire` waits out the pause recorded from this answer.
            case 500..<600:
                guard route.method.isIdempotent else {
                    throw httpError(response, route: route, kind: .outcomeUnknown)
                }
                guard failures < configuration.retries.maxRetries, waited < budget else {
                    throw httpError(response, route: route, kind: .unavailable)
                }
                waited += try await pauseBeforeRetry(failures, route: route, cause: "HTTP \(response.status)",
                                                     left: budget - waited)
                failures += 1
            case 401:
                throw httpError(response, route: route, kind: .unauthorized)
            default:
                throw httpError(response, route: route, kind: .http)
            }
        }
    }

    /// Waits before retry `attempt`, never longer than `left`; returns the wait.
    private func pauseBeforeRetry(_ attempt: Int, route: Route, cause: String, left: Duration) async throws -> Duration {
        let delay = min(await backoff.delay(attempt: attempt), max(left, .zero))
        await limiter.noteRetry()
        logger.notice("discord request retried", metadata: [
            "route": "\(route)", "cause": "\(cause)", "attempt": "\(attempt + 1)",
        ])
        try await time.sleep(until: time.now + delay)
        return delay
    }

    /// The typed error for a non-2xx answer, from Discord's JSON error body when present.
    func httpError(_ response: HTTPResponse, route: Route, kind: DiscordError.Kind) -> DiscordError {
        let body = try? DiscordJSON.decoder().decode(DiscordErrorBody.self, from: response.body)
        let oauth = try? JSONDecoder().decode(OAuthErrorBody.self, from: response.body)
        return DiscordError(
            kind: kind, route: route.description, status: response.status, code: body?.code,
            message: body?.message ?? oauth?.text ?? HTTPURLResponseStatus.text(response.status),
            fieldErrors: body?.fieldErrors ?? [])
    }

    /// Builds the transport request: URL, headers (the bot token on bot routes, JSON content
    /// type unless `extra` says otherwise), body.
    func makeRequest(_ route: Route, body: Data?, reason: String?, headers extra: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = components.percentEncodedPath + route.path
        if !route.query.isEmpty { components.queryItems = route.query }
        var headers = HTTPHeaders()
        if route.credentials == .bot { headers["Authorization"] = configuration.token.authorizationValue }
        headers["User-Agent"] = configuration.userAgent
        headers["Content-Type"] = "application/json"
        if route.method != .get, let encoded = Self.auditLogReason(reason) {
            headers["X-Audit-Log-Reason"] = encoded
        }
        for field in extra.fields { headers[field.name] = field.value }
        return HTTPRequest(method: route.method, url: components.url!, headers: headers, body: body,
                           timeout: configuration.requestTimeout)
    }

    /// The URL-encoded `X-Audit-Log-Reason` value: 1–512 characters, truncated if longer.
    public static func auditLogReason(_ reason: String?) -> String? {
        guard let reason else { return nil }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let clipped = String(trimmed.prefix(512))
        return clipped.addingPercentEncoding(withAllowedCharacters: Route.unreserved)
    }
}

/// OAuth2's error body (RFC 6749 §5.2), which `/oauth2/token` answers instead of Discord's.
struct OAuthErrorBody: Decodable {
    var error: String
    var error_description: String?

    var text: String { error + (error_description.map { ": \($0)" } ?? "") }
}

/// Reason phrases for statuses without a Discord error body.
enum HTTPURLResponseStatus {
    static func text(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 405: "method not allowed"
        case 429: "too many requests"
        case 500: "internal server error"
        case 502: "bad gateway (no gateway available)"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: "HTTP \(status)"
        }
    }
}
