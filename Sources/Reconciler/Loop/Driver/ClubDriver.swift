import Discord
import Foundation
import Spec

/// The production `ClubReconciling`: loads and validates clubs with `Spec`'s `ConfigLoader`,
/// runs each pass through `pass` (the reconciler's one-shot snapshot → plan → apply), reads
/// request counters from the one shared `DiscordClient`, and sorts errors into retryable
/// ones and the fatal rejected token.
public struct ClubDriver: ClubReconciling {
    public typealias Config = ClubConfig
    /// One reconcile pass of one club at an instant.
    public typealias Pass = @Sendable (_ club: ClubSource, _ config: ClubConfig, _ now: Date, _ stop: StopSignal)
        async throws -> PassOutcome

    /// The client every club shares (one global rate limit); nil in tests without Discord.
    public let client: DiscordClient?
    private let pass: Pass

    public init(client: DiscordClient?, pass: @escaping Pass) {
        self.client = client
        self.pass = pass
    }

    public func load(_ club: ClubSource) async -> Result<ClubConfig, ConfigRejection> {
        do {
            return .success(try ConfigLoader.load(path: club.path))
        } catch {
            return .failure(ConfigRejection(diagnostics: error.diagnostics.map(\.description)))
        }
    }

    public func reconcile(_ club: ClubSource, config: ClubConfig, now: Date, stop: StopSignal) async throws
        -> PassOutcome
    {
        try await pass(club, config, now, stop)
    }

    public func classify(_ error: any Error) -> FailureClass {
        Self.classify(error)
    }

    /// A 401 (or a client that stopped after one) ends the daemon; everything else —
    /// outages, 5xx, rate-limit exhaustion, an open circuit breaker, a missing permission —
    /// is retried with back-off.
    public static func classify(_ error: any Error) -> FailureClass {
        if let error = error as? DiscordError {
            switch error.kind {
            case .unauthorized, .clientStopped:
                return .fatal("Discord rejected the bot token (401 Unauthorized on \(error.route)): \(error.advice)")
            case .circuitOpen:
                return .retryable("paused: too many invalid requests to Discord (circuit breaker open); \(error.advice)")
            default:
                return .retryable(error.description)
            }
        }
        return .retryable(String(describing: error))
    }

    public func counters() async -> RequestCounters {
        guard let client else { return RequestCounters() }
        let metrics = await client.metrics()
        return RequestCounters(requests: metrics.requestsSent, rateLimited: metrics.rateLimited)
    }
}
