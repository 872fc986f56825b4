import DiscordTypes
import Foundation
import MemberSync
import Planner
import Spec

/// One guild's reconciler: the reusable one-shot API behind `plan`, `apply` and the daemon.
///
/// ```swift
/// let reconciler = Reconciler(client: client, store: store, guildID: config.settings.discord.guildID)
/// let run = try await reconciler.plan(config: config, at: now)       // snapshot, recover, diff
/// let report = try await reconciler.apply(run) { print($0) }        // journalled, parallel
/// // or, in one go (what the daemon calls each tick):
/// let outcome = try await reconciler.reconcile(config: config, at: now)
/// ```
///
/// `plan` reads the guild (a handful of GETs), settles what an interrupted earlier run left
/// in the journal (adopting resources whose create answer was lost), then diffs.
public final class Reconciler: Sendable {
    public let guildID: Snowflake
    public let store: any StateStore
    public let options: ReconcilerOptions
    let reader: any SnapshotReader
    let performer: any ChangePerformer
    let counts: @Sendable () async -> RequestCounts
    let now: @Sendable () -> Date
    let readCache: ReadCache

    /// A reconciler over any reader and performer (tests script them; `init(client:…)` uses
    /// Discord's).
    public convenience init(
        guildID: Snowflake, store: any StateStore, reader: any SnapshotReader,
        performer: any ChangePerformer, options: ReconcilerOptions = ReconcilerOptions(),
        counts: @escaping @Sendable () async -> RequestCounts = { RequestCounts() },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(guildID: guildID, store: store, reader: reader, performer: performer, options: options,
                  counts: counts, now: now, readCache: ReadCache(lifetime: options.readCacheLifetime))
    }

    /// A reconciler sharing `readCache` with earlier ones of the same guild (the daemon makes
    /// one reconciler per pass but keeps each club's cache across passes).
    init(
        guildID: Snowflake, store: any StateStore, reader: any SnapshotReader, performer: any ChangePerformer,
        options: ReconcilerOptions, counts: @escaping @Sendable () async -> RequestCounts,
        now: @escaping @Sendable () -> Date, readCache: ReadCache
    ) {
        self.guildID = guildID
        self.store = store
        self.reader = reader
        self.performer = performer
        self.options = options
        self.counts = counts
        self.now = now
        self.readCache = readCache
    }

    // MARK: Plan

    /// Compiles `config` at `at`, reads the guild and plans.
    public func plan(config: ClubConfig, at: Date) async throws -> PlannedRun {
        try await plan(compiled: compile(config, at: at), at: at, configHash: Self.hash(config),
                       signupUpdateFrequency: config.settings.notifications.signupUpdateFrequency)
    }

    /// The layout of `config` at `at`, with the club-wide member role (`member_sync.member_role`)
    /// held by the active roster of the state store: what every plan of this guild diffs.
    func compile(_ config: ClubConfig, at: Date) async throws -> CompiledGuild {
        var compiled = Compiler.compile(config, at: at)
        if config.settings.memberSync.memberRole != nil {
            compiled.desired = MemberRole.adding(to: compiled.desired, settings: config.settings,
                                                 roster: try await store.roster(guild: guildID))
        }
        return compiled
    }

    /// Reads the guild, settles interrupted runs, and diffs against `compiled`. Signup cards
    /// edited less than `signupUpdateFrequency` before `at` keep their content for now.
    public func plan(
        compiled: CompiledGuild, at: Date, configHash: String, signupUpdateFrequency: TimeInterval = 0
    ) async throws -> PlannedRun {
        let (snapshot, ownership, recovered) = try await refresh(for: compiled.desired)
        return try await diff(compiled: compiled, at: at, configHash: configHash,
                              signupUpdateFrequency: signupUpdateFrequency,
                              snapshot: snapshot, ownership: ownership, recovered: recovered)
    }

    /// Diffs `compiled` against an already read guild and ownership.
    func diff(
        compiled: CompiledGuild, at: Date, configHash: String, signupUpdateFrequency: TimeInterval,
        snapshot: GuildSnapshot, ownership: Ownership, recovered: [ResourceKey: Snowflake]
    ) async throws -> PlannedRun {
        var planOptions = options.plan
        planOptions.at = at
        planOptions.heldMessageEdits = SignupCardThrottle(frequency: signupUpdateFrequency)
            .held(try await store.managedMessages(guild: guildID), at: at)
        for alert in try await store.sentAlerts(guild: guildID) {
            planOptions.announced[ResourceKey(alert.key)] = alert.revision ?? ""
        }
        do {
            let plan = try Planner.diff(desired: compiled.desired, snapshot: snapshot, ownership: ownership,
                                        options: planOptions)
            var run = PlannedRun(compiled: compiled, instant: at, snapshot: snapshot, ownership: ownership,
                                 plan: plan, configHash: configHash, recovered: recovered)
            run.plannedAt = now()
            return run
        } catch {
            throw ReconcileError.refused(error)
        }
    }

