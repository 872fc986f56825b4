import DiscordTypes
import Foundation
import Testing
@testable import Reconciler

/// A whole season through the real pipeline (Spec compile → snapshot → plan → apply against
/// the emulator), with the daemon's clock injected: every lifecycle step must appear in the
/// guild at the pass that runs exactly at its transition instant, not a poll later.
@Suite("Daemon season")
struct DaemonSeasonTests {
    struct Step {
        var wake: ScheduledWake
        var before: GuildSummary
        var after: GuildSummary
    }

    @Test func aWholeSeasonUnfoldsAtItsTransitionInstants() async throws {
        let start = Date(iso: "2026-11-30T00:00:00Z")
        let harness = try await DaemonHarness(start: start)
        let guild: Snowflake = 1_300_000_000_000_000_001
        await harness.seedGuild(guild)
        let club = try harness.writeClub("season", guild: guild, data: SeasonFixture.club(
            opens: "2026-12-01T10:00:00Z", closes: "2026-12-03T10:00:00Z",
            teams: "2026-12-04T10:00:00Z", start: "2026-12-06T18:00:00Z"))
        let loop = harness.makeLoop([club], poll: .seconds(24 * 3600))
        await loop.tick(at: start)
        await loop.waitUntilIdle()
        var before = await harness.summary(guild)
        #expect(before.text.isEmpty && before.voice.isEmpty && before.roles.isEmpty)

        var steps: [Step] = []
        while let wake = await harness.step(loop, notAfter: Date(iso: "2027-01-10T00:00:00Z")) {
            let after = await harness.summary(guild)
            steps.append(Step(wake: wake, before: before, after: after))
            before = after
        }
        if ProcessInfo.processInfo.environment["DAEMON_TEST_LOGS"] != nil {
            for line in harness.logs.lines { print(line) }
        }
        func step(_ iso: String, _ comment: Comment) throws -> Step {
            try #require(steps.first { $0.wake.at == Date(iso: iso) }, comment)
        }

        // Signup opens -> the signup channel appears in the series category.
        let signup = try step("2026-12-01T10:00:00Z", "a pass exactly when the signup opens")
        #expect(signup.wake.reason == .transition("signup channel for Spa 6h opens"))
        #expect(signup.before.text.isEmpty)
        #expect(signup.after.categories == ["GT3 Cup"])
        #expect(signup.after.text == ["spa-6h-signup in GT3 Cup"])

        // Teams assigned -> team roles with their members, private threads, practice voice.
        let teams = try step("2026-12-04T10:00:00Z", "a pass exactly when teams are published")
        #expect(teams.wake.reason.kind == "transition")
        #expect(teams.before.roles.isEmpty && teams.before.threads.isEmpty)
        #expect(teams.after.roles == ["Spa 6h · Red: 2 members", "Spa 6h · Blue: 2 members"])
        #expect(teams.after.threads.count == 2)
        #expect(teams.after.threads.allSatisfy { !$0.contains("archived") })
        #expect(teams.after.voice == ["Spa 6h Red practice in GT3 Cup", "Spa 6h Blue practice in GT3 Cup"])

        // T-24h -> race voice, restricted to the team.
        let raceVoice = try step("2026-12-05T18:00:00Z", "a pass exactly 24 h before the start")
        #expect(!raceVoice.before.voice.contains { $0.contains("race") })
        #expect(raceVoice.after.voice.isSuperset(of: [
            "Spa 6h Red race in GT3 Cup (restricted)", "Spa 6h Blue race in GT3 Cup (restricted)",
        ]))

        // Race ends + 2 h grace -> race voice gone, practice voice stays.
        let grace = try step("2026-12-06T22:00:00Z", "a pass exactly when the grace period ends")
        #expect(grace.before.voice.contains("Spa 6h Red race in GT3 Cup (restricted)"))
        #expect(grace.after.voice == ["Spa 6h Red practice in GT3 Cup", "Spa 6h Blue practice in GT3 Cup"])

        // All events done + archive delay -> archive: read-only text in Archive, voice and
        // roles gone, threads archived and locked.
        let archive = try step("2026-12-09T20:00:00Z", "a pass exactly at archival")
        #expect(archive.before.categories == ["GT3 Cup"])
        #expect(archive.after.categories == ["Archive"])
        #expect(archive.after.text == ["spa-6h-signup in Archive"])
        #expect(archive.after.readOnly == ["spa-6h-signup"])
        #expect(archive.after.voice.isEmpty)
        #expect(archive.after.roles.isEmpty)
        #expect(archive.after.threads.count == 2)
        #expect(archive.after.threads.allSatisfy { $0.hasSuffix("archived, locked") })

        // Retention -> archived channels deleted.
        let retention = try step("2027-01-08T20:00:00Z", "a pass exactly when retention expires")
        #expect(!retention.before.text.isEmpty)
        #expect(retention.after.text.isEmpty)
        #expect(retention.after.categories.isEmpty)
        #expect(retention.after.threads.isEmpty)

        // Every change landed at a transition; the polls in between found nothing to do.
        for step in steps where step.wake.reason == .poll {
            #expect(step.before == step.after, "a poll at \(step.wake.at) changed the guild")
        }
        let status = try #require(await loop.status(of: "season"))
        #expect(status.outcome == .converged)
        #expect(status.consecutiveFailures == 0)
        await harness.shutdown()
    }
}
