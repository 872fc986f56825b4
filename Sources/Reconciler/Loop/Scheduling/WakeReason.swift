import Foundation

/// Why the daemon will next reconcile a club; shown in logs, the status file and `status`.
public enum WakeReason: Hashable, Sendable, CustomStringConvertible {
    /// First pass after the daemon started.
    case startup
    /// `compile`'s next transition is due (its reason, when known).
    case transition(String?)
    /// The club's configuration changed on disk and validated.
    case configChanged
    /// The poll interval elapsed: repair drift made by hand in Discord.
    case poll
    /// The last pass failed; this is retry number `attempt` after an exponential back-off.
    case retry(attempt: Int)
    /// The club has no valid configuration yet; it runs when its files are fixed.
    case waitingForValidConfig
    /// A gateway event asked for a pass (a member joined, a managed resource changed).
    case gatewayEvent(String)

    /// A short machine-readable name ("transition", "poll", …).
    public var kind: String {
        switch self {
        case .startup: "startup"
        case .transition: "transition"
        case .configChanged: "config-changed"
        case .poll: "poll"
        case .retry: "retry"
        case .waitingForValidConfig: "waiting-for-valid-config"
        case .gatewayEvent: "gateway-event"
        }
    }

    public var description: String {
        switch self {
        case .startup: "startup"
        case .transition(let reason): reason.map { "transition: \($0)" } ?? "transition"
        case .configChanged: "configuration changed"
        case .poll: "poll (drift repair)"
        case .retry(let attempt): "retry #\(attempt) after failure"
        case .waitingForValidConfig: "waiting for a valid configuration"
        case .gatewayEvent(let what): "gateway event: \(what)"
        }
    }
}
