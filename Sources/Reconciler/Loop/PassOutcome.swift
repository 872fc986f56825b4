import Foundation

/// What one daemon pass of one club did (the loop's view of the reconciler's outcome), and when the club's layout next changes by itself
/// (controller-runtime's `RequeueAfter`, as an absolute instant from `compile`).
public struct PassOutcome: Hashable, Sendable, Codable {
    /// Changes in the plan of this pass.
    public var planned: Int
    public var applied: Int
    public var failed: Int
    /// Changes not attempted because something they depend on failed, or because of a stop.
    public var skipped: Int
    /// `compile`'s next transition: the earliest instant after `now` when the layout changes.
    public var nextTransition: Date?
    /// Why the transition is due ("race voice for Spa 6h opens").
    public var nextTransitionReason: String?
    /// The pass stopped early because the daemon is shutting down.
    public var interrupted: Bool
    /// A human summary of failures, for the status file ("2 failed: missing Manage Roles").
    public var failureSummary: String?
    /// Announcements recorded as skipped, with why (logged one line each).
    public var skippedAnnouncements: [String] = []

    public init(
        planned: Int = 0, applied: Int = 0, failed: Int = 0, skipped: Int = 0,
        nextTransition: Date? = nil, nextTransitionReason: String? = nil,
        interrupted: Bool = false, failureSummary: String? = nil
    ) {
        self.planned = planned
        self.applied = applied
        self.failed = failed
        self.skipped = skipped
        self.nextTransition = nextTransition
        self.nextTransitionReason = nextTransitionReason
        self.interrupted = interrupted
        self.failureSummary = failureSummary
    }

    /// The guild matches the desired layout: everything planned was applied.
    public var converged: Bool { failed == 0 && skipped == 0 && !interrupted && applied == planned }
}
