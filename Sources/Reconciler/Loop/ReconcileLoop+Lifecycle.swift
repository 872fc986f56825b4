import Foundation
import Logging

extension ReconcileLoop {
    /// Waits (bounded by `shutdownGrace`) for passes in flight, cancels stragglers, writes
    /// the final status.
    func shutdown() async -> DaemonExit {
        state = .stopping
        stopSignal.stop()
        await writeStatusIfDirty(force: true)
        if !(await waitForIdle(timeout: options.shutdownGrace)) {
            logger.warning("passes still in flight after the shutdown grace period; cancelling them", metadata: [
                "clubs": "\(running.keys.sorted().joined(separator: ","))",
            ])
            for task in running.values { task.cancel() }
        }
        state = fatalError == nil ? .stopped : .failed
        await writeStatusIfDirty(force: true)
        if let fatalError {
            logger.critical("daemon stopped: \(fatalError)")
            return .fatal(fatalError)
        }
        logger.notice("daemon stopped")
        return .stopped
    }

    /// Sleeps on the injected clock; `requestStop` and finished passes cut it short.
    func sleep(seconds: Double) async {
        let clock = self.clock
        let duration = Duration.milliseconds(Int64((seconds * 1000).rounded(.up)))
        let task = Task { _ = try? await clock.sleep(for: duration) }
        sleeper = task
        await task.value
        sleeper = nil
    }

    /// Waits until no pass is in flight; false if `timeout` passed first (or a forced stop).
    func waitForIdle(timeout: Duration?) async -> Bool {
        if running.isEmpty { return true }
        let id = nextWaiterID
        nextWaiterID += 1
        var timer: Task<Void, Never>?
        if let timeout {
            let clock = self.clock
            timer = Task {
                try? await clock.sleep(for: timeout)
                self.resumeIdleWaiter(id, false)
            }
        }
        let idle = await withCheckedContinuation { continuation in
            idleWaiters[id] = continuation
        }
        timer?.cancel()
        return idle
    }

    func resumeIdleWaiter(_ id: Int, _ idle: Bool) {
        idleWaiters.removeValue(forKey: id)?.resume(returning: idle)
    }

    func resumeIdleWaiters(_ idle: Bool) {
        let waiters = idleWaiters
        idleWaiters = [:]
        for continuation in waiters.values { continuation.resume(returning: idle) }
    }
}
