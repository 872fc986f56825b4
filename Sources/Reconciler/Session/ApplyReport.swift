import DiscordTypes
import Foundation
import Spec

/// What happened to one change during an apply.
public struct ChangeResult: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable { case done, failed, skipped }
    public var index: Int
    public var key: ResourceKey
    /// One line for people: `+ text channel #spa-6h-signup`.
    public var summary: String
    public var status: Status
    /// Why it failed or was skipped, as an actionable sentence.
    public var reason: String?
    /// The Discord id it created or touched.
    public var resourceID: Snowflake?

    public init(index: Int, key: ResourceKey, summary: String, status: Status,
                reason: String? = nil, resourceID: Snowflake? = nil) {
        self.index = index
        self.key = key
        self.summary = summary
        self.status = status
        self.reason = reason
        self.resourceID = resourceID
    }
}

/// The result of applying a plan: per change, and counted. `succeeded` is false if any
/// change failed or was skipped (the CLI then exits 1).
public struct ApplyReport: Hashable, Sendable, Codable {
    public var runID: String
    public var results: [ChangeResult]
    /// HTTP requests sent during the apply (snapshot excluded), and 429s among them.
    public var requests: Int
    public var rateLimited: Int

    public init(runID: String, results: [ChangeResult], requests: Int = 0, rateLimited: Int = 0) {
        self.runID = runID
        self.results = results.sorted { $0.index < $1.index }
        self.requests = requests
        self.rateLimited = rateLimited
    }

    public var done: Int { results.filter { $0.status == .done }.count }
    public var failed: Int { results.filter { $0.status == .failed }.count }
    public var skipped: Int { results.filter { $0.status == .skipped }.count }
    public var succeeded: Bool { failed == 0 && skipped == 0 }

    /// `Apply complete: 12 done, 0 failed, 0 skipped.`
    public var summaryLine: String {
        let head = succeeded ? "Apply complete" : "Apply finished with errors"
        return "\(head): \(done) done, \(failed) failed, \(skipped) skipped."
    }
}

/// Progress events while an apply runs (the CLI prints one line per change, or a counter).
public enum ApplyProgress: Sendable {
    /// The apply starts `total` changes.
    case started(total: Int)
    /// A change is about to be sent.
    case changeStarted(index: Int, summary: String)
    /// A change ended (done, failed or skipped) and `completed` of `total` are finished.
    case changeFinished(ChangeResult, completed: Int, total: Int)
}

/// The outcome of one full reconcile pass (snapshot, plan, apply), for the daemon and
/// `apply --auto-approve`: what was applied, whether the guild is now converged, and when
/// the desired layout will next change by itself.
public struct ReconcileOutcome: Hashable, Sendable {
    public var runID: String?
    /// Number of changes in the plan.
    public var planned: Int
    public var applied: Int
    public var failed: Int
    public var skipped: Int
    /// True when the plan was empty, or every change in it was applied.
    public var converged: Bool
    /// From `compile`: when the layout changes next, and why.
    public var nextTransition: Date?
    public var nextTransitionReason: String?
    /// Requests sent during the whole pass (snapshot included) and 429s among them.
    public var requests: Int
    public var rateLimited: Int
    /// Failures, one actionable line each.
    public var errors: [String]
    /// Announcements recorded as skipped in this pass, one line each with the reason.
    public var skippedAnnouncements: [String] = []

    public init(
        runID: String?, planned: Int, applied: Int, failed: Int, skipped: Int, converged: Bool,
        nextTransition: Date?, nextTransitionReason: String?, requests: Int, rateLimited: Int,
        errors: [String]
    ) {
        self.runID = runID
        self.planned = planned
        self.applied = applied
        self.failed = failed
        self.skipped = skipped
        self.converged = converged
        self.nextTransition = nextTransition
        self.nextTransitionReason = nextTransitionReason
        self.requests = requests
        self.rateLimited = rateLimited
        self.errors = errors
    }
}
