import DiscordTypes
import Foundation
import Gateway
import Logging
import Planner

/// The daemon's live cache: one `LiveGuild` per guild, kept by gateway events, seeded and
/// checked by full REST reads. `GatewaySnapshotReader` plans from it when it can stand for
/// Discord's answer: seeded by a REST read, the session connected without lost events,
/// nothing written by our own passes since (their next pass reads REST again), and the
/// last full check younger than `fullCheckInterval`.
///
/// It also decides which events ask for a pass (`GatewayTrigger`): member joins and leaves,
/// and changes to resources our passes own (`owned`, updated after each pass).
public actor GatewayCache {
    struct Entry {
        var guild: LiveGuild
        /// Managed message ids the seeding read was asked for.
        var knownMessages: Set<Snowflake> = []
        var lastFullCheck: Date?
        var needsFullCheck = true
    }

    /// How often the cache is checked against a full REST read (default 30 minutes).
    public nonisolated let fullCheckInterval: TimeInterval
    let logger: Logger
    var entries: [Snowflake: Entry] = [:]
    var owned: [Snowflake: Set<Snowflake>] = [:]
    /// Events that arrived while a REST read of the guild was in flight: replayed on top of
    /// what the read returns, since the read may predate them (list, then watch).
    var duringRead: [Snowflake: [GatewayEvent]] = [:]
    /// Shards whose session is connected (READY or RESUMED since their last drop).
    var connectedShards: Set<Int> = []
    /// How many shards the feed runs (`setShardCount`); the cache is trusted only while all are up.
    var shardCount = 1
    var connected: Bool { connectedShards.count >= shardCount }
    /// Events applied, disagreements found at full checks, snapshots served from the cache.
    public private(set) var stats = Stats()

    public struct Stats: Sendable, Hashable {
        public var events = 0
        public var defects = 0
        public var fullChecks = 0
        public var cachedSnapshots = 0
    }

    public init(fullCheckInterval: TimeInterval = 1800, logger: Logger) {
        self.fullCheckInterval = fullCheckInterval
        self.logger = logger
    }

    /// The number of shards the feed runs.
    public func setShardCount(_ count: Int) { shardCount = max(1, count) }

    /// Folds a gateway event from `shard` in and says which guild wants a pass, and why.
    public func apply(_ event: GatewayEvent, shard: Int = 0) -> (guild: Snowflake, trigger: GatewayTrigger)? {
        stats.events += 1
        switch event {
        case .ready:
            // A new session: events may have been lost since the old one.
            connectedShards.insert(shard)
            for id in entries.keys { entries[id]?.needsFullCheck = true }
            return nil
        case .resumed:
            connectedShards.insert(shard)
            return nil
        default: break
        }
        guard let guildID = event.guildID else { return nil }
        duringRead[guildID]?.append(event)
        var entry = entries[guildID] ?? Entry(guild: LiveGuild(id: guildID))
        entry.guild.apply(event)
        entries[guildID] = entry
        let mine = owned[guildID] ?? []
        switch event {
        case .guildCreate: return (guildID, .guildAvailable)
        case .memberAdd(_, let member): return member.user.map { (guildID, .memberJoined($0.id)) }
        case .memberRemove(_, let user): return (guildID, .memberLeft(user.id))
        case .channelUpdate(let c), .channelDelete(let c), .threadUpdate(let c), .threadDelete(let c):
            return mine.contains(c.id) ? (guildID, .drift(c.id)) : nil
        case .roleUpdate(_, let role): return mine.contains(role.id) ? (guildID, .drift(role.id)) : nil
        case .roleDelete(_, let id): return mine.contains(id) ? (guildID, .drift(id)) : nil
        case .threadMembersUpdate(let update): return mine.contains(update.id) ? (guildID, .drift(update.id)) : nil
        case .messageDelete(_, _, let id): return mine.contains(id) ? (guildID, .drift(id)) : nil
        default: return nil
        }
    }

    /// A connection ended: plan from REST until RESUMED (events replayed, the cache stays
    /// good) or READY (a new session: events may be lost, so a full read first).
    public func connectionLost(shard: Int = 0) { connectedShards.remove(shard) }

    /// The gateway stopped for good: stop trusting the cache.
    public func disconnected() {
        connectedShards = []
        for id in entries.keys { entries[id]?.needsFullCheck = true }
    }

    /// What our passes own in `guild` (ids of channels, threads, roles, messages).
    public func setOwned(_ ids: Set<Snowflake>, guild: Snowflake) { owned[guild] = ids }

    /// Our own pass wrote to `guild`: the next pass reads REST (and reseeds).
    public func wrote(guild: Snowflake) { entries[guild]?.needsFullCheck = true }

    /// The cached guild, if one is known.
    public func guild(_ id: Snowflake) -> LiveGuild? { entries[id]?.guild }

    /// Guilds the gateway delivered.
    public func guildIDs() -> [Snowflake] { entries.keys.sorted() }

    public func isConnected() -> Bool { connected }

    /// A snapshot from the cache for these inputs, or nil when a REST read is needed.
    func cachedSnapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage], scope: SnapshotScope,
                        at now: Date) -> GuildSnapshot? {
        let miss: String
        if !connected { miss = "gateway not connected" }
        // Scheduled events are not kept by the cache (their events need an intent we do not
        // ask for, and Discord moves their status itself): a plan that reads them reads REST,
        // or it would see owned events as deleted and create them again.
        else if scope.readsScheduledEvents(ownership) { miss = "the plan reads scheduled events, which the cache does not keep" }
        else if let entry = entries[guild] {
            if entry.needsFullCheck || !entry.guild.seeded { miss = "a full read is due (first read, our own writes, or lost events)" }
            else if let last = entry.lastFullCheck, now.timeIntervalSince(last) < fullCheckInterval {
                if let snapshot = Self.snapshot(entry, ownership: ownership, messages: messages, scope: scope) {
                    stats.cachedSnapshots += 1
                    return snapshot
                }
                miss = "the cache lacks thread members or messages this plan reads"
            } else { miss = "the periodic full check is due" }
        } else { miss = "no GUILD_CREATE for the guild yet" }
        logger.debug("planning from a REST read", metadata: ["guild": "\(guild)", "why": "\(miss)"])
        return nil
    }

    /// A REST read of `guild` starts: events from now on are replayed onto its result.
    func beginRead(_ guild: Snowflake) { duringRead[guild] = [] }

    /// The read failed: nothing to replay onto.
    func abortRead(_ guild: Snowflake) { duringRead[guild] = nil }

    /// Records a full REST read: compares it with the cache when the cache claimed to be
    /// current (disagreements are cache defects, logged), then reseeds from it and replays
    /// the events that arrived during the read (`beginRead`).
    func seed(_ rest: GuildSnapshot, ownership: Ownership, messages: [ManagedMessage], scope: SnapshotScope, at now: Date) {
        stats.fullChecks += 1
        let replay = duringRead.removeValue(forKey: rest.guildID) ?? []
        var entry = entries[rest.guildID] ?? Entry(guild: LiveGuild(id: rest.guildID))
        // Compared only when no event raced the read (else the read may simply be older).
        if connected, replay.isEmpty, entry.guild.seeded, !entry.needsFullCheck,
           let cached = Self.snapshot(entry, ownership: ownership, messages: messages, scope: scope) {
            let defects = Self.differences(cached, rest)
            if !defects.isEmpty {
                stats.defects += defects.count
                logger.warning("gateway cache defect: the cache disagreed with Discord", metadata: [
                    "guild": "\(rest.guildID)", "count": "\(defects.count)",
                    "first": "\(defects.prefix(5).joined(separator: "; "))",
                ])
            }
        }
        var guild = LiveGuild(id: rest.guildID)
        guild.ownerID = rest.ownerID
        guild.botUserID = rest.botUserID
        for channel in rest.channels { guild.channels[channel.id] = channel }
        for thread in rest.threads { guild.threads[thread.id] = thread }
        for role in rest.roles { guild.roles[role.id] = role }
        for member in rest.members { if let user = member.user { guild.members[user.id] = member } }
        for (thread, users) in rest.threadMembers { guild.threadMembers[thread] = Set(users) }
        guild.messages = rest.messages
        for event in replay { guild.apply(event) }
        guild.seeded = true
        entry.guild = guild
        entry.knownMessages = Set(messages.map(\.messageID))
        entry.lastFullCheck = now
        entry.needsFullCheck = false
        entries[rest.guildID] = entry
    }

    /// The snapshot a REST read would give, built from the cache; nil when the cache lacks
    /// something the read would include (a thread's members, a message it never saw).
    static func snapshot(_ entry: Entry, ownership: Ownership, messages: [ManagedMessage],
                         scope: SnapshotScope) -> GuildSnapshot? {
        let live = entry.guild
        guard let bot = live.botUserID else { return nil }
        let ownedThreads = Set(ownership.entries.values.filter { $0.kind == .thread }.map(\.id))
        let threads = live.threads.values.filter { $0.threadMetadata?.archived != true || ownedThreads.contains($0.id) }
        var threadMembers: [Snowflake: [Snowflake]] = [:]
        for thread in threads where ownedThreads.contains(thread.id) && (scope.memberThreads?.contains(thread.id) ?? true) {
            guard let users = live.threadMembers[thread.id] else { return nil }
            threadMembers[thread.id] = users.sorted()
        }
        var found: [Snowflake: Message] = [:]
        for message in messages where !scope.settledThreads.contains(message.channelID) {
            guard entry.knownMessages.contains(message.messageID) else { return nil }
            found[message.messageID] = live.messages[message.messageID]
        }
        return GuildSnapshot(
            guildID: live.id, ownerID: live.ownerID,
            channels: live.channels.values.sorted { $0.id < $1.id }, roles: live.roles.values.sorted { $0.id < $1.id },
            threads: threads.sorted { $0.id < $1.id }, threadMembers: threadMembers,
            members: live.members.values.sorted { ($0.user?.id ?? 0) < ($1.user?.id ?? 0) },
            botUserID: bot, messages: found)
    }

    /// Where two snapshots of one guild disagree, one line each (counters and timestamps
    /// Discord changes without events are left out).
    static func differences(_ cached: GuildSnapshot, _ rest: GuildSnapshot) -> [String] {
        var out: [String] = []
        func normal(_ c: Channel) -> Channel {
            var c = c
            c.guildID = nil
            c.memberCount = nil
            c.messageCount = nil
            c.lastMessageID = nil
            return c
        }
        func compare<T: Hashable>(_ kind: String, _ a: [Snowflake: T], _ b: [Snowflake: T]) {
            for id in Set(a.keys).union(b.keys).sorted() where a[id] != b[id] {
                out.append(a[id] == nil ? "\(kind) \(id) missing from the cache"
                           : b[id] == nil ? "\(kind) \(id) only in the cache" : "\(kind) \(id) differs")
            }
        }
        compare("channel", Dictionary(cached.channels.map { ($0.id, normal($0)) }, uniquingKeysWith: { $1 }),
                Dictionary(rest.channels.map { ($0.id, normal($0)) }, uniquingKeysWith: { $1 }))
        compare("role", Dictionary(cached.roles.map { ($0.id, $0) }, uniquingKeysWith: { $1 }),
                Dictionary(rest.roles.map { ($0.id, $0) }, uniquingKeysWith: { $1 }))
        let restThreads = Set(rest.threads.map(\.id))
        compare("thread", Dictionary(cached.threads.filter { restThreads.contains($0.id) || $0.threadMetadata?.archived != true }
                    .map { ($0.id, normal($0)) }, uniquingKeysWith: { $1 }),
                Dictionary(rest.threads.map { ($0.id, normal($0)) }, uniquingKeysWith: { $1 }))
        compare("member", Dictionary(cached.members.compactMap { m in m.user.map { ($0.id, m.roles.sorted()) } }, uniquingKeysWith: { $1 }),
                Dictionary(rest.members.compactMap { m in m.user.map { ($0.id, m.roles.sorted()) } }, uniquingKeysWith: { $1 }))
        compare("thread members of", cached.threadMembers.filter { rest.threadMembers[$0.key] != nil }.mapValues { $0.sorted() },
                rest.threadMembers.mapValues { $0.sorted() })
        return out
    }
}