    /// The live guild and ownership, after settling the journal of interrupted runs. Given
    /// the layout to plan for, reads only what a plan for it can change (`SnapshotScope`).
    public func refresh(for desired: DesiredGuild? = nil) async throws -> (GuildSnapshot, Ownership, [ResourceKey: Snowflake]) {
        var ownership = try await store.ownership(guild: guildID)
        var messages = try await store.managedMessages(guild: guildID)
        let known = await readCache.known(at: now())
        func scope() -> SnapshotScope {
            guard let desired else { return .everything }
            var scope = SnapshotScope(desired: desired, ownership: ownership)
            scope.knownThreadMembers = known.members.filter { scope.memberThreads?.contains($0.key) ?? false }
            scope.knownMessages = known.messages
            return scope
        }
        let firstScope = scope()
        var snapshot = try await reader.snapshot(guild: guildID, ownership: ownership, messages: messages, scope: firstScope)
        let messageChannels = Set(messages.map(\.channelID)).subtracting(firstScope.settledThreads)
        await readCache.remember(snapshot, messageChannels: messageChannels, reused: firstScope, at: now())
        if let desired { try await addAdoptionCandidates(to: &snapshot, desired: desired, ownership: ownership) }
        let pending = try await store.pendingIntents(guild: guildID)
        guard !pending.isEmpty else { return (snapshot, ownership, [:]) }

        var recent: [Snowflake: [Message]] = [:]
        for entry in pending where entry.intent.action == Action.post.rawValue && ownership[entry.intent.key] == nil {
            guard let channel = entry.intent.parentID, recent[channel] == nil else { continue }
            recent[channel] = (try? await reader.recentMessages(
                in: channel, since: entry.intent.recordedAt.addingTimeInterval(-CrashRecovery().skew))) ?? []
        }
        let resolution = CrashRecovery().resolve(pending: pending, snapshot: snapshot, ownership: ownership,
                                                 recentMessages: recent)
        if !resolution.effects.isEmpty {
            try await store.apply(resolution.effects, guild: guildID)
        }
        for (id, note) in resolution.notes {
            try await store.resolvePending([id], note: note, at: now())
        }
        try await markInterruptedRuns(pending)
        if !resolution.adopted.isEmpty {
            ownership = try await store.ownership(guild: guildID)
            messages = try await store.managedMessages(guild: guildID)
            // Adopted messages must be read so the planner can compare them.
            if resolution.effects.contains(where: { if case .message = $0 { true } else { false } }) {
                snapshot = try await reader.snapshot(guild: guildID, ownership: ownership, messages: messages,
                                                     scope: scope())
            }
        }
        return (snapshot, ownership, resolution.adopted)
    }

    private func markInterruptedRuns(_ pending: [JournalEntry]) async throws {
        let runIDs = Set(pending.map(\.intent.runID))
        for run in try await store.runs(guild: guildID, limit: 50)
        where run.status == .running && runIDs.contains(run.id) {
            var interrupted = run
            interrupted.status = .interrupted
            interrupted.finishedAt = now()
            try await store.finishRun(interrupted)
        }
    }

    // MARK: Apply

