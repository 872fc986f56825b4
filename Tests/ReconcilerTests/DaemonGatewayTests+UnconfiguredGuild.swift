import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
@testable import Reconciler

/// GUILD_CREATE of a guild no club is configured for: one notice per guild per process, and
/// once a club's settings name the guild, a reload reconciles it at once (no poll wait).
extension DaemonGatewayTests {
    @Test func anUnconfiguredGuildIsNoticedOnceAndReconciledAtOnceWhenASettingsChangeNamesIt() async throws {
        let rig = try await makeRig()
        await converge(rig)
        let pitLane: Snowflake = 1_300_000_000_000_000_022
        await rig.harness.emulator.seedGuild(GuildSeed(
            id: pitLane, name: "Pit Lane", bot: DaemonHarness.bot, botPermissions: .reconcilerBot,
            memberIDs: DaemonHarness.members))
        await rig.settle()
        func notices() -> [String] {
            rig.harness.logs.lines.filter { $0.contains("no club is configured for") && $0.contains("\(pitLane)") }
        }
        #expect(notices().count == 1, "\(rig.harness.logs.lines.suffix(5))")
        #expect(notices().first?.contains("Pit Lane") == true && notices().first?.contains("init --guild-id") == true)
        #expect(await rig.loop.nextWake()?.reason.kind == "poll", "an unconfigured guild asks for no pass")

        // A new session sends every GUILD_CREATE again: no second notice.
        rig.harness.emulator.gateway.sendInvalidSession(resumable: false)
        #expect(await eventually { rig.harness.emulator.gateway.currentStats.identifies == 2 })
        await rig.settle()
        #expect(notices().count == 1)
        let all = rig.harness.logs.lines.filter { $0.contains("no club is configured for") }
        #expect(all.count == 1, "the configured guild is never reported: \(all)")

        // The club's settings now name Pit Lane (as `serve`'s link flow or an edit would); the
        // reload (SIGHUP) reconciles it at the same instant, not at the 300 s poll.
        let instant = rig.harness.now.date
        _ = try rig.harness.writeClub("gw", guild: pitLane, data: data)
        await rig.loop.requestReload(reason: "SIGHUP")
        await rig.loop.tick(at: instant)
        await rig.loop.waitUntilIdle()
        let summary = await rig.harness.summary(pitLane)
        #expect(summary.text.contains("spa-6h-signup in GT3 Cup"), "\(summary)")
        #expect(await rig.harness.reconcilers.clubs(in: pitLane) == ["gw"])
        #expect(await rig.harness.reconcilers.clubs(in: guild).isEmpty, "the old guild's events no longer wake the club")
        await rig.stop()
    }
}
