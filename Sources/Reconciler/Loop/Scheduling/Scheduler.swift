import Foundation

/// The daemon's pure scheduling rules, one `ClubSchedule` per club. No clock, no I/O: every
/// method takes the instant it is about, so the whole season can be tested instant by instant.
///
/// A club wakes at the earliest of: its next transition (exactly), `pollInterval` after its
/// last pass (drift repair), or now when its configuration changed. A failing club waits an
/// exponential, jittered back-off instead, capped so an outage never becomes a hot loop.
public struct Scheduler: Sendable {
    public var pollInterval: Duration
    public var backoff: Backoff
    public private(set) var clubs: [String: ClubSchedule] = [:]

    public init(pollInterval: Duration = .seconds(300), backoff: Backoff = Backoff()) {
        self.pollInterval = pollInterval
        self.backoff = backoff
    }

    public subscript(club: String) -> ClubSchedule? { clubs[club] }

    /// A club joins with a valid configuration: due at once.
    public mutating func register(_ club: String, at now: Date) {
        clubs[club] = ClubSchedule(nextWake: now, reason: .startup)
    }

    /// A club joins without a valid configuration: it waits for its files to be fixed.
    public mutating func registerWaiting(_ club: String) {
        clubs[club] = ClubSchedule(nextWake: nil, reason: .waitingForValidConfig)
    }

    /// A club's configuration changed and validated: due at once (also cuts a back-off short,
    /// since the edit may be the fix).
    public mutating func configChanged(_ club: String, at now: Date) {
        var schedule = clubs[club] ?? ClubSchedule(nextWake: now, reason: .configChanged)
        schedule.nextWake = now
        schedule.reason = .configChanged
        clubs[club] = schedule
    }

    /// Clubs whose wake has come, in id order, leaving out those in `excluding` (running).
    public func due(at now: Date, excluding running: Set<String> = []) -> [String] {
        clubs.filter { id, schedule in
            !running.contains(id) && (schedule.nextWake.map { $0 <= now } ?? false)
        }.keys.sorted()
    }

    /// The earliest wake of any club not in `excluding`.
    public func nextWake(excluding running: Set<String> = []) -> ScheduledWake? {
        clubs.compactMap { id, schedule -> ScheduledWake? in
            guard !running.contains(id), let wake = schedule.nextWake else { return nil }
            return ScheduledWake(club: id, at: wake, reason: schedule.reason)
        }.min { ($0.at, $0.club) < ($1.at, $1.club) }
    }

    /// Records a pass that ran at `startedAt` and ended at `finishedAt`. A converged pass
    /// resets the failure streak and wakes at the transition or the poll, whichever is first;
    /// a pass with failed changes backs off (but still wakes at a transition before that).
    @discardableResult
    public mutating func completed(
        _ club: String, outcome: PassOutcome, startedAt: Date, finishedAt: Date,
        using generator: inout some RandomNumberGenerator
    ) -> ClubSchedule {
        var schedule = clubs[club] ?? ClubSchedule(nextWake: nil, reason: .startup)
        // A transition at or before the instant we compiled for is already in this pass.
        if let transition = outcome.nextTransition, transition > startedAt {
            schedule.knownTransition = transition
            schedule.knownTransitionReason = outcome.nextTransitionReason
        } else {
            schedule.knownTransition = nil
            schedule.knownTransitionReason = nil
        }
        var wake = finishedAt.addingTimeInterval(pollInterval.seconds)
        var reason = WakeReason.poll
        if outcome.converged {
            schedule.consecutiveFailures = 0
        } else {
            schedule.consecutiveFailures += 1
            let delay = backoff.delay(attempt: schedule.consecutiveFailures, using: &generator)
            let retry = finishedAt.addingTimeInterval(delay.seconds)
            if retry < wake {
                wake = retry
                reason = .retry(attempt: schedule.consecutiveFailures)
            }
        }
        if let transition = schedule.knownTransition, transition <= wake {
            wake = max(transition, finishedAt)
            reason = .transition(schedule.knownTransitionReason)
        }
        schedule.nextWake = wake
        schedule.reason = reason
        clubs[club] = schedule
        return schedule
    }

    /// Records a pass that could not run (it threw): back off, ignoring transitions until the
    /// back-off has passed, so an outage does not turn into a stream of doomed attempts.
    @discardableResult
    public mutating func failed(
        _ club: String, at finishedAt: Date, using generator: inout some RandomNumberGenerator
    ) -> ClubSchedule {
        var schedule = clubs[club] ?? ClubSchedule(nextWake: nil, reason: .startup)
        schedule.consecutiveFailures += 1
        let delay = backoff.delay(attempt: schedule.consecutiveFailures, using: &generator)
        schedule.nextWake = finishedAt.addingTimeInterval(delay.seconds)
        schedule.reason = .retry(attempt: schedule.consecutiveFailures)
        clubs[club] = schedule
        return schedule
    }

    /// A gateway event wants the club reconciled at `at` (already debounced by the caller):
    /// the wake moves earlier, never later, so a burst of events makes one pass. A club
    /// waiting for a valid configuration or backing off after failures keeps its wake.
    public mutating func eventArrived(_ club: String, at: Date, reason: WakeReason) {
        guard var schedule = clubs[club], schedule.consecutiveFailures == 0,
              let wake = schedule.nextWake, at < wake else { return }
        schedule.nextWake = at
        schedule.reason = reason
        clubs[club] = schedule
    }

    /// Forgets a club (its directory disappeared).
    public mutating func remove(_ club: String) {
        clubs[club] = nil
    }
}
