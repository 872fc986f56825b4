import Foundation

/// What the daemon needs from the rest of the system to keep one club converged: load and
/// validate its configuration, and run one level-based reconcile pass at an instant.
///
/// The production conformance (`ReconcilerClubDriver`) compiles with `Spec`, snapshots the
/// guild, plans and applies through the shared `DiscordClient`; tests may substitute their own.
/// A reconcile is idempotent: read everything, then write; the outcome says when to come back.
public protocol ClubReconciling: Sendable {
    /// A club's validated configuration, ready to compile at any instant.
    associatedtype Config: Sendable

    /// Reads and validates the club's documents. An invalid configuration is rejected with
    /// every diagnostic (`file:line:column: error: …`); nothing is applied from it.
    func load(_ club: ClubSource) async -> Result<Config, ConfigRejection>

    /// One pass: compile the layout for `now`, read the guild, apply the difference.
    /// When `stop` fires, finish the change in flight, record it, and return
    /// (`PassOutcome.interrupted`). Throws when the pass could not run at all.
    func reconcile(_ club: ClubSource, config: Config, now: Date, stop: StopSignal) async throws
        -> PassOutcome

    /// Whether an error thrown by `reconcile` is worth retrying (an outage, a 5xx, a missing
    /// permission an admin may fix) or must stop the daemon (a rejected token).
    func classify(_ error: any Error) -> FailureClass

    /// Request counters of the shared Discord client (all clubs together).
    func counters() async -> RequestCounters
}

/// A configuration that failed validation, with every diagnostic as the CLI prints it.
public struct ConfigRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// `file:line:column: error: …` lines.
    public var diagnostics: [String]

    public init(diagnostics: [String]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.joined(separator: "\n") }
}

/// How the daemon treats a failed reconcile.
public enum FailureClass: Hashable, Sendable {
    /// Back off and try again later (Discord outage, 5xx, network, a fixable permission).
    case retryable(String)
    /// Stop the whole daemon with this message and exit 1 (the token was rejected).
    case fatal(String)

    public var message: String {
        switch self {
        case .retryable(let message), .fatal(let message): message
        }
    }
}

/// Requests the shared Discord client made, for the status file and the benchmark.
public struct RequestCounters: Hashable, Sendable, Codable {
    public var requests: Int
    /// Responses with status 429 (rate limited).
    public var rateLimited: Int

    public init(requests: Int = 0, rateLimited: Int = 0) {
        self.requests = requests
        self.rateLimited = rateLimited
    }
}
