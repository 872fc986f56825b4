import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
@testable import Reconciler

/// SIGTERM during an apply, with the real binary against the emulator (latency injected so
/// the apply is in flight when the signal lands): exit 0 within a bounded time, the journal
/// consistent, and the next start converges with no duplicates.
@Suite("Daemon shutdown")
struct DaemonShutdownTests {
    let guild: Snowflake = 1_300_000_000_000_000_021

    /// Club data whose layout *now* (the binary runs on the wall clock) has several events
    /// with teams, threads and race voice: dozens of changes.
    static func busyClub(now: Date, events: Int) -> String {
        func iso(_ offset: TimeInterval) -> String { now.addingTimeInterval(offset).formatted(.iso8601) }
        var text = """
            kind: club
            members:
              - { id: ann, display_name: Ann Apex, discord_user_id: "\(DaemonHarness.members[0])", role: driver }
              - { id: bob, display_name: Bob Brake, discord_user_id: "\(DaemonHarness.members[1])", role: driver }
              - { id: cat, display_name: Cat Curb, discord_user_id: "\(DaemonHarness.members[2])", role: driver }
              - { id: dan, display_name: Dan Draft, discord_user_id: "\(DaemonHarness.members[3])", role: driver }
            series:
              - id: gt3
                name: GT3 Cup
            events:

            """
        for index in 1...events {
            text += """
                  - id: race-\(index)
                    series: gt3
                    name: Race \(index)
                    track: Track \(index)
                    signup: { url: "https://simlane.app/s/\(index)", opens: \(iso(-86_400)), closes: \(iso(-43_200)) }
                    start: \(iso(3600 * Double(index)))
                    duration: 2h
                    participants: [ann, bob, cat, dan]
                    teams_published: \(iso(-21_600))
                    teams:
                      - { id: red, name: Red, members: [ann, bob] }
                      - { id: blue, name: Blue, members: [cat, dan] }

                """
        }
        return text
    }

    @Test func sigtermDuringAnApplyExitsCleanlyAndTheNextStartConverges() async throws {
        let harness = try await DaemonHarness(start: Date())
        await harness.seedGuild(guild)
        let club = try harness.writeClub("busy", guild: guild, data: Self.busyClub(now: Date(), events: 4))
        // Every mutation takes 150 ms: the apply is long enough to be interrupted.
        await harness.emulator.inject(Fault(.latency(seconds: 0.15), on: .path(method: "POST", prefix: "/"), times: nil))
        await harness.emulator.inject(Fault(.latency(seconds: 0.15), on: .path(method: "PUT", prefix: "/"), times: nil))
        let env = ["DISCORD_API_BASE": harness.server.baseURL.absoluteString, "DISCORD_BOT_TOKEN": DaemonHarness.token]
        let statusPath = harness.directory.root.appendingPathComponent("status.json").path
        let arguments = ["run", "--config", club.path, "--log-format", "json", "--status-file", statusPath]

        let daemon = try CLI.start(arguments, env: env)
        // Wait (bounded) until the apply is under way: a few creates have landed.
        let deadline = Date().addingTimeInterval(60)
        while await harness.emulator.requestLog.filter({ $0.method == "POST" && $0.status < 300 }).count < 4 {
            if !daemon.isRunning {
                let early = await daemon.wait()
                Issue.record("the daemon exited early: \(early)")
                return
            }
            try #require(Date() < deadline, "the apply never started")
            try await Task.sleep(for: .milliseconds(20))
        }
        let signalled = Date()
        kill(daemon.process.processIdentifier, SIGTERM)
        let result = try await waitBounded(daemon, seconds: 30)
        let stoppedAfter = Date().timeIntervalSince(signalled)
        #expect(result.status == 0, "\(result)")
        #expect(stoppedAfter < 25)
        #expect(result.stderr.contains("\"msg\":\"stopping: finishing the changes in flight\""))
        #expect(result.stderr.contains("\"msg\":\"daemon stopped\""))
        let status = try StatusFile(path: statusPath).read()
        #expect(status.state == .stopped)
        #expect(status.clubs.first?.outcome == .interrupted, "the apply finished before SIGTERM: \(status.clubs)")

        let shown = try await CLI.run(["status", "--config", club.path, "--status-file", statusPath])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("Daemon: stopped"), "\(shown)")
        #expect(shown.stdout.contains("busy "), "\(shown)")
        #expect(shown.stdout.contains("interrupted"), "\(shown)")

        // Nothing left half-known: every journal entry has an outcome.
        let store = try SQLiteStateStore(path: StatePath.stateFile(config: club.path, override: nil))
        #expect(try await store.pendingIntents(guild: guild).isEmpty)

        // The next start converges, with no duplicates; the one after that changes nothing.
        await harness.emulator.clearFaults()
        let again = try await CLI.run(["run", "--config", club.path, "--once"], env: env)
        #expect(again.status == 0, "\(again)")
        let summary = await harness.summary(guild)
        #expect(summary.allChannelNames.count == Set(summary.allChannelNames).count, "duplicate channels: \(summary.allChannelNames)")
        #expect(summary.allRoleNames.count == Set(summary.allRoleNames).count, "duplicate roles: \(summary.allRoleNames)")
        #expect(summary.text.count == 4)
        #expect(summary.roles.count == 8)
        let third = try await CLI.run(["run", "--config", club.path, "--once"], env: env)
        #expect(third.status == 0)
        #expect(third.stdout.contains("busy: converged, 0 applied"), "\(third)")
        await harness.shutdown()
    }

    @Test func aRejectedTokenStopsTheBinaryWithExitOne() async throws {
        let harness = try await DaemonHarness(start: Date())
        await harness.seedGuild(guild)
        let club = try harness.writeClub("busy", guild: guild, data: Self.busyClub(now: Date(), events: 1))
        let env = ["DISCORD_API_BASE": harness.server.baseURL.absoluteString, "DISCORD_BOT_TOKEN": "not-the-token"]
        let daemon = try CLI.start(["run", "--config", club.path], env: env)
        let result = try await waitBounded(daemon, seconds: 30)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: Discord rejected the bot token (401 Unauthorized"), "\(result)")
        #expect(!result.stderr.contains("not-the-token"))
        await harness.shutdown()
    }

    /// The binary's result, or a failure (and kill -9) if it outlives `seconds`.
    func waitBounded(_ daemon: RunningCLI, seconds: Double) async throws -> CLIResult {
        let deadline = Date().addingTimeInterval(seconds)
        while daemon.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if daemon.isRunning {
            daemon.kill9()
            Issue.record("the daemon did not exit within \(seconds) s")
        }
        return await daemon.wait()
    }
}
