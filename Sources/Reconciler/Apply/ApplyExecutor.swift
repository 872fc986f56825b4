import DiscordTypes
import Foundation
import Planner
import Spec

/// Runs a plan against Discord: in dependency order, independent changes in parallel (the
/// client's rate limiter paces them), ids from creates fed into the changes that need them.
///
/// For each change: the journal gets the intent before the request and the outcome after it,
/// together with the change's ownership effect in the same transaction. A failed change does
/// not stop the others; the changes that depend on it are skipped with the reason.
public struct ApplyExecutor: Sendable {
    public var store: any StateStore
    public var performer: any ChangePerformer
    public var guildID: Snowflake
    /// Changes in flight at once. The rate limiter serialises each bucket; this only bounds
    /// how many buckets are worked at the same time.
    public var maxConcurrency: Int
    public var now: @Sendable () -> Date
    /// The clock an announcement's deadline (`OwnershipEffect.announce`'s `sendBy`) is
    /// compared with just before its request: `now`, or a simulated clock running from the
    /// instant a plan was made for (`apply --at`, see `Reconciler.apply`).
    public var announcementClock: @Sendable () -> Date

    public init(
        store: any StateStore, performer: any ChangePerformer, guildID: Snowflake,
        maxConcurrency: Int = 8, now: @escaping @Sendable () -> Date = { Date() },
        announcementClock: (@Sendable () -> Date)? = nil
    ) {
        self.store = store
        self.performer = performer
        self.guildID = guildID
        self.maxConcurrency = max(1, maxConcurrency)
        self.now = now
        self.announcementClock = announcementClock ?? now
    }

