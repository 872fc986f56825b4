import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// kill -9 at random points of a large apply, then rerun: the guild converges with nothing
/// duplicated and a consistent journal. Also lost answers (the request executed, the
/// response lost to a 5xx).
@Suite(.serialized) struct EndToEndCrashTests {
    static let trials = Int(ProcessInfo.processInfo.environment["CRASH_TRIALS"] ?? "") ?? 20

    @Test func killNineAtRandomPointsThenRerunConverges() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        var random = SeededRandomNumberGenerator(seed: 0x5EED_2026_1126)
        var total: Int?
        var killedMidway = 0

        for trial in 0..<Self.trials {
            let club = SyntheticClub(guildID: TestIDs.guild(), applicationID: fixture.bot.id, series: 1, events: 3, teams: 3)
            await fixture.seed(club, roles: EmulatorFixture.furnitureRoles, channels: EmulatorFixture.furnitureChannels)
            let s = Scenario(fixture: fixture, club: club, dir: try club.write())
            if total == nil {
                let plan = try await s.plan()
                let match = try #require(plan.stdout.firstMatch(of: /; (\d+) requests?/), "\(plan)")
                total = Int(match.1)!
                #expect(total! >= 80, "the crash test needs a large apply")
            }
            // Kill once the emulator executed `cut` of this apply's mutations.
            let cut = Int.random(in: 1...total!, using: &random)
            let base = await fixture.emulator.currentCounters.executed
            let running = try s.startApply()
            while running.isRunning {
                if await fixture.emulator.currentCounters.executed - base >= cut {
                    running.kill9()
                    break
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            let killed = await running.wait()
            if killed.status != 0 { killedMidway += 1 }

            let rerun = try await s.apply()
            #expect(rerun.status == 0, "trial \(trial) (cut \(cut)): \(rerun)")
            let plan = try await s.plan()
            #expect(plan.status == 0, "trial \(trial) (cut \(cut)) did not converge: \(plan)")
            try await Self.expectConsistent(s, trial: trial)
        }
        #expect(killedMidway >= Self.trials / 2, "most kills must land during the apply")
    }

    @Test func lostAnswersToCreatesAreFoundNotDuplicated() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 2, teams: 2))
        defer { Task { await s.stop() } }
        // The request is executed but the client sees a 502: the outcome is unknown.
        for route in ["POST /guilds/{guild_id}/channels", "POST /guilds/{guild_id}/roles", "POST /channels/{channel_id}/threads"] {
            await s.emulator.inject(Fault(.serverError(502, executed: true), on: .route(route), times: 2))
        }
        let apply = try await s.apply()
        let plan = try await s.plan()
        if apply.status != 0 {
            // A create left unknown is settled by the next run.
            let rerun = try await s.apply()
            #expect(rerun.status == 0, "\(rerun)")
        }
        let final = try await s.plan()
        #expect(final.status == 0, "\(plan)\n\(final)")
        try await Self.expectConsistent(s, trial: 0)
    }

    /// No duplicates; nothing pending in the journal; everything owned exists; everything
    /// desired is owned.
    static func expectConsistent(_ s: Scenario, trial: Int) async throws {
        let guild = await s.guild()
        #expect(guild.duplicateChannels.isEmpty, "trial \(trial): duplicate channels \(guild.duplicateChannels)")
        #expect(guild.duplicateRoles.isEmpty, "trial \(trial): duplicate roles \(guild.duplicateRoles)")
        let store = try SQLiteStateStore(path: s.statePath)
        #expect(try await store.pendingIntents(guild: s.guildID).isEmpty, "trial \(trial): journal has pending intents")
        let ownership = try await store.ownership(guild: s.guildID)
        for (key, entry) in ownership.entries {
            let exists = guild.channels[entry.id] != nil || guild.roles[entry.id] != nil || guild.messages[entry.id] != nil
            #expect(exists, "trial \(trial): \(key) owned as \(entry.id) but gone")
        }
        let config = try ConfigLoader.load(path: s.dir.path)
        let desired = Compiler.compile(config, at: try Date(SyntheticClub.instant, strategy: .iso8601)).desired
        let keys = desired.channels.map(\.key) + desired.roles.map(\.key) + desired.threads.map(\.key) + desired.messages.filter { $0.family == .card }.map(\.key)
        for key in keys { #expect(ownership[key] != nil, "trial \(trial): \(key) desired but not owned") }
        // Each owned Discord id is owned once.
        #expect(Set(ownership.entries.values.map(\.id)).count == ownership.entries.count)
    }
}

