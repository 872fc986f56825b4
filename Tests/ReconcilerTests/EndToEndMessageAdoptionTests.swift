import DiscordEmulator
import DiscordTypes
import Foundation
import Reconciler
import Spec
import Testing

/// A lost or mistyped state store against a converged guild: the bot's own signup cards and
/// stint alerts are adopted by their marker, never posted again (no driver pinged twice).
@Suite(.serialized) struct EndToEndMessageAdoptionTests {
    /// Mid-race of Petit Le Mans: signup cards and stint alerts all exist.
    /// Inside the window of two stint alerts (due 20:45), so they are posted.
    static let at = "2026-12-05T20:47:00Z"

    struct Club {
        let dir: URL
        let env: [String: String]
        let emulator: DiscordEmulator
        let server: EmulatorServer

        var statePath: String { dir.appendingPathComponent(".simlane/state.sqlite").path }

        func apply(_ extra: [String] = []) async throws -> CLIResult {
            try await CLI.run(["apply", "--config", dir.path, "--at", EndToEndMessageAdoptionTests.at, "--auto-approve"] + extra,
                              env: env)
        }

        func plan(_ extra: [String] = []) async throws -> CLIResult {
            try await CLI.run(["plan", "--config", dir.path, "--at", EndToEndMessageAdoptionTests.at,
                               "--detailed-exitcode"] + extra, env: env)
        }

        /// Message posts logged after the first `from` requests.
        func posts(from: Int) async -> [LoggedRequest] {
            await emulator.requestLog.dropFirst(from)
                .filter { $0.method == "POST" && $0.route == "POST /channels/{channel_id}/messages" }
        }
    }

    /// The example club applied until converged: the plan after the apply is empty.
    static func converged() async throws -> Club {
        let dir = try EndToEndSeasonTests.copyExample()
        let config = try ConfigLoader.load(path: dir.path)
        let emulator = DiscordEmulator(rateLimits: EmulatorFixture.fastLimits)
        try await SandboxGuild.seed(emulator, config: config)
        let server = try await EmulatorServer.start(emulator: emulator)
        let club = Club(dir: dir, env: ["DISCORD_API_BASE": server.baseURL.absoluteString,
                                        "DISCORD_BOT_TOKEN": BotIdentity.sandbox.token],
                        emulator: emulator, server: server)
        let apply = try await club.apply()
        #expect(apply.status == 0, "\(apply)")
        #expect(try await club.plan().status == 0)
        return club
    }

    @Test func aDeletedStateStoreAdoptsEveryMessageAndPostsNone() async throws {
        let club = try await Self.converged()
        defer { Task { await club.server.stop() } }
        let guildID = try ConfigLoader.load(path: club.dir.path).settings.discord.guildID
        let messages = try #require(await club.emulator.guild(guildID)).messages.values
        #expect(messages.contains { $0.content.hasPrefix("Stint 3 for ") }, "stint alerts exist")
        #expect(await club.posts(from: 0).count > 8, "signup cards and stint alerts were posted")

        try FileManager.default.removeItem(atPath: club.statePath)
        let before = await club.emulator.requestLog.count
        let apply = try await club.apply()
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stdout.contains("to adopt"), "\(apply.stdout)")
        let reposted = await club.posts(from: before)
        #expect(reposted.isEmpty, "\(reposted.map(\.path))")
        #expect(try #require(await club.emulator.guild(guildID)).messages.count == messages.count)
        // Candidates cost one read per channel holding messages, not one per message.
        let reads = await club.emulator.requestLog.dropFirst(before)
            .filter { $0.route == "GET /channels/{channel_id}/messages" }
        #expect(!reads.isEmpty)
        #expect(reads.count <= Set(messages.map(\.channelID)).count, "\(reads.count) message reads")
        let plan = try await club.plan()
        #expect(plan.status == 0, "the plan after adopting is not empty\n\(plan)")
    }

    @Test func aMistypedStatePathAdoptsEveryMessageAndPostsNone() async throws {
        let club = try await Self.converged()
        defer { Task { await club.server.stop() } }
        let mistyped = club.dir.appendingPathComponent(".simlane/stat.sqlite").path
        let before = await club.emulator.requestLog.count
        let apply = try await club.apply(["--state", mistyped])
        #expect(apply.status == 0, "\(apply)")
        let reposted = await club.posts(from: before)
        #expect(reposted.isEmpty, "\(reposted.map(\.path))")
        let plan = try await club.plan(["--state", mistyped])
        #expect(plan.status == 0, "the plan after adopting is not empty\n\(plan)")
    }
}
