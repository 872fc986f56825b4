import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Logging
@testable import Reconciler

/// The daemon's end-to-end bench: an emulator on 127.0.0.1, one shared `DiscordClient`, the
/// production driver (`ClubReconcilers`), clubs in a temporary directory, and a
/// `ReconcileLoop` whose `now` the test moves from wake to wake.
final class DaemonHarness: Sendable {
    static let token = "daemon-test-token"
    static let bot = BotIdentity(id: 1_200_000_000_000_000_001, token: token)
    static let members: [Snowflake] = (1...8).map { Snowflake(1_000_000_000_000_001_000 + UInt64($0)) }

    let emulator: DiscordEmulator
    let server: EmulatorServer
    let client: DiscordClient
    let reconcilers: ClubReconcilers
    let directory: ClubDirectory
    let now: TestNow
    let logs = LogSink.memory()

    init(start: Date) async throws {
        emulator = DiscordEmulator(rateLimits: .unlimited)
        server = try await EmulatorServer.start(emulator: emulator)
        let configuration = DiscordConfiguration(
            baseURL: server.baseURL, token: BotToken(Self.token)!,
            retries: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)))
        client = DiscordClient(configuration: configuration, random: SeededRandomNumberGenerator(seed: 5))
        reconcilers = ClubReconcilers(client: client)
        directory = try ClubDirectory()
        now = TestNow(start)
    }

    /// Seeds a guild for a club: the bot with the permissions it asks for (not Administrator),
    /// and the members.
    func seedGuild(_ id: Snowflake) async {
        await emulator.seedGuild(GuildSeed(
            id: id, name: "Guild \(id)", bot: Self.bot, botPermissions: .reconcilerBot, memberIDs: Self.members))
    }

    /// Writes a club's two documents (settings and data).
    @discardableResult
    func writeClub(_ id: String, guild: Snowflake, data: String) throws -> ClubSource {
        let dir = directory.root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(SeasonFixture.settings(club: id, guild: guild).utf8).write(to: dir.appendingPathComponent("simlane.yaml"))
        try Data(data.utf8).write(to: dir.appendingPathComponent("club.yaml"))
        return ClubSource(id: id, path: dir.standardizedFileURL.path)
    }

    func makeLoop(_ clubs: [ClubSource], poll: Duration) -> ReconcileLoop<ClubDriver> {
        let now = self.now
        return ReconcileLoop(
            clubs: clubs, driver: reconcilers.driver(),
            options: LoopOptions(pollInterval: poll, backoff: Backoff(base: .seconds(30), cap: .seconds(600))),
            clock: VirtualClock(base: now.date), now: { now.date }, random: SeededRandomNumberGenerator(seed: 11),
            logger: .daemonTest(logs))
    }

    /// One tick at the loop's next wake (if it is not after `limit`): moves `now` there,
    /// starts the due clubs and waits for their passes. Returns the wake, or nil.
    func step(_ loop: ReconcileLoop<ClubDriver>, notAfter limit: Date) async -> ScheduledWake? {
        guard let wake = await loop.nextWake(), wake.at <= limit else { return nil }
        now.date = wake.at
        await loop.tick(at: wake.at)
        await loop.waitUntilIdle()
        return wake
    }

    /// The guild, one line per resource, sorted: enough to assert what members see.
    func summary(_ guildID: Snowflake) async -> GuildSummary {
        GuildSummary(guild: await emulator.guild(guildID)!)
    }

    func shutdown() async {
        await server.stop()
        directory.remove()
    }
}

/// What a guild holds, as sets of readable facts.
struct GuildSummary: Equatable, CustomStringConvertible {
    var categories: Set<String> = []
    /// "name in Category" for text channels.
    var text: Set<String> = []
    /// "name in Category" for voice channels; restricted ones end with " (restricted)".
    var voice: Set<String> = []
    /// "name: n members"
    var roles: Set<String> = []
    /// "name: n members[, archived][, locked]"
    var threads: Set<String> = []
    /// Text channels where @everyone may not send messages.
    var readOnly: Set<String> = []
    /// Every channel name, duplicates included (to find duplicates).
    var allChannelNames: [String] = []
    var allRoleNames: [String] = []

