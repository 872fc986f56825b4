import Foundation

/// Everything a `DiscordClient` needs besides its transport, clock and random source.
///
/// Build it from the environment with `fromEnvironment()` (`DISCORD_API_BASE`,
/// `DISCORD_BOT_TOKEN` or `DISCORD_BOT_TOKEN_FILE`), or directly in tests.
public struct DiscordConfiguration: Sendable, CustomStringConvertible {
    /// Discord's API base, e.g. `https://discord.com/api/v10` or an emulator's `http://127.0.0.1:PORT/api/v10`.
    public var baseURL: URL
    public var token: BotToken
    /// Sent as `User-Agent: DiscordBot (<url>, <version>)`.
    public var userAgentURL: String
    public var userAgentVersion: String
    /// Time the transport may take for one request.
    public var requestTimeout: Duration
    public var rateLimits: RateLimitPolicy
    public var retries: RetryPolicy
    public var breaker: CircuitBreakerPolicy

    public static let defaultBaseURL = URL(string: "https://discord.com/api/v10")!
    public static let projectURL = "https://github.com/simlane/simlane-reconcile"
    public static let projectVersion = "0.1.0"

    public init(
        baseURL: URL = DiscordConfiguration.defaultBaseURL, token: BotToken,
        userAgentURL: String = DiscordConfiguration.projectURL,
        userAgentVersion: String = DiscordConfiguration.projectVersion,
        requestTimeout: Duration = .seconds(15), rateLimits: RateLimitPolicy = .init(),
        retries: RetryPolicy = .init(), breaker: CircuitBreakerPolicy = .init()
    ) {
        self.baseURL = baseURL
        self.token = token
        self.userAgentURL = userAgentURL
        self.userAgentVersion = userAgentVersion
        self.requestTimeout = requestTimeout
        self.rateLimits = rateLimits
        self.retries = retries
        self.breaker = breaker
    }

    /// The `User-Agent` header value Discord requires.
    public var userAgent: String { "DiscordBot (\(userAgentURL), \(userAgentVersion))" }

    /// Reads `DISCORD_API_BASE` (optional), then the token from `DISCORD_BOT_TOKEN`, else
    /// from the file named by `DISCORD_BOT_TOKEN_FILE` or `tokenFile`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        tokenFile: String? = nil
    ) throws -> DiscordConfiguration {
        let base = try baseURL(from: environment)
        let token: BotToken
        if let raw = environment["DISCORD_BOT_TOKEN"], !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard let parsed = BotToken(raw) else {
                throw ConfigurationError.invalidToken(source: "DISCORD_BOT_TOKEN", BotToken.problem(raw) ?? "it is malformed")
            }
            token = parsed
        } else if let path = environment["DISCORD_BOT_TOKEN_FILE"] ?? tokenFile {
            token = try BotToken(contentsOfFile: path)
        } else {
            throw ConfigurationError.missingToken
        }
        return DiscordConfiguration(baseURL: base, token: token)
    }

    /// `DISCORD_API_BASE` if set (trailing slash dropped), else Discord's production base.
    public static func baseURL(from environment: [String: String]) throws -> URL {
        guard var raw = environment["DISCORD_API_BASE"], !raw.isEmpty else { return defaultBaseURL }
        while raw.hasSuffix("/") { raw.removeLast() }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else { throw ConfigurationError.invalidBaseURL(raw) }
        guard isSecure(url) else { throw ConfigurationError.insecureBaseURL(raw) }
        return url
    }

    /// Whether sending the token to `url` keeps it private: `https`, or `http` to a
    /// loopback host only (the emulator, the sandbox).
    public static func isSecure(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": return url.host != nil
        case "http": return url.host.map(isLoopback) ?? false
        default: return false
        }
    }

    /// `localhost`, `127.0.0.0/8` or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let n = Int(part) else { return false }
            return (0...255).contains(n) && part.allSatisfy(\.isNumber)
        }
    }

    public var description: String {
        "DiscordConfiguration(base: \(baseURL.absoluteString), token: \(token), global: \(rateLimits.globalPerSecond)/s)"
    }
}

/// How the client paces itself. Limits per route come from Discord's headers, never from here.
public struct RateLimitPolicy: Sendable, Hashable {
    /// Requests per second across all routes (Discord: 50 per bot).
    public var globalPerSecond: Int
    /// Added to every `Reset-After` wait, absorbing clock skew and latency.
    public var resetMargin: Duration
    /// How many 429 answers one request may receive before it fails.
    public var maxRateLimitRetries: Int
    /// The longest `retry_after` the client waits out; a longer one (e.g. a 10-minute
    /// sublimit) fails the request with `rateLimitRetriesExhausted` so the caller can requeue.
    public var maxWait: Duration

    public init(globalPerSecond: Int = 50, resetMargin: Duration = .milliseconds(50),
                maxRateLimitRetries: Int = 10, maxWait: Duration = .seconds(120)) {
        self.globalPerSecond = globalPerSecond
        self.resetMargin = resetMargin
        self.maxRateLimitRetries = maxRateLimitRetries
        self.maxWait = maxWait
    }
}

/// Retries for 5xx answers, timeouts and connection failures: capped exponential backoff
/// with equal jitter (`cap = min(maxDelay, baseDelay * 2^attempt)`, `delay = cap/2 +
/// random(0 ... cap/2)`), so waits grow for sure, and at most `totalDelay` of waiting per
/// request (the defaults ride out a burst of 502s of several seconds, and give up after
/// about 30 s).
public struct RetryPolicy: Sendable, Hashable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The most one request waits between its attempts, all retries together.
    public var totalDelay: Duration

    public init(maxRetries: Int = 8, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(10),
                totalDelay: Duration = .seconds(30)) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalDelay = totalDelay
    }
}

/// The breaker that keeps the bot clear of Discord's invalid-request ban (10,000 responses
/// with status 401, 403 or non-shared 429 per 10 minutes trigger a Cloudflare ban).
public struct CircuitBreakerPolicy: Sendable, Hashable {
    /// Invalid responses in `window` at which the client refuses further requests.
    public var threshold: Int
    public var window: Duration

    public init(threshold: Int = 1000, window: Duration = .seconds(600)) {
        self.threshold = threshold
        self.window = window
    }
}
