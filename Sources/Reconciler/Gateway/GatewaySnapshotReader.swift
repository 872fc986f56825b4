import DiscordTypes
import Foundation
import Planner

/// Plans from the gateway's live cache when it can (no REST request at all), and reads
/// Discord over REST otherwise: at the first pass, after our own writes, after events may
/// have been lost, while the gateway is down, and every `GatewayCache.fullCheckInterval`,
/// when it also checks the cache against what REST says (see `GatewayCache`).
public struct GatewaySnapshotReader: SnapshotReader {
    public let rest: any SnapshotReader
    public let cache: GatewayCache
    let now: @Sendable () -> Date

    public init(rest: any SnapshotReader, cache: GatewayCache, now: @escaping @Sendable () -> Date = { Date() }) {
        self.rest = rest
        self.cache = cache
        self.now = now
    }

    public func snapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage]) async throws -> GuildSnapshot {
        try await snapshot(guild: guild, ownership: ownership, messages: messages, scope: .everything)
    }

    public func snapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage],
                         scope: SnapshotScope) async throws -> GuildSnapshot {
        let instant = now()
        if let cached = await cache.cachedSnapshot(guild: guild, ownership: ownership, messages: messages,
                                                   scope: scope, at: instant) {
            return cached
        }
        // The read must not reuse older reads: it seeds the cache as Discord's answer.
        var fresh = scope
        fresh.knownMessages = [:]
        fresh.knownThreadMembers = [:]
        await cache.beginRead(guild)
        let snapshot: GuildSnapshot
        do {
            snapshot = try await rest.snapshot(guild: guild, ownership: ownership, messages: messages, scope: fresh)
        } catch {
            await cache.abortRead(guild)
            throw error
        }
        await cache.seed(snapshot, ownership: ownership, messages: messages, scope: fresh, at: instant)
        return snapshot
    }

    public func recentMessages(in channel: Snowflake, since: Date) async throws -> [Message] {
        try await rest.recentMessages(in: channel, since: since)
    }

    public func adoptionCandidates(in channels: [Snowflake], bot: Snowflake) async throws -> [Message] {
        try await rest.adoptionCandidates(in: channels, bot: bot)
    }
}
