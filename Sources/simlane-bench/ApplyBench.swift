// Apply benchmark: plan + apply of a whole club layout against the in-process emulator with
// Discord-like rate limits (windows optionally scaled), printing requests, 429s, wall time
// and the lower bound those limits imply.
//
// Usage: simlane-bench apply [--scale S] [--large-scale S] [--series N] [--events N] [--teams N]
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec

func runApplyBench(_ arguments: [String]) async throws {
    func option(_ name: String, _ fallback: Double) -> Double {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
              let value = Double(arguments[index + 1]) else { return fallback }
        return value
    }
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let example = try ConfigLoader.load(path: root.appendingPathComponent("examples/apex-endurance").path)
    let exampleAt = try Date("2026-12-04T18:30:00Z", strategy: .iso8601)
    try await ApplyBench.measure(name: "example club (apex-endurance at 2026-12-04T18:30Z)", config: example,
                                 at: exampleAt, scale: option("--scale", 1))
    let large = try ApplyBench.syntheticClub(
        series: Int(option("--series", 2)), events: Int(option("--events", 5)), teams: Int(option("--teams", 5)))
    try await ApplyBench.measure(name: "synthetic large club", config: large,
                                 at: try Date("2026-12-03T00:00:00Z", strategy: .iso8601),
                                 scale: option("--large-scale", 0.1))
}

enum ApplyBench {
    static func measure(name: String, config: ClubConfig, at: Date, scale: Double) async throws {
        let limits = RateLimitConfiguration.discordLike.scaled(by: scale)
        let emulator = DiscordEmulator(rateLimits: limits)
        try await SandboxGuild.seed(emulator, config: config)
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let client = DiscordClient(configuration: DiscordConfiguration(
            baseURL: server.baseURL, token: BotToken(BotIdentity.sandbox.token)!))
        let store = try SQLiteStateStore.inMemory()
        let reconciler = Reconciler(client: client, store: store, guildID: config.settings.discord.guildID)

        let clock = ContinuousClock()
        let planStart = clock.now
        let run = try await reconciler.plan(config: config, at: at)
        let planTime = clock.now - planStart
        await emulator.resetLog()
        let applyStart = clock.now
        let report = try await reconciler.apply(run)
        let applyTime = clock.now - applyStart
        let counters = await emulator.currentCounters
        let mutations = await emulator.requestLog.filter { $0.method != "GET" }.count
        let bound = lowerBound(run.plan.changes, limits: limits)
        let wall = seconds(applyTime)
        let after = try await reconciler.plan(config: config, at: at)

        print("\(name)")
        print("  windows scaled by \(scale) (Discord-like: 5 per 5 s per route+major, member roles 10 per 10 s, 50/s global)")
        print("  changes: \(run.plan.changes.count) (\(report.done) done, \(report.failed) failed, \(report.skipped) skipped)")
        print("  snapshot+plan: \(format(seconds(planTime))) s")
        print("  apply: \(counters.requests) requests (\(mutations) mutations for \(run.plan.requestCount) planned), \(counters.totalRateLimited) 429s")
        print("  wall time: \(format(wall)) s; lower bound from the limits: \(format(bound)) s; ratio \(bound > 0 ? format(wall / bound) : "n/a")")
        print("  converged afterwards: \(after.plan.isEmpty ? "yes" : "no (\(after.plan.changes.count) changes left)")")
    }

    /// The time the busiest rate-limit bucket needs, or the global limit, whichever is larger:
    /// a bucket carrying `n` requests at `limit` per `window` needs `floor((n-1)/limit) × window`.
    static func lowerBound(_ changes: [Change], limits: RateLimitConfiguration) -> Double {
        var perBucket: [String: (count: Int, limit: RateLimitConfiguration.Limit)] = [:]
        var total = 0
        for change in changes {
            guard let key = change.operation.bucketKey(guild: 0) else { continue }
            total += 1
            let limit = change.operation.endpoint?.family == DiscordEndpoint.addMemberRole.family
                ? limits.limit(for: RateLimitBucket.memberRoles) : limits.defaultLimit
            perBucket[key, default: (0, limit)].count += 1
            if case .setMemberRoles = change.operation {
                // Its fresh read comes first, in the member-read bucket.
                total += 1
                perBucket["\(DiscordEndpoint.getMember.family) guilds/0", default: (0, limits.limit(for: RateLimitBucket.getMember))].count += 1
            }
        }
        var bound = perBucket.values.map { Double(($0.count - 1) / $0.limit.limit) * $0.limit.window }.max() ?? 0
        if let global = limits.global { bound = max(bound, Double(total) / Double(global.limit) * global.window) }
        return bound
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A club with `series × events × teams` teams of three linked members, teams assigned.
    static func syntheticClub(series: Int, events: Int, teams: Int) throws -> ClubConfig {
        var members = "kind: club\nmembers:\n"
        var seriesYAML = "series:\n"
        var eventsYAML = "events:\n"
        var member = 0
        for s in 0..<series {
            seriesYAML += "  - id: s\(s)\n    name: Series \(s)\n"
            for e in 0..<events {
                var teamsYAML = ""
                var participants: [String] = []
                for t in 0..<teams {
                    var crew: [String] = []
                    for _ in 0..<3 {
                        members += "  - id: m\(member)\n    display_name: Member \(member)\n"
                            + "    discord_user_id: \"\(1_300_000_000_000_000_000 + member)\"\n    role: driver\n"
                        crew.append("m\(member)")
                        member += 1
                    }
                    participants += crew
                    teamsYAML += "      - id: t\(t)\n        name: Team \(t)\n        members: [\(crew.joined(separator: ", "))]\n"
                }
                eventsYAML += """
                      - id: s\(s)e\(e)
                        series: s\(s)
                        name: Race \(s)-\(e)
                        signup:
                          url: https://simlane.app/signups/s\(s)e\(e)
                          opens: 2026-11-01T12:00:00Z
                          closes: 2026-12-01T12:00:00Z
                        start: 2026-12-\(10 + e)T18:00:00Z
                        duration: 2h
                        participants: [\(participants.joined(separator: ", "))]
                        teams:

                    """ + teamsYAML
            }
        }
        let settings = """
            kind: settings
            version: 1
            club:
              id: bench
              name: Bench Racing
            discord:
              guild_id: "1500000000000000001"
              application_id: "1500000000000000002"
            voice_channels: true

            """
        return try ConfigLoader.load(sources: [
            SourceFile(path: "bench/simlane.yaml", text: settings),
            SourceFile(path: "bench/club.yaml", text: members + seriesYAML + eventsYAML),
        ])
    }
}
