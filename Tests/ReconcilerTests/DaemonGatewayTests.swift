import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Gateway
import Logging
import Testing
@testable import Reconciler

/// The daemon with the gateway against the emulator: events drive passes without waiting
/// for the poll, and a converged guild is planned from the live cache with no request.
@Suite("Daemon gateway", .serialized)
struct DaemonGatewayTests {
    let guild: Snowflake = 1_300_000_000_000_000_021
    let start = Date(iso: "2026-12-01T09:00:00Z")
    /// Teams already published: the layout has the signup channel, team roles and threads.
    var data: String {
        SeasonFixture.club(opens: "2026-11-28T10:00:00Z", closes: "2026-11-30T10:00:00Z",
                           teams: "2026-11-30T12:00:00Z", start: "2026-12-06T18:00:00Z")
    }

    /// A harness whose daemon runs with the gateway: cache attached, feed connected.
    struct Rig {
        let harness: DaemonHarness
        let loop: ReconcileLoop<ClubDriver>
        let cache: GatewayCache
        let feed: GatewayFeed
        let commands: TextCommandResponder

        /// Waits until every event the emulator sent so far has been handled.
        func settle() async {
            await harness.emulator.publishGatewayEvents()
            let emulator = harness.emulator
            let feed = self.feed
            _ = await eventually { emulator.gateway.currentStats.dispatches == (await feed.handled) }
        }

        /// Settles, then runs the passes due no later than `limit`; returns them.
        @discardableResult
        func drain(until limit: Date) async -> [ScheduledWake] {
            var wakes: [ScheduledWake] = []
            await settle()
            while let wake = await harness.step(loop, notAfter: limit) {
                wakes.append(wake)
                await settle()
            }
            return wakes
        }

        func stop() async {
            await feed.stop()
            await harness.shutdown()
        }
    }

    func makeRig(members: [Snowflake] = DaemonHarness.members, fullCheck: TimeInterval = 1800,
                 textCommands: Bool = false) async throws -> Rig {
        let harness = try await DaemonHarness(start: start)
        await harness.emulator.seedGuild(GuildSeed(
            id: guild, name: "Gateway", bot: DaemonHarness.bot, botPermissions: .reconcilerBot, memberIDs: members))
        let club = try harness.writeClub("gw", guild: guild, data: data)
        let loop = harness.makeLoop([club], poll: .seconds(300))
        let cache = GatewayCache(fullCheckInterval: fullCheck, logger: .daemonTest(harness.logs))
        await harness.reconcilers.attach(gateway: cache)
        let now = harness.now
        let link = GatewayDaemonLink(loop: loop, reconcilers: harness.reconcilers, debounce: 2, now: { now.date },
                                     logger: .daemonTest(harness.logs))
        let client = harness.client
        var quiet = Logger(label: "gateway")
        quiet.logLevel = .critical
        let session = GatewaySession(
            configuration: GatewayConfiguration(token: DaemonHarness.token,
                                                intents: .needed(memberSync: true, textCommands: textCommands),
                                                reconnectDelay: .milliseconds(10), invalidSessionDelay: .milliseconds(1)),
            transport: WebSocketGatewayTransport(logger: quiet), gatewayInfo: { try await client.gatewayBot() },
            logger: quiet)
        let commands = TextCommandResponder(client: client, clubs: [club], reconcilers: harness.reconcilers,
                                            logger: .daemonTest(harness.logs))
        let feed = GatewayFeed(session: session, cache: cache, logger: .daemonTest(harness.logs),
                               onTrigger: { await link.handle(guild: $0, trigger: $1) },
                               onMessage: { await commands.handle(guild: $0, message: $1) })
        await commands.attach(feed: feed)
        await feed.start()
        #expect(await eventually { await cache.isConnected() })
        return Rig(harness: harness, loop: loop, cache: cache, feed: feed, commands: commands)
    }

