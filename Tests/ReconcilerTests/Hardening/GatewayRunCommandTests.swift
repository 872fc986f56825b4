import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Testing
@testable import Reconciler

/// `run --gateway` end to end: the real binary against the emulator's REST and gateway.
@Suite("run --gateway")
struct GatewayRunCommandTests {
    @Test func theDaemonRestoresADeletedChannelWithinSecondsWithAnHourlyPoll() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let daemon = try CLI.start(["run", "--config", s.dir.path, "--gateway", "--poll-interval", "1h",
                                    "--log-format", "json", "--log-level", "debug"], env: s.fixture.env)
        func stderr() -> String { (try? String(contentsOf: daemon.err, encoding: .utf8)) ?? "" }
        func waitFor(_ condition: () async -> Bool, _ what: String) async throws {
            let deadline = Date().addingTimeInterval(60)
            while await !condition() {
                try #require(daemon.isRunning, "the daemon exited: \(stderr())")
                try #require(Date() < deadline, "never \(what): \(stderr())")
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try await waitFor({ stderr().contains("gateway connected") }, "connected")
        try await waitFor({ stderr().contains("\"reconciled\"") || stderr().contains("no changes") }, "reconciled")
        let channels = try await s.ownership().entries.filter { $0.value.kind == .text || $0.value.kind == .category }
        let (key, entry) = try #require(channels.sorted { $0.key.description < $1.key.description }.first)
        let name = try #require(await s.guild().channels[entry.id]?.name)
        try await s.emulator.adminDeleteChannel(entry.id)
        let deletedAt = Date()
        try await waitFor({ await !s.guild().guildChannels.filter { $0.name == name }.isEmpty }, "restored \(key)")
        #expect(Date().timeIntervalSince(deletedAt) < 30, "restored long before the 1 h poll")
        kill(daemon.process.processIdentifier, SIGTERM)
        let result = await daemon.wait()
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains(s.fixture.env["DISCORD_BOT_TOKEN"]!), "the token never appears in logs")
    }
}
