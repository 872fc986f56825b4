// Daemon benchmark: 100 synthetic clubs (about 20 managed resources each, already
// converged) in one daemon, one shared Discord client, against the in-process emulator
// with Discord-like limits (50 req/s global, 5 per 5 s per route). Measures one
// steady-state pass over every club: wall time, CPU time (getrusage; the emulator runs in
// the same process, so its work is included), requests, 429s, changes; and peak memory.
// Usage: simlane-bench daemon [--clubs N] [--unlimited]   (--unlimited: no emulator limits)
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Logging
import Reconciler

func runDaemonBench(_ arguments: [String]) async throws {
    var clubCount = 100
    if let flag = arguments.firstIndex(of: "--clubs"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]) {
        clubCount = max(1, n)
    }
    let discordLimits = !arguments.contains("--unlimited")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("simlane-daemon-bench-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    defer { try? FileManager.default.removeItem(at: root) }
    let instant = try Date("2026-12-05T20:00:00Z", strategy: .iso8601)
    let bot = BotIdentity(id: 1_200_000_000_000_000_001, token: "daemon-bench-token")
    let members = (1...4).map { Snowflake(1_000_000_000_000_001_000 + UInt64($0)) }

    let emulator = DiscordEmulator(rateLimits: .unlimited)
    let clubs = try await DaemonBenchClub.seed(clubCount, in: root, emulator: emulator, bot: bot, members: members)
        .map(\.club)
    let server = try await EmulatorServer.start(emulator: emulator)
    let client = DiscordClient(configuration: DiscordConfiguration(baseURL: server.baseURL, token: BotToken(bot.token)!))
    let reconcilers = ClubReconcilers(client: client)
    var quiet = Logger(label: "bench.daemon")
    quiet.logLevel = .error

    // Converge every club first (not the steady state; reported for scale).
    let setup = Measure()
    let first = await ReconcileLoop(clubs: clubs, driver: reconcilers.driver(), now: { instant }, logger: quiet).runOnce()
    let converged = first.clubs.filter { $0.outcome == .converged }.count
    let managed = first.clubs.map(\.changesApplied).reduce(0, +)
    let setupFigures = setup.stop()
    print("daemon: \(clubCount) clubs, \(managed) changes applied to converge (\(managed / max(1, clubCount)) per club), "
          + "\(converged) converged; initial apply \(setupFigures.wall) s wall, \(setupFigures.cpu) s CPU")

    // Steady state: Discord-like limits; a fresh daemon loads every club, then one pass.
    if discordLimits { await emulator.setRateLimits(.discordLike) }
    await emulator.resetLog()
    let before = await client.metrics()
    let loop = ReconcileLoop(clubs: clubs, driver: reconcilers.driver(), now: { instant.addingTimeInterval(60) }, logger: quiet)
    let load = Measure()
    await loop.start(at: instant.addingTimeInterval(60))
    let loadFigures = load.stop()
    let pass = Measure()
    let started = await loop.tick(at: instant.addingTimeInterval(60))
    await loop.waitUntilIdle()
    let passFigures = pass.stop()
    let after = await client.metrics()
    let counters = await emulator.currentCounters
    let status = await loop.status()
    let requests = after.requestsSent - before.requestsSent
    let applied = status.clubs.map(\.changesApplied).reduce(0, +)
    let steady = status.clubs.filter { $0.outcome == .converged }.count
    print("daemon: config load + validation of \(clubCount) clubs: \(loadFigures.wall) s wall, \(loadFigures.cpu) s CPU")
    print("daemon: steady-state pass over \(started.count) clubs: \(passFigures.wall) s wall, \(passFigures.cpu) s CPU "
          + "(\(String(format: "%.1f", passFigures.cpuSeconds * 1000 / Double(max(1, started.count)))) ms CPU per club, emulator included)")
    print("daemon: requests \(requests) (\(String(format: "%.1f", Double(requests) / Double(max(1, started.count)))) per club), "
          + "429s \(after.rateLimited - before.rateLimited) (emulator saw \(counters.requests) requests, \(counters.totalRateLimited) 429s), "
          + "changes applied \(applied), converged \(steady)/\(clubCount)")
    let routes = Dictionary(grouping: await emulator.requestLog, by: { $0.route ?? $0.path }).mapValues(\.count)
    print("daemon: client pre-emptive waits \(after.preemptiveWaits - before.preemptiveWaits); requests by route: "
          + routes.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    print("daemon: lower bound at 50 req/s global: \(String(format: "%.2f", Double(requests) / 50)) s")
    print("daemon: peak memory (max RSS) \(Measure.peakRSSMegabytes()) MB")
    await server.stop()
}

/// Wall and CPU time of a stretch of work.
struct Measure {
    let wallStart = ContinuousClock.now
    let cpuStart = Measure.cpuSeconds()

    struct Figures {
        var wallSeconds: Double
        var cpuSeconds: Double
        var wall: String { String(format: "%.2f", wallSeconds) }
        var cpu: String { String(format: "%.2f", cpuSeconds) }
    }

    func stop() -> Figures {
        let elapsed = wallStart.duration(to: .now)
        return Figures(
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpuSeconds: Measure.cpuSeconds() - cpuStart)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// Peak resident set size (Linux reports kilobytes).
    static func peakRSSMegabytes() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }
}

/// The synthetic club of the daemon benchmark: two events with two teams each, at an
/// instant where signup channels, team roles, threads, practice and race voice all exist
/// (about 20 managed resources).
enum DaemonBenchClub {
    /// `count` clubs in `root` (one directory each), their guilds seeded in `emulator`.
    static func seed(_ count: Int, in root: URL, emulator: DiscordEmulator, bot: BotIdentity, members: [Snowflake])
        async throws -> [(club: ClubSource, guild: Snowflake)]
    {
        var clubs: [(ClubSource, Snowflake)] = []
        for index in 0..<count {
            let guild = Snowflake(1_400_000_000_000_000_000 + UInt64(index))
            await emulator.seedGuild(GuildSeed(id: guild, name: "Bench \(index)", bot: bot, memberIDs: members))
            let dir = root.appendingPathComponent(String(format: "club-%03d", index))
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(settings(index: index, guild: guild).utf8).write(to: dir.appendingPathComponent("simlane.yaml"))
            try Data(data(members: members).utf8).write(to: dir.appendingPathComponent("club.yaml"))
            clubs.append((ClubSource(id: dir.lastPathComponent, path: dir.path), guild))
        }
        return clubs
    }

    /// `application_id` is the bench bot's user id (a bot user's id is its application's).
    static func settings(index: Int, guild: Snowflake) -> String {
        """
        kind: settings
        version: 1
        club:
          id: bench-\(index)
          name: Bench Club \(index)
        discord:
          guild_id: "\(guild)"
          application_id: "1200000000000000001"
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

    static func data(members: [Snowflake]) -> String {
        var text = """
            kind: club
            members:
              - { id: ann, display_name: Ann Apex, discord_user_id: "\(members[0])", role: driver }
              - { id: bob, display_name: Bob Brake, discord_user_id: "\(members[1])", role: driver }
              - { id: cat, display_name: Cat Curb, discord_user_id: "\(members[2])", role: driver }
              - { id: dan, display_name: Dan Draft, discord_user_id: "\(members[3])", role: driver }
            series:
              - id: gt3
                name: GT3 Cup
            events:

            """
        for (index, start) in ["2026-12-06T18:00:00Z", "2026-12-06T19:00:00Z"].enumerated() {
            text += """
                  - id: race-\(index + 1)
                    series: gt3
                    name: Race \(index + 1)
                    track: Spa-Francorchamps
                    signup: { url: "https://simlane.app/s/\(index + 1)", opens: 2026-12-01T10:00:00Z, closes: 2026-12-03T10:00:00Z }
                    start: \(start)
                    duration: 2h
                    participants: [ann, bob, cat, dan]
                    teams_published: 2026-12-04T10:00:00Z
                    teams:
                      - { id: red, name: Red, members: [ann, bob] }
                      - { id: blue, name: Blue, members: [cat, dan] }

                """
        }
        return text
    }
}
