import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
@testable import Reconciler

/// The announcement season: one event, two teams of two with stints and a strategy, stint
/// alerts 15 minutes ahead, a 5-minute grace window. Team Blue is named `<@&123>` and one
/// of its drivers `@everyone`: neither may ping anybody.
enum AnnouncementSeason {
    static let guild: Snowflake = 1_300_000_000_000_000_077
    static let ann = DaemonHarness.members[0], bob = DaemonHarness.members[1]
    static let cat = DaemonHarness.members[2], dan = DaemonHarness.members[3], eve = DaemonHarness.members[4]

    static let settings = """
        kind: settings
        version: 1
        club:
          id: announce
          name: Announce
        discord:
          guild_id: "\(guild)"
          application_id: "\(DaemonHarness.bot.id)"
        auto_create_channels: true
        voice_channels: false
        stint_alerts: true
        notifications:
          stint_alert_lead: 15m
          announcement_grace: 5m
        retention:
          archive_delay: 3d
          delete_archived_after: 30d

        """

    /// Red is Ann and `second` (Bob, or Eve after the change), with `tyres` on its strategy.
    static func club(second: String = "bob", tyres: String = "medium") -> String {
        """
        kind: club
        members:
          - { id: ann, display_name: Ann Apex, discord_user_id: "\(ann)", role: driver }
          - { id: bob, display_name: Bob Brake, discord_user_id: "\(bob)", role: driver }
          - { id: cat, display_name: Cat Curb, discord_user_id: "\(cat)", role: driver }
          - { id: dan, display_name: "@everyone", discord_user_id: "\(dan)", role: driver }
          - { id: eve, display_name: Eve Edge, discord_user_id: "\(eve)", role: driver }
        series:
          - id: gt3
            name: GT3 Cup
        events:
          - id: spa
            series: gt3
            name: Spa 6h
            signup:
              url: https://simlane.app/signups/spa
              opens: 2026-12-01T10:00:00Z
              closes: 2026-12-03T10:00:00Z
            start: 2026-12-06T18:00:00Z
            duration: 2h
            participants: [ann, bob, cat, dan, eve]
            teams_published: 2026-12-04T10:00:00Z
            teams:
              - id: red
                name: Red
                members: [ann, \(second)]
                stints:
                  - { driver: ann, start: 2026-12-06T18:00:00Z, end: 2026-12-06T19:00:00Z }
                  - { driver: \(second), start: 2026-12-06T19:00:00Z, end: 2026-12-06T20:00:00Z }
                strategy: { pit_stops: 1, fuel_per_stint: 60 L, tyres: \(tyres) }
              - id: blue
                name: "<@&123>"
                members: [cat, dan]
                stints:
                  - { driver: cat, start: 2026-12-06T18:00:00Z, end: 2026-12-06T19:00:00Z }
                  - { driver: dan, start: 2026-12-06T19:00:00Z, end: 2026-12-06T20:00:00Z }

        """
    }

    /// Writes the club (settings and data) into the harness' directory.
    static func write(_ harness: DaemonHarness, data: String = club()) throws -> ClubSource {
        let dir = harness.directory.root.appendingPathComponent("announce")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(settings.utf8).write(to: dir.appendingPathComponent("simlane.yaml"))
        try Data(data.utf8).write(to: dir.appendingPathComponent("club.yaml"))
        return ClubSource(id: "announce", path: dir.standardizedFileURL.path)
    }

    /// A daemon started afresh at the harness' `now`: new reconcilers (no memory of earlier
    /// passes but the state file), a new loop, its first pass run.
    static func start(_ harness: DaemonHarness, _ club: ClubSource) async -> ReconcileLoop<ClubDriver> {
        let now = harness.now
        let loop = ReconcileLoop(
            clubs: [club], driver: ClubReconcilers(client: harness.client).driver(),
            options: LoopOptions(pollInterval: .seconds(24 * 3600), backoff: Backoff(base: .seconds(30), cap: .seconds(600))),
            clock: VirtualClock(base: now.date), now: { now.date }, random: SeededRandomNumberGenerator(seed: 11),
            logger: .daemonTest(harness.logs))
        await loop.tick(at: now.date)
        await loop.waitUntilIdle()
        return loop
    }

    /// Runs `loop` from wake to wake until `limit`; returns the wakes.
    @discardableResult
    static func run(_ harness: DaemonHarness, _ loop: ReconcileLoop<ClubDriver>, until limit: String) async -> [Date] {
        var wakes: [Date] = []
        while let wake = await harness.step(loop, notAfter: Date(iso: limit)) { wakes.append(wake.at) }
        return wakes
    }

    /// The bot's messages in the guild, oldest first.
    static func messages(_ harness: DaemonHarness) async -> [EmulatedMessage] {
        let guild = await harness.emulator.guild(guild)
        return (guild?.messages.values.map { $0 } ?? []).filter { $0.authorID == DaemonHarness.bot.id }
            .sorted { $0.id < $1.id }
    }

    /// Bodies of the message posts whose content starts with `prefix`.
    static func bodies(_ harness: DaemonHarness, prefix: String) async -> [JSONValue] {
        await harness.emulator.requestLog
            .filter { $0.method == "POST" && $0.route == "POST /channels/{channel_id}/messages" && $0.status < 300 }
            .compactMap(\.body).filter { $0["content"]?.stringValue?.hasPrefix(prefix) == true }
    }

    /// A JSON value as stable, readable text (for golden files).
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
    }
}
