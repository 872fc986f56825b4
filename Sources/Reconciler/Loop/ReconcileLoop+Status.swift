import Foundation
import Logging

extension ReconcileLoop {
    /// One club's status with its current schedule.
    func clubStatus(_ id: String) -> ClubStatus {
        var status = clubs[id]?.status ?? ClubStatus(id: id, path: "")
        status.running = running[id] != nil
        if let schedule = scheduler[id] {
            status.nextWake = status.running ? nil : schedule.nextWake
            status.nextWakeReason = status.running ? "running" : schedule.reason.description
            status.nextWakeKind = status.running ? "running" : schedule.reason.kind
            status.consecutiveFailures = schedule.consecutiveFailures
        } else {
            status.nextWakeReason = WakeReason.waitingForValidConfig.description
            status.nextWakeKind = WakeReason.waitingForValidConfig.kind
        }
        return status
    }

    func makeStatus() -> DaemonStatus {
        DaemonStatus(
            pid: getpid(), state: state, startedAt: startedAt, updatedAt: now(),
            pollIntervalSeconds: options.pollInterval.seconds, error: fatalError,
            counters: counters, clubs: order.map(clubStatus))
    }

    /// Writes the status file when something changed since the last write.
    func writeStatusIfDirty(force: Bool = false) async {
        guard let statusFile, statusDirty || force else { return }
        statusDirty = false
        lastStatusWrite = now()
        let status = await self.status()
        do {
            try statusFile.write(status)
        } catch {
            logger.warning("could not write the status file", metadata: [
                "path": "\(statusFile.path)", "error": "\(error.localizedDescription)",
            ])
        }
    }
}
