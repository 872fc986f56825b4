import Foundation
import MemberSync
import Reconciler
import Spec

extension ServeApp {
    /// `POST /api/clubs/{club}/discord/sync-members`: starts a member sync (or joins the one
    /// running) and waits up to `syncBudget` for it: 200 with the finished run, else 202 with
    /// the run to `GET` later. The sync holds the club's state lock like `sync-members`.
    func startSync(club: String) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        let config = try await catalog.config(source)
        let id = await startSync(source: source, config: config)
        guard let run = await syncRuns.wait(id, budget: options.syncBudget, clock: options.clock) else {
            throw APIError(500, .internalError, "the sync run vanished")
        }
        return .json(run, status: run.status == .running ? 202 : 200)
    }

    /// Starts (or joins) the sync of `source`; returns its run id.
    @discardableResult
    func startSync(source: ClubSource, config: ClubConfig) async -> String {
        let reconcilers = self.reconcilers
        let now = options.now
        let (id, started) = await syncRuns.start(club: source.id, at: now(), clock: now) {
            let lock = try await StateLock.acquire(statePath: reconcilers.stateFile(for: source), timeout: .seconds(30))
            defer { lock.release() }
            let store = try await reconcilers.store(for: source)
            let client = try await reconcilers.client(for: source, config: config)
            return try await MemberSyncer(client: client, store: store)
                .sync(config, trigger: .manual, at: now(), dryRun: false)
        }
        if started { await metrics.recordSyncStarted() }
        return id
    }

    /// `GET /api/clubs/{club}/discord/sync-members/{run}`: a sync run and, once finished,
    /// its report.
    func syncRun(club: String, run id: String) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        guard let run = await syncRuns.run(id), run.club == source.id else {
            throw APIError(404, .notFound, "no sync run '\(id.prefix(64))' for this club (runs are kept in memory, the last 100)")
        }
        return .json(run)
    }
}
