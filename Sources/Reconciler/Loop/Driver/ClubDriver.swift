import Discord
import Foundation
import Spec

/// The production `ClubReconciling`: loads and validates clubs with `Spec`'s `ConfigLoader`,
/// runs each pass through `pass` (the reconciler's one-shot snapshot → plan → apply), reads
/// request counters from the Discord client(s), and sorts errors into retryable ones and the
/// fatal rejected token. `ClubReconcilers.driver()` builds it.
public struct ClubDriver: ClubReconciling {
    public typealias Config = ClubConfig
    /// One reconcile pass of one club at an instant.
    public typealias Pass = @Sendable (_ club: ClubSource, _ config: ClubConfig, _ now: Date, _ stop: StopSignal)
        async throws -> PassOutcome

    private let pass: Pass
    private let requestCounters: @Sendable () async -> RequestCounters

    public init(pass: @escaping Pass, counters: @escaping @Sendable () async -> RequestCounters) {
        self.pass = pass
        self.requestCounters = counters
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

    public func counters() async -> RequestCounters { await requestCounters() }
}