    /// Applies `plan`, journalling under `runID`; returns one result per change.
    public func run(
        _ plan: Plan, runID: String, progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }
    ) async throws -> [ChangeResult] {
        if !plan.forgotten.isEmpty {
            try await store.apply(plan.forgotten.map { .disown($0) }, guild: guildID)
        }
        if !plan.skippedAnnouncements.isEmpty {
            try await store.apply(plan.skippedAnnouncements.map {
                .announced(SentAlert(key: $0.key.rawValue, sentAt: now(), revision: $0.revision,
                                     outcome: .skipped, reason: $0.reason))
            }, guild: guildID)
        }
        let changes = plan.changes
        let total = changes.count
        progress(.started(total: total))
        guard total > 0 else { return [] }

        let graph = DependencyGraph(changes, guild: guildID)
        var remaining = changes.indices.map(graph.waitCount)
        var ready = Set(changes.indices.filter { remaining[$0] == 0 })
        var results: [Int: ChangeResult] = [:]
        var ids: [ResourceKey: Snowflake] = [:]
        var running = 0

        func finish(_ result: ChangeResult) {
            results[result.index] = result
            progress(.changeFinished(result, completed: results.count, total: total))
        }

        try await withThrowingTaskGroup(of: ChangeResult.self) { group in
            func launch() async throws {
                while running < maxConcurrency, let index = ready.min() {
                    ready.remove(index)
                    let change = changes[index]
                    let operation: DiscordCall
                    do {
                        operation = try change.operation.resolved(ids)
                    } catch {
                        let result = ChangeResult(index: index, key: change.key, summary: change.summaryLine,
                                                  status: .failed, reason: "\(error)")
                        try await journalWithoutRequest(change, runID: runID, status: .failed, reason: "\(error)")
                        finish(result)
                        try await settle(result)
                        continue
                    }
                    running += 1
                    progress(.changeStarted(index: index, summary: change.summaryLine))
                    group.addTask {
                        try await perform(change, operation: operation, runID: runID)
                    }
                }
            }

            func release(_ index: Int) {
                remaining[index] -= 1
                if remaining[index] == 0, results[index] == nil { ready.insert(index) }
            }

            func settle(_ result: ChangeResult) async throws {
                let change = changes[result.index]
                if result.status == .done, let id = result.resourceID { ids[change.key] = id }
                // Skip everything that needs this change to have succeeded, with the reason.
                var queue: [(cause: Int, index: Int)] = []
                for (dependent, requiresSuccess) in graph.dependents[result.index] {
                    if requiresSuccess && result.status != .done {
                        queue.append((result.index, dependent))
                    } else {
                        release(dependent)
                    }
                }
                while let (cause, next) = queue.popLast() {
                    guard results[next] == nil else { continue }
                    ready.remove(next)
                    let causeResult = results[cause]
                    let reason = "skipped: depends on \(changes[cause].summaryLine), which \(causeResult?.status == .failed ? "failed" : "was skipped")"
                    let skipped = ChangeResult(index: next, key: changes[next].key,
                                               summary: changes[next].summaryLine, status: .skipped,
                                               reason: reason)
                    try await journalWithoutRequest(changes[next], runID: runID, status: .skipped, reason: reason)
                    finish(skipped)
                    for (dependent, requiresSuccess) in graph.dependents[next] {
                        if requiresSuccess { queue.append((next, dependent)) } else { release(dependent) }
                    }
                }
            }

            try await launch()
            while let result = try await group.next() {
                running -= 1
                finish(result)
                try await settle(result)
                try await launch()
            }
        }
        return changes.indices.compactMap { results[$0] }
    }

    /// One change: intent, request, outcome (with ownership) — the journal protocol.
    private func perform(_ change: Change, operation: DiscordCall, runID: String) async throws -> ChangeResult {
        // Never late: a plan applied hours after it was made, a prompt left open or long
        // rate-limit waits must not send an announcement after its window closed.
        if case .announce(let key, let revision, let sendBy?) = change.ownership, announcementClock() >= sendBy {
            let reason = Self.windowClosed
            try await journalWithoutRequest(change, runID: runID, status: .skipped, reason: reason, effects: [
                .announced(SentAlert(key: key.rawValue, sentAt: now(), revision: revision, outcome: .skipped, reason: reason))])
            return ChangeResult(index: change.index, key: change.key, summary: change.summaryLine,
                                status: .skipped, reason: reason)
        }
        let (method, path) = operation.requestLine(guild: guildID)
        let identity = operation.createIdentity
        let intent = JournalIntent(
            runID: runID, guildID: guildID, index: change.index, key: change.key,
            action: change.action.rawValue, kind: change.kind, summary: change.summaryLine,
            method: method, route: path, name: identity?.name, parentID: identity?.parent,
            channelType: identity?.channelType, revision: change.announcedRevision, recordedAt: now())
        let entry = try await store.recordIntent(intent)
        func succeeded(_ performed: PerformedChange, answer: String? = nil) async throws -> ChangeResult {
            let resourceID = performed.createdID ?? operation.touchedID
            var effects: [StateEffect] = []
            switch change.ownership {
            case .none: break
            case .forget(let key): effects.append(.disown(key))
            case .announce(let key, let revision, _):
                effects.append(.announced(SentAlert(key: key.rawValue, sentAt: now(),
                                                    messageID: performed.createdID, revision: revision)))
            case .record:
                if let (key, entry) = change.ownership.entry(createdID: performed.createdID) {
                    effects.append(.own(key, entry))
                }
            }
            if case .postMessage(let channel, _, _, _) = operation, let id = performed.createdID,
               let channelID = channel.existingID {
                effects.append(.message(ManagedMessage(
                    key: change.key, channelID: channelID, messageID: id, updatedAt: now())))
            }
            if case .adopt(let key, let messageID, .message, let channelID?) = operation {
                effects.append(.message(ManagedMessage(
                    key: key, channelID: channelID, messageID: messageID, updatedAt: now())))
            }
            if case .editMessage(let channelID, let messageID, _, _, _) = operation {
                // When it was last edited: the signup card's update frequency counts from here.
                effects.append(.message(ManagedMessage(
                    key: change.key, channelID: channelID, messageID: messageID, updatedAt: now())))
            }
            try await store.recordOutcome(
                entry: entry,
                JournalOutcome(status: .ok, httpStatus: performed.httpStatus, answer: answer,
                               resourceID: resourceID, finishedAt: now()),
                effects: effects)
            return ChangeResult(index: change.index, key: change.key, summary: change.summaryLine,
                                status: .done, resourceID: performed.createdID ?? (operation.isCreate ? nil : resourceID))
        }
        do {
            if case .adopt(_, let id, _, _) = operation { return try await succeeded(PerformedChange(createdID: id)) }
            return try await succeeded(try await performer.perform(operation, change: change, guildID: guildID))
        } catch let error as CancellationError {
            throw error
        } catch {
            let failure = ApplyFailure(error)
            // "Unknown channel" on a delete, "unknown member" on a role revoke…: the state the
            // change wanted is already there, so the change is done (and its ownership effect
            // applies: a deleted resource is forgotten).
            if let code = failure.discordCode, operation.isAlreadyDone(code: code) {
                return try await succeeded(PerformedChange(httpStatus: failure.httpStatus),
                                           answer: "already done: \(failure.sentence)")
            }
            if failure.outcomeUnknown {
                // Leave the intent pending: the next run's snapshot settles it (CrashRecovery).
                return ChangeResult(index: change.index, key: change.key, summary: change.summaryLine,
                                    status: .failed, reason: failure.sentence)
            }
            try await store.recordOutcome(
                entry: entry,
                JournalOutcome(status: .failed, httpStatus: failure.httpStatus,
                               discordCode: failure.discordCode, answer: failure.sentence,
                               finishedAt: now()),
                effects: [])
            // A rejected token stops everything at once; the journal already says why.
            if failure.stopsApply { throw error }
            return ChangeResult(index: change.index, key: change.key, summary: change.summaryLine,
                                status: .failed, reason: failure.sentence)
        }
    }

    /// Journals a change that never became a request (skipped, or unresolvable).
    private func journalWithoutRequest(_ change: Change, runID: String, status: JournalStatus, reason: String,
                                       effects: [StateEffect] = []) async throws {
        let (method, path) = change.operation.requestLine(guild: guildID)
        let entry = try await store.recordIntent(JournalIntent(
            runID: runID, guildID: guildID, index: change.index, key: change.key,
            action: change.action.rawValue, kind: change.kind, summary: change.summaryLine,
            method: method, route: path, recordedAt: now()))
        try await store.recordOutcome(entry: entry, JournalOutcome(status: status, answer: reason, finishedAt: now()),
                                      effects: effects)
    }

    /// Why an announcement planned in its window was not sent.
    static let windowClosed = "window closed before it could be sent (announcement_grace)"

}

