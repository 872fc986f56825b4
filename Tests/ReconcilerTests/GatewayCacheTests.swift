import DiscordTypes
import Foundation
import Gateway
import Logging
import Planner
import Testing
@testable import Reconciler

/// The live cache's rules for standing in for a REST read, without any network.
@Suite struct GatewayCacheTests {
    let guild: Snowflake = 900
    let bot: Snowflake = 901
    let t0 = Date(iso: "2026-12-01T10:00:00Z")

    func rest(channels: [Snowflake] = [10, 11]) -> GuildSnapshot {
        GuildSnapshot(guildID: guild, ownerID: 1, channels: channels.map { Channel(id: $0, type: .guildText, guildID: guild, name: "c\($0)") },
                      roles: [Role(id: guild, name: "@everyone", position: 0)],
                      members: [GuildMember(user: User(id: bot, username: "bot"), roles: [])], botUserID: bot)
    }

    func seeded() async -> GatewayCache {
        let cache = GatewayCache(fullCheckInterval: 600, logger: Logger(label: "test"))
        _ = await cache.apply(.ready(.init(sessionID: "s", resumeGatewayURL: "ws://x", user: User(id: bot, username: "bot"))))
        await cache.seed(rest(), ownership: Ownership(), messages: [], scope: .everything, at: t0)
        return cache
    }

    func cached(_ cache: GatewayCache, at: Date) async -> GuildSnapshot? {
        await cache.cachedSnapshot(guild: guild, ownership: Ownership(), messages: [], scope: .everything, at: at)
    }

    @Test func eventsKeepASeededCacheCurrent() async {
        let cache = await seeded()
        _ = await cache.apply(.channelDelete(Channel(id: 11, type: .guildText, guildID: guild)))
        _ = await cache.apply(.channelCreate(Channel(id: 12, type: .guildText, guildID: guild, name: "new")))
        let snapshot = await cached(cache, at: t0.addingTimeInterval(60))
        #expect(snapshot?.channels.map(\.id) == [10, 12])
    }

    @Test func eventsThatArriveDuringARESTReadAreReplayedOntoIt() async {
        let cache = await seeded()
        await cache.wrote(guild: guild)
        await cache.beginRead(guild)
        // The read returns channel 11, but it was deleted while the read was in flight.
        _ = await cache.apply(.channelDelete(Channel(id: 11, type: .guildText, guildID: guild)))
        await cache.seed(rest(), ownership: Ownership(), messages: [], scope: .everything, at: t0)
        #expect(await cached(cache, at: t0)?.channels.map(\.id) == [10])
        #expect(await cache.stats.defects == 0)
    }

    @Test func aDropStopsTheCacheUntilResumedAndANewSessionNeedsAFullRead() async {
        let cache = await seeded()
        await cache.connectionLost()
        #expect(await cached(cache, at: t0) == nil, "while the connection is down")
        _ = await cache.apply(.resumed)
        #expect(await cached(cache, at: t0) != nil, "resumed: events were replayed")
        await cache.connectionLost()
        _ = await cache.apply(.ready(.init(sessionID: "t", resumeGatewayURL: "ws://x", user: User(id: bot, username: "bot"))))
        #expect(await cached(cache, at: t0) == nil, "a new session may have lost events")
    }

    @Test func ourOwnWritesAndTheFullCheckIntervalSendThePassToREST() async {
        let cache = await seeded()
        #expect(await cached(cache, at: t0.addingTimeInterval(599)) != nil)
        #expect(await cached(cache, at: t0.addingTimeInterval(600)) == nil, "the periodic full check")
        let written = await seeded()
        await written.wrote(guild: guild)
        #expect(await cached(written, at: t0) == nil)
    }

    /// The cache keeps no scheduled events: planning from it would show owned events as
    /// deleted out of band and create them again (a duplicate per pass), so such plans read REST.
    @Test func aPlanThatReadsScheduledEventsIsNeverServedFromTheCache() async {
        let cache = await seeded()
        #expect(await cached(cache, at: t0) != nil)
        var scope = SnapshotScope.everything
        scope.scheduledEvents = true
        #expect(await cache.cachedSnapshot(guild: guild, ownership: Ownership(), messages: [], scope: scope, at: t0) == nil)
        let owned = Ownership(entries: ["series/s/event/e/scheduled-event": OwnershipEntry(id: 77, kind: .scheduledEvent)])
        #expect(await cache.cachedSnapshot(guild: guild, ownership: owned, messages: [], scope: .everything, at: t0) == nil,
                "events the state store owns are read even with the setting off")
    }

    @Test func onlyChangesToOwnedResourcesAskForAPass() async {
        let cache = await seeded()
        await cache.setOwned([10], guild: guild)
        #expect(await cache.apply(.channelUpdate(Channel(id: 11, type: .guildText, guildID: guild)))?.trigger == nil)
        #expect(await cache.apply(.channelUpdate(Channel(id: 10, type: .guildText, guildID: guild)))?.trigger == .drift(10))
        let joined = await cache.apply(.memberAdd(guildID: guild, member: GuildMember(user: User(id: 5, username: "m"))))
        #expect(joined?.trigger == .memberJoined(5))
    }
}
