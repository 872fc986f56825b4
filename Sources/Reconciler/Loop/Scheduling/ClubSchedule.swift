import Foundation

/// When one club runs next and why, plus its failure streak (drives the back-off).
public struct ClubSchedule: Hashable, Sendable {
    /// The next wake; nil while the club has no valid configuration.
    public var nextWake: Date?
    public var reason: WakeReason
    /// Failed passes in a row; 0 after a converged pass.
    public var consecutiveFailures: Int
    /// The transition `compile` announced last, remembered across failed passes.
    public var knownTransition: Date?
    public var knownTransitionReason: String?

    public init(
        nextWake: Date?, reason: WakeReason, consecutiveFailures: Int = 0,
        knownTransition: Date? = nil, knownTransitionReason: String? = nil
    ) {
        self.nextWake = nextWake
        self.reason = reason
        self.consecutiveFailures = consecutiveFailures
        self.knownTransition = knownTransition
        self.knownTransitionReason = knownTransitionReason
    }
}