    /// The first pass applies the layout; the next poll reads REST once (our own writes
    /// are not trusted to the cache) and seeds the cache: converged.
    func converge(_ rig: Rig) async {
        await rig.loop.tick(at: start)
        await rig.loop.waitUntilIdle()
        await rig.drain(until: start.addingTimeInterval(60))
        let poll = await rig.harness.step(rig.loop, notAfter: start.addingTimeInterval(3600))
        #expect(poll?.reason.kind == "poll")
        await rig.settle()
        #expect(await rig.loop.status(of: "gw")?.outcome == .converged)
        #expect(await rig.loop.status(of: "gw")?.changesApplied == 0)
    }

    @Test func aConvergedSteadyStatePassSendsNoRequest() async throws {
        let rig = try await makeRig()
        await converge(rig)
        await rig.harness.emulator.resetLog()
        let wake = try #require(await rig.harness.step(rig.loop, notAfter: start.addingTimeInterval(3600)))
        #expect(wake.reason.kind == "poll")
        #expect(await rig.loop.status(of: "gw")?.changesApplied == 0)
        let requests = await rig.harness.emulator.requestLog
        #expect(requests.isEmpty, "a converged pass from the cache: \(requests.map(\.route))")
        #expect(await rig.cache.stats.cachedSnapshots >= 1)
        await rig.stop()
    }

    @Test func aMemberWhoJoinsIsGrantedTheirTeamRoleWithoutWaitingForThePoll() async throws {
        let dan = DaemonHarness.members[3]
        let rig = try await makeRig(members: Array(DaemonHarness.members.prefix(3)))
        await converge(rig)
        let before = rig.harness.now.date
        let summary = await rig.harness.summary(guild)
        #expect(summary.roles.contains("Spa 6h · Blue: 1 members"), "\(summary)")
        try await rig.harness.emulator.addMembers([dan], to: guild)
        await rig.settle()
        let wake = try #require(await rig.loop.nextWake())
        #expect(wake.reason.kind == "gateway-event")
        #expect(wake.at.timeIntervalSince(before) <= 5, "within 5 s, not at the 300 s poll")
        await rig.drain(until: before.addingTimeInterval(5))
        #expect(await rig.harness.summary(guild).roles.contains("Spa 6h · Blue: 2 members"))
        await rig.stop()
    }

    @Test func aDeletedManagedChannelIsRestoredWithoutWaitingForThePoll() async throws {
        let rig = try await makeRig()
        await converge(rig)
        let before = rig.harness.now.date
        let signup = try #require(await rig.harness.emulator.guild(guild)?.channels(named: "spa-6h-signup").first)
        try await rig.harness.emulator.adminDeleteChannel(signup.id)
        #expect(await rig.harness.summary(guild).text.isEmpty)
        await rig.harness.emulator.resetLog()
        await rig.settle()
        let wake = try #require(await rig.harness.step(rig.loop, notAfter: before.addingTimeInterval(5)))
        #expect(wake.reason.kind == "gateway-event")
        #expect(await rig.harness.summary(guild).text == ["spa-6h-signup in GT3 Cup"])
        // Planned from the cache: the repair's writes, no read.
        let reads = await rig.harness.emulator.requestLog.filter { $0.method == "GET" }
        #expect(reads.isEmpty, "\(reads.map(\.route))")
        await rig.stop()
    }

    @Test func aBurstOfFiftyEventsMakesOnePass() async throws {
        let rig = try await makeRig()
        await converge(rig)
        let before = rig.harness.now.date
        let passes = await rig.loop.status().counters.passes
        let signup = try #require(await rig.harness.emulator.guild(guild)?.channels(named: "spa-6h-signup").first)
        for i in 1...50 { try await rig.harness.emulator.adminRenameChannel(signup.id, to: "renamed-\(i)") }
        await rig.settle()
        let wake = try #require(await rig.harness.step(rig.loop, notAfter: before.addingTimeInterval(5)))
        #expect(wake.reason.kind == "gateway-event")
        #expect(await rig.loop.status().counters.passes == passes + 1, "50 events, one pass")
        #expect(await rig.harness.summary(guild).text == ["spa-6h-signup in GT3 Cup"])
        await rig.stop()
    }