/// Who waits for whom: the plan's declared dependencies, plus "a ref to `.created(key)`
/// waits for the create of `key`" in case a dependency was left implicit (both skip the
/// dependent when they fail), plus ordering edges: changes that share a rate-limit bucket
/// (route + major parameter) run in plan order. They would be serialised by the limiter
/// anyway, so this costs no time, and it makes creation order — hence Discord's positions —
/// the plan's order. An ordering edge does not skip on failure.
struct DependencyGraph {
    /// Predecessors that must succeed.
    var dependencies: [Set<Int>]
    /// Predecessors that must only finish.
    var ordering: [Set<Int>]
    /// Successors through either kind of edge, and whether the edge requires success.
    var dependents: [[(index: Int, requiresSuccess: Bool)]]

    init(_ changes: [Change], guild: Snowflake = 0) {
        var creator: [ResourceKey: Int] = [:]
        for change in changes where change.operation.isCreate { creator[change.key] = change.index }
        var dependencies = Array(repeating: Set<Int>(), count: changes.count)
        var ordering = Array(repeating: Set<Int>(), count: changes.count)
        var lastInBucket: [String: Int] = [:]
        for (position, change) in changes.enumerated() {
            var deps = Set(change.dependencies.filter { $0 >= 0 && $0 < changes.count && $0 != position })
            for key in change.operation.createdRefs {
                if let index = creator[key], index != position { deps.insert(index) }
            }
            dependencies[position] = deps
            if let bucket = change.operation.bucketKey(guild: guild) {
                if let previous = lastInBucket[bucket], !deps.contains(previous) { ordering[position].insert(previous) }
                lastInBucket[bucket] = position
            }
        }
        var dependents = Array(repeating: [(index: Int, requiresSuccess: Bool)](), count: changes.count)
        for position in changes.indices {
            for dep in dependencies[position] { dependents[dep].append((position, true)) }
            for dep in ordering[position] { dependents[dep].append((position, false)) }
        }
        self.dependencies = dependencies
        self.ordering = ordering
        self.dependents = dependents
    }

    /// Predecessors of `index` of either kind.
    func waitCount(_ index: Int) -> Int { dependencies[index].count + ordering[index].count }
}

extension Change {
    /// The revision an announcement records once sent (nil for every other change).
    var announcedRevision: String? {
        if case .announce(_, let revision, _) = ownership { revision } else { nil }
    }
}

extension DiscordCall {
    /// The existing id a non-create operation acts on, for the journal.
    var touchedID: Snowflake? {
        switch self {
        case .modifyRole(let id, _), .deleteRole(let id), .modifyChannel(let id, _), .deleteChannel(let id):
            id
        case .modifyThread(let thread, _), .addThreadMember(let thread, _): thread.existingID
        case .removeThreadMember(let thread, _): thread
        case .grantRole(_, let role): role.existingID
        case .revokeRole(_, let role): role
        case .setMemberRoles(let user, _, _): user
        case .editMessage(_, let message, _, _, _), .deleteMessage(_, let message),
             .unpinMessage(_, let message): message
        case .pinMessage(_, let message): message.existingID
        case .modifyScheduledEvent(let id, _), .deleteScheduledEvent(let id): id
        case .adopt(_, let id, _, _): id
        default: nil
        }
    }
}