    init(guild: EmulatedGuild) {
        let channels = guild.channels.values
        let names = Dictionary(uniqueKeysWithValues: channels.map { ($0.id, $0.name) })
        for channel in channels {
            let parent = channel.parentID.flatMap { names[$0] } ?? "-"
            let everyone = channel.overwrites.first { $0.id == guild.id }
            switch channel.type {
            case .guildCategory:
                categories.insert(channel.name)
            case .guildText:
                text.insert("\(channel.name) in \(parent)")
                if everyone?.deny.contains(.sendMessages) == true { readOnly.insert(channel.name) }
            case .guildVoice:
                let restricted = everyone?.deny.contains(.viewChannel) == true
                    && everyone?.deny.contains(.connect) == true
                    && channel.overwrites.contains { $0.id != guild.id && $0.allow.contains(.connect) }
                voice.insert("\(channel.name) in \(parent)" + (restricted ? " (restricted)" : ""))
            case .privateThread, .publicThread:
                var line = "\(channel.name): \(channel.threadMembers.count) members"
                if channel.archived { line += ", archived" }
                if channel.locked { line += ", locked" }
                threads.insert(line)
            default:
                break
            }
            if !channel.isThread { allChannelNames.append(channel.name) }
        }
        let botRoles = Set(guild.members[DaemonHarness.bot.id]?.roles ?? [])
        for role in guild.roles.values where role.id != guild.id && !botRoles.contains(role.id) && !role.managed {
            let holders = guild.members.values.filter { $0.roles.contains(role.id) }.count
            roles.insert("\(role.name): \(holders) members")
            allRoleNames.append(role.name)
        }
        allChannelNames.sort()
        allRoleNames.sort()
    }

    var description: String {
        "categories \(categories.sorted()) text \(text.sorted()) voice \(voice.sorted()) roles \(roles.sorted()) threads \(threads.sorted()) readOnly \(readOnly.sorted())"
    }
}

/// The YAML of the season tests: one series with one event, two teams of two.
enum SeasonFixture {
    static func settings(club: String, guild: Snowflake) -> String {
        """
        kind: settings
        version: 1
        club:
          id: \(club)
          name: \(club.capitalized)
        discord:
          guild_id: "\(guild)"
          application_id: "\(DaemonHarness.bot.id)"
        auto_create_channels: true
        channel_name_pattern: "{event} {team} {kind}"
        voice_channels: true
        stint_alerts: false
        notifications:
          race_voice_lead: 24h
          race_grace_period: 2h
        retention:
          archive_delay: 3d
          delete_archived_after: 30d

        """
    }

    /// Club data with one event: signup `opens`…`closes`, teams published at `teams`,
    /// race at `start` for 2 h.
    static func club(series: String = "GT3 Cup", event: String = "Spa 6h", opens: String, closes: String,
                     teams: String, start: String) -> String {
        """
        kind: club
        members:
          - { id: ann, display_name: Ann Apex, discord_user_id: "\(DaemonHarness.members[0])", role: driver }
          - { id: bob, display_name: Bob Brake, discord_user_id: "\(DaemonHarness.members[1])", role: driver }
          - { id: cat, display_name: Cat Curb, discord_user_id: "\(DaemonHarness.members[2])", role: driver }
          - { id: dan, display_name: Dan Draft, discord_user_id: "\(DaemonHarness.members[3])", role: driver }
        series:
          - id: gt3
            name: \(series)
        events:
          - id: spa
            series: gt3
            name: \(event)
            track: Spa-Francorchamps
            signup:
              url: https://simlane.app/signups/spa
              opens: \(opens)
              closes: \(closes)
            start: \(start)
            duration: 2h
            participants: [ann, bob, cat, dan]
            teams_published: \(teams)
            teams:
              - { id: red, name: Red, members: [ann, bob] }
              - { id: blue, name: Blue, members: [cat, dan] }

        """
    }
}