    @Test func aNewSessionMakesTheGuildAvailableAgainAndItsPassReadsREST() async throws {
        let rig = try await makeRig()
        await converge(rig)
        // The session cannot resume: a new Identify, READY and GUILD_CREATE; events may be lost.
        rig.harness.emulator.gateway.sendInvalidSession(resumable: false)
        #expect(await eventually { rig.harness.emulator.gateway.currentStats.identifies == 2 })
        await rig.settle()
        let wake = try #require(await rig.loop.nextWake())
        #expect(wake.reason == .gatewayEvent("guild available"))
        await rig.harness.emulator.resetLog()
        _ = await rig.harness.step(rig.loop, notAfter: wake.at)
        let reads = await rig.harness.emulator.requestLog.filter { $0.method == "GET" }
        #expect(!reads.isEmpty, "a full read after a session that may have lost events")
        #expect(await rig.loop.status(of: "gw")?.changesApplied == 0)
        await rig.stop()
    }

    @Test func pollingStillConvergesWithTheGatewayDown() async throws {
        let rig = try await makeRig()
        await converge(rig)
        rig.harness.emulator.gateway.closeConnections(code: 4004)
        #expect(await eventually { await rig.feed.failure != nil })
        #expect(await !rig.cache.isConnected())
        let signup = try #require(await rig.harness.emulator.guild(guild)?.channels(named: "spa-6h-signup").first)
        try await rig.harness.emulator.adminDeleteChannel(signup.id)
        let wake = try #require(await rig.harness.step(rig.loop, notAfter: start.addingTimeInterval(3600)))
        #expect(wake.reason.kind == "poll")
        #expect(await rig.harness.summary(guild).text == ["spa-6h-signup in GT3 Cup"])
        await rig.stop()
    }

    @Test func aFullCheckLogsWhereTheCacheDisagreedWithDiscord() async throws {
        let rig = try await makeRig(fullCheck: 0)
        await converge(rig)
        let signup = try #require(await rig.harness.emulator.guild(guild)?.channels(named: "spa-6h-signup").first)
        // An event the emulator never sent: the cache now believes the channel is gone.
        _ = await rig.cache.apply(.channelDelete(Channel(id: signup.id, type: .guildText, guildID: guild)))
        await rig.harness.step(rig.loop, notAfter: start.addingTimeInterval(3600))
        #expect(await rig.cache.stats.defects >= 1)
        #expect(rig.harness.logs.lines.contains { $0.contains("gateway cache defect") })
        // Discord's answer wins: nothing was recreated.
        #expect(await rig.harness.summary(guild).allChannelNames.filter { $0 == "spa-6h-signup" }.count == 1)
        await rig.stop()
    }
}

extension DaemonGatewayTests {
    @Test func textCommandsAreAnsweredRateLimitedPerUserAndBotsIgnored() async throws {
        let rig = try await makeRig(textCommands: true)
        await converge(rig)
        let emulator = rig.harness.emulator
        let signup = try #require(await emulator.guild(guild)?.channels(named: "spa-6h-signup").first)
        let member = DaemonHarness.members[0]
        func botReplies() async -> [String] {
            await emulator.guild(guild)!.messages.values
                .filter { $0.authorID == DaemonHarness.bot.id && $0.channelID == signup.id && !$0.content.isEmpty }
                .sorted { $0.id < $1.id }.map(\.content)
        }
        let cards = await botReplies().count
        _ = try await emulator.adminPostMessage(in: signup.id, content: "!ping", authorID: member)
        _ = try await emulator.adminPostMessage(in: signup.id, content: "!club", authorID: member)
        _ = try await emulator.adminPostMessage(in: signup.id, content: "!help", authorID: member)
        // The fourth command within 30 s from the same member is not answered.
        _ = try await emulator.adminPostMessage(in: signup.id, content: "!link", authorID: member)
        // Another bot's command is ignored, and so is ordinary chat.
        let otherBot: Snowflake = 1_300_000_000_000_009_999
        await emulator.upsertUser(EmulatedUser(id: otherBot, username: "other-bot", bot: true))
        try await emulator.addMembers([otherBot], to: guild)
        _ = try await emulator.adminPostMessage(in: signup.id, content: "!ping", authorID: otherBot)
        _ = try await emulator.adminPostMessage(in: signup.id, content: "good race!", authorID: DaemonHarness.members[1])
        #expect(await eventually { await rig.commands.answered == 3 })
        await rig.settle()
        let replies = await botReplies().dropFirst(cards)
        #expect(replies.count == 3, "\(replies)")
        #expect(replies.first?.hasPrefix("Pong! REST ") == true)
        #expect(replies.contains { $0.contains("Gw: 1 series (GT3 Cup), 1 events, 4 members.") })
        #expect(replies.contains { $0.contains("`!link`") })
        #expect(await rig.commands.limited == 1)
        await rig.stop()
    }

