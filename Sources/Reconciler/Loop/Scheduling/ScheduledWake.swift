import Foundation

/// The next instant the daemon will reconcile a club, and why.
public struct ScheduledWake: Hashable, Sendable, CustomStringConvertible {
    public var club: String
    public var at: Date
    public var reason: WakeReason

    public init(club: String, at: Date, reason: WakeReason) {
        self.club = club
        self.at = at
        self.reason = reason
    }

    public var description: String { "\(club) at \(at.formatted(.iso8601)) (\(reason))" }
}
