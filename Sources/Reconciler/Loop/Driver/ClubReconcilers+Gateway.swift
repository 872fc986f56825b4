import DiscordTypes
import Foundation
import Planner

extension ClubReconcilers {
    /// Plans from the gateway's live cache from now on (`GatewaySnapshotReader`).
    public func attach(gateway cache: GatewayCache) { gatewayCache = cache }

    /// Clubs whose guild is `guild` (known once each has run a pass).
    public func clubs(in guild: Snowflake) -> [String] { (guildClubs[guild] ?? []).sorted() }

    /// A member joined `club`'s guild: its next pass syncs members first (`on_join`).
    public func memberJoined(club: String) { pendingJoins.insert(club) }

    func takePendingJoin(_ club: ClubSource) -> Bool { pendingJoins.remove(club.id) != nil }

    /// Records which guild `club` reconciles; the cache, when the gateway is attached.
    func gatewayPassStarted(_ club: ClubSource, guild: Snowflake) -> GatewayCache? {
        // A club whose settings now name another guild no longer takes the old one's events.
        for other in guildClubs.keys where other != guild { guildClubs[other]?.remove(club.id) }
        guildClubs[guild, default: []].insert(club.id)
        return gatewayCache
    }

    /// After a pass: tell the cache what we own (so events on it ask for a pass), and that
    /// we wrote to the guild (so the next pass reads REST and reseeds the cache).
    static func gatewayPassFinished(_ cache: GatewayCache, store: SQLiteStateStore, guild: Snowflake,
                                    outcome: ReconcileOutcome) async throws {
        var owned = Set(try await store.ownership(guild: guild).entries.values.map(\.id))
        owned.formUnion(try await store.managedMessages(guild: guild).map(\.messageID))
        await cache.setOwned(owned, guild: guild)
        if outcome.applied > 0 || outcome.failed > 0 { await cache.wrote(guild: guild) }
    }
}
