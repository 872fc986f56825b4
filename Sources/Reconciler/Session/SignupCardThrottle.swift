import Foundation
import Spec

/// `notifications.signup_update_frequency`: the pinned signup card's participant count is
/// edited at most once per period, so a burst of signups becomes one edit instead of one per
/// participant. Cards edited less than `frequency` before the planned instant are held; the
/// planner holds only edits that change nothing but the embed (`PlanOptions.heldMessageEdits`),
/// so a status change (opened, closed, started, finished: the card's content line) or a new
/// button is shown at once, carrying the latest count too. Held edits wait for the next plan
/// after the period (the daemon polls at least every poll interval).
struct SignupCardThrottle {
    var frequency: TimeInterval

    /// Keys of signup cards whose content edits wait. An instant before the last edit (a
    /// preview of the past) holds nothing: throttling only ever delays going forward.
    func held(_ messages: [ManagedMessage], at instant: Date) -> Set<ResourceKey> {
        guard frequency > 0 else { return [] }
        return Set(messages.filter { message in
            guard message.key.rawValue.hasSuffix("/message/signup") else { return false }
            let since = instant.timeIntervalSince(message.updatedAt)
            return since >= 0 && since < frequency
        }.map(\.key))
    }
}