    /// Executes a planned run: journalled, in dependency order, independent changes in
    /// parallel. Never throws for a failed change (see the report); throws only when the
    /// state store itself fails.
    public func apply(
        _ run: PlannedRun, progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }
    ) async throws -> ApplyReport {
        let before = await counts()
        let runID = UUID().uuidString.lowercased()
        var record = RunRecord(id: runID, guildID: guildID, startedAt: now(), planned: run.plan.changes.count,
                               trigger: options.trigger)
        try await store.beginRun(record)
        let clock = now
        let offset = run.plannedAt.map { run.instant.timeIntervalSince($0) } ?? 0
        let executor = ApplyExecutor(store: store, performer: performer, guildID: guildID,
                                     maxConcurrency: options.maxConcurrency, now: now,
                                     announcementClock: { clock().addingTimeInterval(offset) })
        let results = try await executor.run(run.plan, runID: runID, progress: progress)
        await readCache.forget(touchedBy: run.plan)
        let used = await counts() - before
        let report = ApplyReport(runID: runID, results: results, requests: used.requests,
                                 rateLimited: used.rateLimited)
        record.finishedAt = now()
        record.status = report.succeeded ? .succeeded : .failed
        record.applied = report.done
        record.failed = report.failed
        record.skipped = report.skipped
        try await store.finishRun(record)
        return report
    }

    /// Applies a saved plan file after verifying it: a plan file is input, never trusted.
    /// Refused before any request unless it was made from this configuration (config hash),
    /// for this guild and state (fingerprints), every operation acts on the resource its own
    /// change names and deletes nothing protected, and it is exactly the plan this
    /// configuration gives at the plan's instant (re-derived and compared change by change).
    /// The guild is read as the plan read it (same `SnapshotScope`), so an unchanged guild
    /// fingerprints the same.
    public func apply(
        saved: SavedPlan, config: ClubConfig,
        progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }
    ) async throws -> ApplyReport {
        guard saved.plan.guildID == guildID else {
            throw ReconcileError.planMismatch("it is for guild \(saved.plan.guildID), not \(guildID)")
        }
        let configHash = Self.hash(config)
        guard saved.configHash == configHash else {
            throw ReconcileError.planMismatch(
                "it was made from another configuration (config hash \(saved.configHash), this one is \(configHash))")
        }
        // What can be checked against the state store alone is checked before any request.
        let compiled = try await compile(config, at: saved.instant)
        if let violation = SavedPlanAudit.firstViolation(
            in: saved.plan, ownership: try await store.ownership(guild: guildID), snapshot: nil,
            policy: compiled.desired.policy) {
            throw ReconcileError.tamperedPlan(violation)
        }
        let (snapshot, ownership, _) = try await refresh(for: compiled.desired)
        if let why = saved.staleness(against: snapshot, ownership: ownership) {
            throw ReconcileError.stalePlan(why)
        }
        if let violation = SavedPlanAudit.firstViolation(
            in: saved.plan, ownership: ownership, snapshot: snapshot, policy: compiled.desired.policy) {
            throw ReconcileError.tamperedPlan(violation)
        }
        var fresh = try await diff(
            compiled: compiled, at: saved.instant, configHash: configHash,
            signupUpdateFrequency: config.settings.notifications.signupUpdateFrequency,
            snapshot: snapshot, ownership: ownership, recovered: [:])
        if let violation = SavedPlanAudit.firstDifference(saved: saved.plan, fresh: fresh.plan) {
            throw ReconcileError.tamperedPlan(violation)
        }
        fresh.plannedAt = nil // the real clock decides whether an announcement is still due
        return try await apply(fresh, progress: progress)
    }

    // MARK: Reconcile

    /// Plan and apply in one go, for the daemon: reports what was applied, whether the guild
    /// has converged, and when the layout changes next. A planner refusal throws.
    public func reconcile(
        config: ClubConfig, at: Date, progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }
    ) async throws -> ReconcileOutcome {
        let before = await counts()
        let run = try await plan(config: config, at: at)
        var report: ApplyReport?
        if !run.plan.isEmpty { report = try await apply(run, progress: progress) }
        let used = await counts() - before
        var outcome = ReconcileOutcome(
            runID: report?.runID, planned: run.plan.changes.count, applied: report?.done ?? 0,
            failed: report?.failed ?? 0, skipped: report?.skipped ?? 0,
            converged: report?.succeeded ?? true,
            nextTransition: run.compiled.nextTransition,
            nextTransitionReason: run.compiled.nextTransitionReason,
            requests: used.requests, rateLimited: used.rateLimited,
            errors: report?.results.filter { $0.status == .failed }.map { "\($0.summary): \($0.reason ?? "failed")" } ?? [])
        if report != nil { outcome.skippedAnnouncements = run.plan.skippedAnnouncements.map(\.line) }
        return outcome
    }

    /// A stable hash of a club's settings and data (for saved plans).
    public static func hash(_ config: ClubConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        var hasher = StableHasher()
        hasher.combine(bytes: (try? encoder.encode(config.settings)) ?? Data())
        hasher.combine(bytes: (try? encoder.encode(config.club)) ?? Data())
        return hasher.hex
    }
}