    @Test func commandParsingAndThePerUserLimit() {
        #expect(TextCommand.parse("!PING") == .ping)
        #expect(TextCommand.parse("  !club please") == .club)
        #expect(TextCommand.parse("ping") == nil)
        #expect(TextCommand.parse("!unknown") == nil)
        var limiter = TextCommandLimiter(limit: 2, window: 10)
        let t = Date(iso: "2026-12-01T10:00:00Z")
        let answers = [
            limiter.admit(1, at: t), limiter.admit(1, at: t), limiter.admit(1, at: t.addingTimeInterval(5)),
            limiter.admit(2, at: t.addingTimeInterval(5)), limiter.admit(1, at: t.addingTimeInterval(10)),
        ]
        #expect(answers == [true, true, false, true, true], "two per 10 s, per user")
    }
}

/// Waits until `condition` holds, checking every few milliseconds (bounded).
func eventually(timeout: Duration = .seconds(60), _ condition: @Sendable () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}

/// Sharding: `/gateway/bot` recommends the shard count and the feed runs one session per
/// shard, each identifying with `[i, n]` and getting only its guilds' events.
@Suite("Gateway shards")
struct GatewayShardTests {
    @Test func theFeedRunsOneSessionPerRecommendedShard() async throws {
        let emulator = DiscordEmulator(rateLimits: .unlimited)
        let bot = DaemonHarness.bot
        // (id >> 22) % 2 picks the shard: one guild on each.
        let guilds: [Snowflake] = [Snowflake(UInt64(1_000) << 22), Snowflake(UInt64(1_001) << 22)]
        for guild in guilds { await emulator.seedGuild(GuildSeed(id: guild, bot: bot, memberIDs: DaemonHarness.members)) }
        emulator.gateway.configure { $0.shards = 2; $0.maxConcurrency = 16 }
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let client = DiscordClient(configuration: DiscordConfiguration(baseURL: server.baseURL, token: BotToken(bot.token)!))
        var quiet = Logger(label: "gateway")
        quiet.logLevel = .critical
        let cache = GatewayCache(logger: quiet)
        let feed = try await GatewayFeed.make(client: client, token: bot.token, memberSync: true, textCommands: false,
                                              cache: cache, logger: quiet, onTrigger: { _, _ in })
        await feed.start()
        #expect(await eventually {
            let connected = await cache.isConnected()
            let known = await cache.guildIDs()
            return connected && known.count == 2
        })
        let shards = await feed.shardStats()
        #expect(shards.count == 2 && shards.allSatisfy { $0.identifies == 1 })
        #expect(emulator.gateway.currentStats.identifies == 2)
        // Each guild's events come through its own shard, and both reach the cache.
        for guild in guilds { _ = try await emulator.adminCreateChannel(in: guild, name: "sharded") }
        #expect(await eventually {
            var found = 0
            for guild in guilds where await cache.guild(guild)?.channels.values.contains(where: { $0.name == "sharded" }) == true {
                found += 1
            }
            return found == 2
        })
        let dispatched = await feed.shardStats().map(\.dispatches)
        #expect(dispatched[0] > 0 && dispatched[1] > 0)
        await feed.stop()
    }
}
