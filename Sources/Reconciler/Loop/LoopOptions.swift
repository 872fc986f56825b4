import Foundation

/// Tunables of the continuous reconciler.
public struct LoopOptions: Sendable {
    /// Reconcile every club at least this often, to repair drift made by hand (default 5 min).
    public var pollInterval: Duration
    /// How often configuration files are checked for edits (a `stat` per document).
    public var tickInterval: Duration
    /// Back-off of a failing club.
    public var backoff: Backoff
    /// How long shutdown waits for passes in flight to finish their current change.
    public var shutdownGrace: Duration

    public init(
        pollInterval: Duration = .seconds(300), tickInterval: Duration = .seconds(1),
        backoff: Backoff = Backoff(), shutdownGrace: Duration = .seconds(20)
    ) {
        self.pollInterval = pollInterval
        self.tickInterval = tickInterval
        self.backoff = backoff
        self.shutdownGrace = shutdownGrace
    }
}

/// How `ReconcileLoop.run()` ended.
public enum DaemonExit: Hashable, Sendable {
    /// Stopped on request (SIGTERM/SIGINT): exit 0.
    case stopped
    /// A fatal error stopped the daemon (e.g. the token was rejected): exit 1.
    case fatal(String)
}

/// The result of `run --once`: whether every club converged, per club.
public struct OncePassResult: Hashable, Sendable {
    public var clubs: [ClubStatus]
    public var fatalError: String?

    public init(clubs: [ClubStatus], fatalError: String? = nil) {
        self.clubs = clubs
        self.fatalError = fatalError
    }

    /// Every club had a valid configuration and its pass converged.
    public var allConverged: Bool {
        fatalError == nil && clubs.allSatisfy { $0.hasValidConfig && $0.configErrors.isEmpty && $0.outcome == .converged }
    }
}
