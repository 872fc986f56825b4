import Discord
import DiscordTypes
import Foundation
import MemberSync
import Spec

/// The daemon's reconcile passes. With a bot token every club goes through one shared
/// `DiscordClient` (one global rate limit). Without one, each club uses its own local
/// sandbox guild — the very one `plan`/`apply` use (`.simlane/sandbox.json` beside its
/// state store), started on the club's first pass. Each club's state store is opened once.
public actor ClubReconcilers {
    /// Where the passes go.
    public enum Target: Sendable {
        /// Discord (or `DISCORD_API_BASE`) through this client, shared by every club.
        case discord(DiscordClient)
        /// Each club's local sandbox guild.
        case sandbox
    }

    public nonisolated let target: Target
    /// `--state`: the one club's state store, when the daemon runs a single club.
    let stateOverride: String?
    private var stores: [String: SQLiteStateStore] = [:]
    /// Each club's read cache, kept across passes (`ReadCache`): a steady-state pass reads
    /// the snapshot lists only, and what Discord could change behind our back (a card
    /// deleted, a thread member removed by a moderator) is read again at least every
    /// `readCacheLifetime`.
    private var readCaches: [String: ReadCache] = [:]
    public nonisolated let readCacheLifetime: TimeInterval
    private var sandboxes: [String: (guild: SandboxGuild, client: DiscordClient)] = [:]
    /// The gateway's live cache, when the daemon runs with the gateway (`attach(gateway:)`).
    var gatewayCache: GatewayCache?
    /// Which clubs reconcile each guild (learned at their passes), for routing events.
    var guildClubs: [Snowflake: Set<String>] = [:]
    /// Clubs a member joined since their last pass: the pass syncs members first (`on_join`).
    var pendingJoins: Set<String> = []

    /// The default `readCacheLifetime`: half an hour, six polls at the default interval.
    public static let defaultReadCacheLifetime: TimeInterval = 1800

    public init(target: Target, stateOverride: String? = nil, readCacheLifetime: TimeInterval = defaultReadCacheLifetime) {
        self.target = target
        self.stateOverride = stateOverride
        self.readCacheLifetime = readCacheLifetime
    }

    public init(client: DiscordClient, stateOverride: String? = nil,
                readCacheLifetime: TimeInterval = defaultReadCacheLifetime) {
        self.init(target: .discord(client), stateOverride: stateOverride, readCacheLifetime: readCacheLifetime)
    }

    /// The newest run in each club's state store after our last pass.
    private var lastRunSeen: [String: String] = [:]

    /// The read cache of `club`: kept while the state store's newest run is the one our last
    /// pass left (nobody else, such as an `apply` from the CLI, wrote the guild since);
    /// otherwise a fresh one.
    func readCache(for club: ClubSource, newestRun: String?) -> ReadCache {
        if let cache = readCaches[club.id], lastRunSeen[club.id] == newestRun { return cache }
        let cache = ReadCache(lifetime: readCacheLifetime)
        readCaches[club.id] = cache
        return cache
    }

    func passFinished(_ club: ClubSource, newestRun: String?) {
        lastRunSeen[club.id] = newestRun
    }

    /// The state store of `club`, opened on first use.
    public func store(for club: ClubSource) throws -> SQLiteStateStore {
        if let store = stores[club.id] { return store }
        let store = try SQLiteStateStore(path: stateFile(for: club))
        stores[club.id] = store
        return store
    }

    /// How long a pass waits for another run (an `apply`) to release the club's state lock.
    static let lockTimeout: Duration = .seconds(30)

    /// The state store file of `club` (`--state`, or `.simlane/state.sqlite` beside it).
    public nonisolated func stateFile(for club: ClubSource) -> String {
        StatePath.stateFile(config: club.path, override: stateOverride)
    }

    /// The client for `club`: the shared one, or its sandbox's (started on first use).
    public func client(for club: ClubSource, config: ClubConfig) async throws -> DiscordClient {
        switch target {
        case .discord(let client):
            return client
        case .sandbox:
            if let sandbox = sandboxes[club.id] { return sandbox.client }
            let file = StatePath.sandboxFile(stateFile: stateFile(for: club))
            let guild = try await SandboxGuild.start(config: config, file: file)
            if let raced = sandboxes[club.id] {
                await guild.stop()
                return raced.client
            }
            let client = DiscordClient(configuration: guild.clientConfiguration)
            sandboxes[club.id] = (guild, client)
            return client
        }
    }

    /// Sandbox files in use, per club (for the startup log line).
    public func sandboxFiles() -> [String: String] { sandboxes.mapValues(\.guild.file) }

    /// One pass: snapshot, settle interrupted runs, plan, apply (journalled), holding the
    /// club's state lock (waiting up to `lockTimeout` for an `apply` to finish, else the pass
    /// fails and is retried with back-off). Once `stop` is raised no further change is sent.
    public nonisolated func pass(_ club: ClubSource, config: ClubConfig, at instant: Date, stop: StopSignal)
        async throws -> PassOutcome
    {
        let lock = try await StateLock.acquire(statePath: stateFile(for: club), timeout: Self.lockTimeout)
        defer { lock.release() }
        let store = try await store(for: club)
        let client = try await client(for: club, config: config)
        let guildID = config.settings.discord.guildID
        let cache = await readCache(for: club, newestRun: try await store.runs(guild: guildID, limit: 1).first?.id)
        let gateway = await gatewayPassStarted(club, guild: guildID)
        let restReader = DiscordSnapshotReader(client: client)
        let reconciler = Reconciler(
            guildID: guildID, store: store,
            reader: gateway.map { GatewaySnapshotReader(rest: restReader, cache: $0) } ?? restReader,
            performer: StoppingChangePerformer(base: DiscordChangePerformer(client: client), stop: stop),
            options: ReconcilerOptions(trigger: "run", readCacheLifetime: readCacheLifetime),
            counts: {
                let metrics = await client.metrics()
                return RequestCounts(requests: metrics.requestsSent, rateLimited: metrics.rateLimited)
            },
            now: { Date() }, readCache: cache)
        // Member sync on its schedule, before the pass, so team and member roles go to the
        // right accounts. A failed sync is recorded (errors 1, the error as detail) and retried
        // at the next pass; it never blocks the pass.
        let syncer = MemberSyncer(client: client, store: store)
        let joined = await takePendingJoin(club)
        let trigger: SyncTrigger? = joined && config.settings.memberSync.interval != nil ? .onJoin
            : (try? await syncer.isDue(config, at: instant)) == true ? .scheduled : nil
        if let trigger {
            do {
                _ = try await syncer.sync(config, trigger: trigger, at: instant, dryRun: false)
            } catch {
                try? await syncer.recordFailure(config, trigger: trigger, at: instant, error: error)
            }
        }
        let outcome: ReconcileOutcome
        do {
            outcome = try await reconciler.reconcile(config: config, at: instant)
        } catch {
            await passFinished(club, newestRun: nil)
            throw error
        }
        await passFinished(club, newestRun: try await store.runs(guild: guildID, limit: 1).first?.id)
        if let gateway { try await Self.gatewayPassFinished(gateway, store: store, guild: guildID, outcome: outcome) }
        return PassOutcome(outcome, interrupted: stop.isStopRequested && !outcome.converged)
    }

    /// The counters of every client in use (the shared one, or each sandbox's).
    public func clientMetrics() async -> [ClientMetrics] {
        var clients: [DiscordClient] = sandboxes.values.map(\.client)
        if case .discord(let client) = target { clients.append(client) }
        var result: [ClientMetrics] = []
        for client in clients { result.append(await client.metrics()) }
        return result
    }

    /// Requests and 429s of every client in use.
    public func counters() async -> RequestCounters {
        var clients: [DiscordClient] = sandboxes.values.map(\.client)
        if case .discord(let client) = target { clients.append(client) }
        var total = RequestCounters()
        for client in clients {
            let metrics = await client.metrics()
            total.requests += metrics.requestsSent
            total.rateLimited += metrics.rateLimited
        }
        return total
    }

    /// Saves and stops the sandbox guilds (no-op on Discord).
    public func close() async {
        for sandbox in sandboxes.values { await sandbox.guild.stop() }
        sandboxes = [:]
    }

    /// The production driver: Spec's loader, these passes, these counters.
    public nonisolated func driver() -> ClubDriver {
        ClubDriver(
            pass: { club, config, now, stop in try await self.pass(club, config: config, at: now, stop: stop) },
            counters: { await self.counters() })
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
        skippedAnnouncements = outcome.skippedAnnouncements
    }

    static func summary(_ errors: [String]) -> String {
        let head = errors.prefix(3).joined(separator: "; ")
        return errors.count > 3 ? "\(errors.count) changes failed: \(head); …" : head
    }
}
