// Member-sync benchmark: a guild of N members (90 % with a linked account, the rest guests
// and a few bots) against the emulator with Discord's limits (windows scaled by `--scale`):
// the sync's requests and wall time, the process's peak memory, and then granting a
// club-wide member role to every synced member (one PUT per member) with its bound.
//
// Usage: simlane-bench member-sync [--members 100,1000,25000] [--scale S] [--grant]
import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import MemberSync
import Reconciler
import Spec

func runMemberSyncBench(_ arguments: [String]) async throws {
    func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    let sizes = (value("--members") ?? "100,1000,25000").split(separator: ",").compactMap { Int($0) }
    let scale = value("--scale").flatMap(Double.init) ?? 0.05
    let grant = arguments.contains("--grant")
    print("member-sync: emulator windows scaled by \(scale)")
    print("| members | sync requests | sync wall | outcomes (created/unlinked/bots) | peak RSS | role grants | grant wall |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes {
        print(try await MemberSyncBench.measure(members: size, scale: scale, grant: grant))
    }
}

enum MemberSyncBench {
    static let guildID: Snowflake = 1_500_000_000_000_000_000

    static func measure(members: Int, scale: Double, grant: Bool) async throws -> String {
        let emulator = DiscordEmulator(rateLimits: RateLimitConfiguration.discordLike.scaled(by: scale))
        var ids: [Snowflake] = []
        var accounts: [LinkedAccount] = []
        for index in 0..<members {
            let id = Snowflake(1_600_000_000_000_000_000 + UInt64(index))
            ids.append(id)
            await emulator.upsertUser(EmulatedUser(id: id, username: "driver\(index)", globalName: "Driver \(index)",
                                                   bot: index % 97 == 0))
            if index % 10 != 0 {
                accounts.append(LinkedAccount(id: "acc-\(index)", displayName: "Driver \(index)", discordUserID: id))
            }
        }
        await emulator.seedGuild(GuildSeed(id: guildID, name: "Bench", bot: .sandbox, memberIDs: ids))
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let client = DiscordClient(configuration: DiscordConfiguration(
            baseURL: server.baseURL, token: BotToken(BotIdentity.sandbox.token)!))
        var settings = ClubSettings(club: ClubIdentity(id: "bench", name: "Bench"),
                                    discord: DiscordSettings(guildID: guildID, applicationID: BotIdentity.sandbox.id))
        settings.memberSync.memberRole = "Club Member"
        let config = ClubConfig(settings: settings, club: ClubData(accounts: accounts))
        let store = try SQLiteStateStore.inMemory()

        let before = await client.metrics().requestsSent
        let start = Date()
        let report = try await MemberSyncer(client: client, store: store).sync(config, trigger: .manual, at: Date(), dryRun: false)
        let syncWall = Date().timeIntervalSince(start)
        let syncRequests = await client.metrics().requestsSent - before
        let c = report.counts
        var grantText = "-", grantWall = "-"
        if grant {
            let reconciler = Reconciler(client: client, store: store, guildID: guildID)
            let grantStart = Date()
            let run = try await reconciler.plan(config: config, at: Date())
            let applied = try await reconciler.apply(run)
            grantWall = String(format: "%.1f s", Date().timeIntervalSince(grantStart))
            grantText = "\(applied.done) changes"
        }
        return "| \(members) | \(syncRequests) | \(String(format: "%.2f s", syncWall)) | \(c.created)/\(c.unlinked)/\(c.bots) "
            + "| \(peakRSSMegabytes()) MB | \(grantText) | \(grantWall) |"
    }

    /// The process's peak resident set (VmHWM on Linux), in MB.
    static func peakRSSMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes / 1024
    }
}
