import Discord
import DiscordTypes
import Foundation
import Spec

/// The daemon's reconcile passes over one shared `DiscordClient`: each club gets its own
/// state store (opened once, `.simlane/state.sqlite` beside its configuration) and a
/// `Reconciler` whose performer honours the daemon's stop signal.
public actor ClubReconcilers {
    public nonisolated let client: DiscordClient
    /// `--state`: the one club's state store, when the daemon runs a single club.
    let stateOverride: String?
    private var stores: [String: SQLiteStateStore] = [:]

    public init(client: DiscordClient, stateOverride: String? = nil) {
        self.client = client
        self.stateOverride = stateOverride
    }

    /// The state store of `club`, opened on first use.
    public func store(for club: ClubSource) throws -> SQLiteStateStore {
        if let store = stores[club.id] { return store }
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: stateOverride))
        stores[club.id] = store
        return store
    }

    /// One pass: snapshot, settle interrupted runs, plan, apply (journalled).
    public nonisolated func pass(_ club: ClubSource, config: ClubConfig, at instant: Date, stop: StopSignal)
        async throws -> PassOutcome
    {
        let store = try await store(for: club)
        let client = self.client
        let reconciler = Reconciler(
            guildID: config.settings.discord.guildID, store: store,
            reader: DiscordSnapshotReader(client: client),
            performer: StoppingChangePerformer(base: DiscordChangePerformer(client: client), stop: stop),
            options: ReconcilerOptions(trigger: "run"),
            counts: {
                let metrics = await client.metrics()
                return RequestCounts(requests: metrics.requestsSent, rateLimited: metrics.rateLimited)
            })
        let outcome = try await reconciler.reconcile(config: config, at: instant)
        return PassOutcome(outcome, interrupted: stop.isStopRequested && !outcome.converged)
    }

    /// The production driver: Spec's loader, these passes, the shared client's counters.
    public nonisolated func driver() -> ClubDriver {
        ClubDriver(client: client) { club, config, now, stop in
            try await self.pass(club, config: config, at: now, stop: stop)
        }
    }
}

extension PassOutcome {
    /// The loop's view of a reconciler outcome.
    public init(_ outcome: ReconcileOutcome, interrupted: Bool = false) {
        self.init(
            planned: outcome.planned, applied: outcome.applied, failed: interrupted ? 0 : outcome.failed,
            skipped: outcome.skipped, nextTransition: outcome.nextTransition,
            nextTransitionReason: outcome.nextTransitionReason, interrupted: interrupted,
            failureSummary: outcome.errors.isEmpty ? nil : Self.summary(outcome.errors))
    }

    static func summary(_ errors: [String]) -> String {
        let head = errors.prefix(3).joined(separator: "; ")
        return errors.count > 3 ? "\(errors.count) changes failed: \(head); …" : head
    }
}
