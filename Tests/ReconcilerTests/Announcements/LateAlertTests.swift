import DiscordEmulator
import DiscordTypes
import Foundation
@testable import Reconciler
import Spec
import Testing

/// The report: a first apply of the example hours after Petit Le Mans (and weeks
/// after Spa) posted every past stint alert. Past announcements are history now.
@Suite("Late alerts")
struct LateAlertTests {
    static let afterTheRaces = "2026-12-06T12:00:00Z"

    @Test func renderAfterTheRacesHoldsNoPastAlerts() throws {
        let config = try ConfigLoader.load(path: EndToEndSeasonTests.copyExample().path)
        let at = try #require(ISO8601DateFormatter().date(from: Self.afterTheRaces))
        let compiled = Compiler.compile(config, at: at)
        #expect(!compiled.desired.messages.contains { $0.family != .card })
        #expect(!compiled.desired.lapsed.contains { $0.key.rawValue.contains("end-spa") || $0.key.rawValue.contains("end-petit") },
                "nothing left to record of races that are over")
        #expect(!LayoutRenderer.text(compiled, config: config, at: at).contains("Stint "))
    }

    @Test func anApplyAfterTheRacesPostsNoAlert() async throws {
        let dir = try EndToEndSeasonTests.copyExample()
        let config = try ConfigLoader.load(path: dir.path)
        let emulator = DiscordEmulator(rateLimits: EmulatorFixture.fastLimits)
        try await SandboxGuild.seed(emulator, config: config)
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let env = ["DISCORD_API_BASE": server.baseURL.absoluteString, "DISCORD_BOT_TOKEN": BotIdentity.sandbox.token]
        let apply = try await CLI.run(["apply", "--config", dir.path, "--at", Self.afterTheRaces, "--auto-approve"], env: env)
        #expect(apply.status == 0, "\(apply)")
        let posts = await emulator.requestLog.filter { $0.route == "POST /channels/{channel_id}/messages" }
        #expect(!posts.isEmpty, "the signup cards are posted")
        #expect(!posts.contains { $0.body?["content"]?.stringValue?.hasPrefix("Stint ") == true })
        #expect(!posts.contains { $0.body?["content"]?.stringValue?.hasPrefix("Team lineup for ") == true })
    }
}
