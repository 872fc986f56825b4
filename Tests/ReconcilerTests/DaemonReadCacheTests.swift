import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Spec
import Testing
@testable import Reconciler

/// The daemon keeps each club's read cache across passes: a steady-state pass reads only
/// the snapshot lists, and an apply by another process makes the next pass read again.
@Suite struct DaemonReadCacheTests {
    @Test func aSteadyStatePassReadsOnlyTheSnapshotListsUntilSomeoneElseWrites() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 2, events: 3, teams: 2))
        defer { Task { await s.stop() } }
        let client = DiscordClient(configuration: DiscordConfiguration(
            baseURL: s.fixture.server.baseURL, token: BotToken(s.fixture.bot.token)!))
        let reconcilers = ClubReconcilers(client: client)
        let club = ClubSource(id: "synth", path: s.dir.path)
        let config = try ConfigLoader.load(path: s.dir.path)
        let at = try #require(ISO8601DateFormatter().date(from: SyntheticClub.instant))

        let first = try await reconcilers.pass(club, config: config, at: at, stop: StopSignal())
        #expect(first.failed == 0 && first.applied > 0)
        // The first converged pass reads what the apply touched and remembers it.
        _ = try await reconcilers.pass(club, config: config, at: at, stop: StopSignal())
        await s.emulator.resetLog()
        let steady = try await reconcilers.pass(club, config: config, at: at, stop: StopSignal())
        #expect(steady.planned == 0)
        let reads = await s.emulator.requestLog.count
        // A fresh pass reads the lists plus one message listing per signup channel and the
        // members of every team thread; the cached one only the lists.
        await s.emulator.resetLog()
        _ = try await CLI.run(["plan", "--config", s.dir.path, "--at", SyntheticClub.instant], env: s.fixture.env)
        let fresh = await s.emulator.requestLog.filter { $0.method == "GET" }.count
        #expect(reads < fresh, "steady \(reads) vs fresh \(fresh)")
        #expect(reads <= 6, "the snapshot lists only: \(reads)")

        // Another process applies (a new run in the state store): the cache is dropped.
        await s.emulator.resetLog()
        _ = try await CLI.run(["apply", "--config", s.dir.path, "--at", "2026-12-09T19:00:00Z", "--auto-approve"],
                              env: s.fixture.env)
        await s.emulator.resetLog()
        _ = try await reconcilers.pass(club, config: config, at: try #require(ISO8601DateFormatter().date(from: "2026-12-09T19:00:00Z")),
                                       stop: StopSignal())
        #expect(await s.emulator.requestLog.count > reads, "read again after another writer")
    }
}
