import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
@testable import Reconciler

/// Several clubs in one daemon against the emulator, through one shared client.
@Suite("Daemon clubs")
struct DaemonMultiClubTests {
    let guildA: Snowflake = 1_300_000_000_000_000_011
    let guildB: Snowflake = 1_300_000_000_000_000_012
    let guildC: Snowflake = 1_300_000_000_000_000_013

    @Test func aFailingClubDoesNotDelayTheOthers() async throws {
        let start = Date(iso: "2026-12-01T09:00:00Z")
        let harness = try await DaemonHarness(start: start)
        for guild in [guildA, guildB, guildC] { await harness.seedGuild(guild) }
        func data(opens: String) -> String {
            SeasonFixture.club(opens: opens, closes: "2026-12-03T10:00:00Z", teams: "2026-12-04T10:00:00Z",
                               start: "2026-12-06T18:00:00Z")
        }
        let a = try harness.writeClub("alpha", guild: guildA, data: data(opens: "2026-12-01T10:00:00Z"))
        let b = try harness.writeClub("bravo", guild: guildB, data: data(opens: "2026-12-01T12:00:00Z"))
        let c = try harness.writeClub("charlie", guild: guildC, data: data(opens: "2026-12-01T11:00:00Z"))
        // Charlie's guild answers 503 to everything: an outage for that club only.
        await harness.emulator.inject(Fault(.serverError(503), on: .path(method: nil, prefix: "/guilds/\(guildC)"), times: nil))
        let loop = harness.makeLoop([a, b, c], poll: .seconds(1800))
        await loop.tick(at: start)
        await loop.waitUntilIdle()

        var appeared: [String: Date] = [:]
        var charliePasses = 0
        let guilds = ["alpha": guildA, "bravo": guildB, "charlie": guildC]
        while let wake = await harness.step(loop, notAfter: Date(iso: "2026-12-01T13:00:00Z")) {
            if wake.club == "charlie" { charliePasses += 1 }
            for (club, guild) in guilds where appeared[club] == nil {
                if await !harness.summary(guild).text.isEmpty { appeared[club] = wake.at }
            }
        }
        #expect(appeared["alpha"] == Date(iso: "2026-12-01T10:00:00Z"))
        #expect(appeared["bravo"] == Date(iso: "2026-12-01T12:00:00Z"))
        #expect(appeared["charlie"] == nil)
        // Backed off: 30 s doubling to a 10 min cap over 4 h is about 30 attempts, not thousands.
        #expect(charliePasses >= 5 && charliePasses <= 40, "charlie ran \(charliePasses) passes")
        let charlie = try #require(await loop.status(of: "charlie"))
        #expect(charlie.outcome == .failed)
        #expect(charlie.nextWakeKind == "retry")
        #expect(charlie.lastError?.contains("503") == true)
        #expect(await loop.status(of: "alpha")?.outcome == .converged)

        // The outage ends: charlie converges at its next retry.
        await harness.emulator.clearFaults()
        var retried: ScheduledWake?
        while retried == nil, let wake = await harness.step(loop, notAfter: Date(iso: "2026-12-01T14:00:00Z")) {
            if wake.club == "charlie" { retried = wake }
        }
        #expect(retried?.reason.kind == "retry")
        #expect(await harness.summary(guildC).text == ["spa-6h-signup in GT3 Cup"])
        #expect(await loop.status(of: "charlie")?.outcome == .converged)
        await harness.shutdown()
    }

    @Test func configEditsApplyAndBrokenEditsKeepTheLastGoodConfig() async throws {
        let start = Date(iso: "2026-12-02T09:00:00Z")
        let harness = try await DaemonHarness(start: start)
        await harness.seedGuild(guildA)
        func data(event: String) -> String {
            SeasonFixture.club(event: event, opens: "2026-12-01T10:00:00Z", closes: "2026-12-03T10:00:00Z",
                               teams: "2026-12-04T10:00:00Z", start: "2026-12-06T18:00:00Z")
        }
        let club = try harness.writeClub("alpha", guild: guildA, data: data(event: "Spa 6h"))
        let loop = harness.makeLoop([club], poll: .seconds(300))
        await loop.tick(at: start)
        await loop.waitUntilIdle()
        #expect(await harness.summary(guildA).text == ["spa-6h-signup in GT3 Cup"])

        // A valid edit (the event is renamed): picked up at the next tick, applied as a rename.
        try harness.writeClub("alpha", guild: guildA, data: data(event: "Spa 12h"))
        harness.now.date = start.addingTimeInterval(1)
        #expect(await loop.tick(at: harness.now.date) == ["alpha"])
        await loop.waitUntilIdle()
        #expect(await harness.summary(guildA).text == ["spa-12h-signup in GT3 Cup"])
        #expect(await loop.status(of: "alpha")?.changesApplied ?? 0 >= 1)

        // A broken edit: rejected with its position, nothing applied, the previous config stays.
        let broken = data(event: "Spa 24h").replacingOccurrences(of: "    duration: 2h\n", with: "    duration: [2h\n")
        try harness.writeClub("alpha", guild: guildA, data: broken)
        harness.now.date = start.addingTimeInterval(2)
        #expect(await loop.tick(at: harness.now.date) == [])
        let status = try #require(await loop.status(of: "alpha"))
        #expect(status.hasValidConfig)
        #expect(status.configErrors.contains { $0.contains("club.yaml:") && $0.contains("error") })
        // Drift made by hand is repaired at the next poll, from the last good config.
        let channel = try #require(await harness.emulator.guild(guildA)?.channels(named: "spa-12h-signup").first)
        try await harness.emulator.adminRenameChannel(channel.id, to: "hand-made")
        let poll = try #require(await harness.step(loop, notAfter: start.addingTimeInterval(400)))
        #expect(poll.reason == .poll)
        #expect(poll.at == start.addingTimeInterval(301))
        #expect(await harness.summary(guildA).text == ["spa-12h-signup in GT3 Cup"])
        #expect(await loop.status(of: "alpha")?.configErrors.isEmpty == false)

        // Fixing the file applies it and clears the errors.
        try harness.writeClub("alpha", guild: guildA, data: data(event: "Spa 24h"))
        harness.now.date = start.addingTimeInterval(310)
        #expect(await loop.tick(at: harness.now.date) == ["alpha"])
        await loop.waitUntilIdle()
        #expect(await harness.summary(guildA).text == ["spa-24h-signup in GT3 Cup"])
        #expect(await loop.status(of: "alpha")?.configErrors == [])
        await harness.shutdown()
    }
}
