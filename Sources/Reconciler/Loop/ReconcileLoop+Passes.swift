import Foundation
import Logging

extension ReconcileLoop {
    /// Validates a club's documents. A valid configuration replaces the one in force and
    /// makes the club due; an invalid one is reported and the last good one stays.
    func load(_ id: String, at instant: Date, initial: Bool) async {
        guard let source = clubs[id]?.source else { return }
        clubs[id]?.fingerprint = watcher.fingerprint(of: source)
        statusDirty = true
        switch await driver.load(source) {
        case .success(let config):
            clubs[id]?.config = config
            clubs[id]?.status.configErrors = []
            clubs[id]?.status.hasValidConfig = true
            if initial {
                scheduler.register(id, at: instant)
            } else {
                scheduler.configChanged(id, at: instant)
                logger.info("configuration changed; reconciling", metadata: ["club": "\(id)"])
            }
        case .failure(let rejection):
            clubs[id]?.status.configErrors = rejection.diagnostics
            let keeping = clubs[id]?.config != nil
            logger.error(
                keeping ? "configuration rejected; keeping the last good configuration"
                    : "configuration rejected; the club waits for a valid configuration",
                metadata: ["club": "\(id)", "errors": "\(rejection.diagnostics.count)"])
            for line in rejection.diagnostics {
                logger.error("\(line)", metadata: ["club": "\(id)"])
            }
            if !keeping { scheduler.registerWaiting(id) }
        }
    }

    /// Starts one club's pass in its own task.
    func launch(_ id: String, at instant: Date) {
        guard running[id] == nil, let club = clubs[id], let config = club.config else { return }
        let reason = scheduler[id]?.reason.description ?? "startup"
        logger.debug("reconciling", metadata: ["club": "\(id)", "reason": "\(reason)"])
        clubs[id]?.status.running = true
        statusDirty = true
        let driver = self.driver
        let stop = stopSignal
        let source = club.source
        running[id] = Task {
            let result: Result<PassOutcome, any Error>
            do {
                result = .success(try await driver.reconcile(source, config: config, now: instant, stop: stop))
            } catch {
                result = .failure(error)
            }
            self.finish(id, startedAt: instant, result: result)
        }
    }

    /// Records a finished pass and schedules the club's next wake.
    func finish(_ id: String, startedAt: Date, result: Result<PassOutcome, any Error>) {
        running[id] = nil
        let finishedAt = now()
        guard var status = clubs[id]?.status else { return }
        status.running = false
        status.lastRunAt = startedAt
        status.lastRunSeconds = max(0, finishedAt.timeIntervalSince(startedAt))
        counters.passes += 1
        let meta: Logger.Metadata = ["club": "\(id)"]
        switch result {
        case .success(let outcome):
            let schedule = scheduler.completed(
                id, outcome: outcome, startedAt: startedAt, finishedAt: finishedAt, using: &generator)
            status.outcome = outcome.interrupted ? .interrupted : outcome.converged ? .converged : .partial
            status.changesApplied = outcome.applied
            status.totalChangesApplied += outcome.applied
            status.changesFailed = outcome.failed
            status.lastError = outcome.converged ? nil : outcome.failureSummary
            counters.changesApplied += outcome.applied
            counters.changesFailed += outcome.failed
            if !outcome.converged && !outcome.interrupted { counters.failedPasses += 1 }
            var details = meta
            details["applied"] = "\(outcome.applied)"
            details["failed"] = "\(outcome.failed)"
            details["next_wake"] = "\(schedule.nextWake.map { $0.formatted(.iso8601) } ?? "none")"
            details["next_reason"] = "\(schedule.reason)"
            for line in outcome.skippedAnnouncements {
                logger.notice("announcement skipped, not sent", metadata: meta.merging(["announcement": "\(line)"]) { a, _ in a })
            }
            if outcome.interrupted {
                logger.notice("pass interrupted by shutdown", metadata: details)
            } else if !outcome.converged {
                details["skipped"] = "\(outcome.skipped)"
                if let summary = outcome.failureSummary { details["error"] = "\(summary)" }
                logger.warning("reconciled with failures", metadata: details)
            } else if outcome.planned > 0 {
                logger.info("reconciled", metadata: details)
            } else {
                logger.debug("no changes", metadata: details)
            }
        case .failure(let error):
            let failure = driver.classify(error)
            counters.failedPasses += 1
            status.outcome = .failed
            status.lastError = failure.message
            switch failure {
            case .fatal(let message):
                logger.critical("\(message)", metadata: meta)
                if fatalError == nil { fatalError = message }
                requestStop(reason: "fatal error")
            case .retryable(let message):
                let schedule = scheduler.failed(id, at: finishedAt, using: &generator)
                var details = meta
                details["error"] = "\(message)"
                details["attempt"] = "\(schedule.consecutiveFailures)"
                details["retry_at"] = "\(schedule.nextWake.map { $0.formatted(.iso8601) } ?? "none")"
                logger.warning("reconcile failed; backing off", metadata: details)
            }
        }
        clubs[id]?.status = status
        statusDirty = true
        if let event = pendingEvents.removeValue(forKey: id) {
            scheduler.eventArrived(id, at: max(event.at, finishedAt), reason: event.reason)
        }
        if running.isEmpty { resumeIdleWaiters(true) }
        // Recompute the sleep: this club's next wake may come before the current one.
        sleeper?.cancel()
    }
}
