import Foundation

extension ReconcileLoop {
    /// A gateway event asks for a pass of `club` at `at` (the caller adds the debounce).
    /// The wake only moves earlier, so a burst of events is one pass; an event during the
    /// club's pass makes one more pass after it. The sleeping loop wakes to re-plan.
    public func requestPass(_ club: String, reason: WakeReason, at: Date) {
        guard clubs[club]?.config != nil, !stopRequested else { return }
        if running[club] != nil {
            if let pending = pendingEvents[club], pending.at <= at { return }
            pendingEvents[club] = (at, reason)
            return
        }
        scheduler.eventArrived(club, at: at, reason: reason)
        statusDirty = true
        sleeper?.cancel()
    }
}
