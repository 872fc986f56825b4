import Foundation

/// What the daemon is doing, per club, as written to the status file and shown by
/// `simlane-reconcile status`.
public struct DaemonStatus: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable {
        case starting, running, stopping, stopped, failed
    }

    public var version: Int = 1
    public var pid: Int32
    public var state: State
    public var startedAt: Date
    public var updatedAt: Date
    public var pollIntervalSeconds: Double
    /// Why the daemon failed (state `failed`), e.g. the token was rejected.
    public var error: String?
    public var counters: DaemonCounters
    public var clubs: [ClubStatus]

    public init(
        pid: Int32, state: State, startedAt: Date, updatedAt: Date, pollIntervalSeconds: Double,
        error: String? = nil, counters: DaemonCounters = DaemonCounters(), clubs: [ClubStatus] = []
    ) {
        self.pid = pid
        self.state = state
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.pollIntervalSeconds = pollIntervalSeconds
        self.error = error
        self.counters = counters
        self.clubs = clubs
    }
}

/// Totals since the daemon started: requests and 429s of the shared Discord client, changes.
public struct DaemonCounters: Hashable, Sendable, Codable {
    public var requests: Int
    public var rateLimited: Int
    public var changesApplied: Int
    public var changesFailed: Int
    /// Reconcile passes run (all clubs), and how many of them failed or threw.
    public var passes: Int
    public var failedPasses: Int

    public init(
        requests: Int = 0, rateLimited: Int = 0, changesApplied: Int = 0, changesFailed: Int = 0,
        passes: Int = 0, failedPasses: Int = 0
    ) {
        self.requests = requests
        self.rateLimited = rateLimited
        self.changesApplied = changesApplied
        self.changesFailed = changesFailed
        self.passes = passes
        self.failedPasses = failedPasses
    }
}

/// One club in the status file.
public struct ClubStatus: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// Not run yet.
        case pending
        /// The guild matches the layout.
        case converged
        /// Some changes failed or were skipped.
        case partial
        /// The pass could not run (outage, error).
        case failed
        /// Stopped by shutdown before it finished.
        case interrupted
    }

    public var id: String
    public var path: String
    public var running: Bool
    public var lastRunAt: Date?
    public var lastRunSeconds: Double?
    public var outcome: Outcome
    /// Changes applied by the last pass, and since the daemon started.
    public var changesApplied: Int
    public var totalChangesApplied: Int
    public var changesFailed: Int
    public var consecutiveFailures: Int
    /// The last failure, in words an admin can act on.
    public var lastError: String?
    /// Diagnostics of a rejected configuration edit; the club keeps its last good one.
    public var configErrors: [String]
    /// Whether the club runs on a configuration that validated.
    public var hasValidConfig: Bool
    public var nextWake: Date?
    public var nextWakeReason: String
    /// The next wake's kind: startup, transition, config-changed, poll, retry, …
    public var nextWakeKind: String

    public init(
        id: String, path: String, running: Bool = false, lastRunAt: Date? = nil,
        lastRunSeconds: Double? = nil, outcome: Outcome = .pending, changesApplied: Int = 0,
        totalChangesApplied: Int = 0, changesFailed: Int = 0, consecutiveFailures: Int = 0,
        lastError: String? = nil, configErrors: [String] = [], hasValidConfig: Bool = false,
        nextWake: Date? = nil, nextWakeReason: String = "", nextWakeKind: String = ""
    ) {
        self.id = id
        self.path = path
        self.running = running
        self.lastRunAt = lastRunAt
        self.lastRunSeconds = lastRunSeconds
        self.outcome = outcome
        self.changesApplied = changesApplied
        self.totalChangesApplied = totalChangesApplied
        self.changesFailed = changesFailed
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.configErrors = configErrors
        self.hasValidConfig = hasValidConfig
        self.nextWake = nextWake
        self.nextWakeReason = nextWakeReason
        self.nextWakeKind = nextWakeKind
    }
}
