import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// A guild an admin already laid out by hand is adopted, not duplicated.
@Suite(.serialized) struct EndToEndAdoptionTests {
    @Test func handMadeLayoutIsAdoptedWithoutDuplicates() async throws {
        let club = SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 2)
        let handMade = [
            ChannelSeed(name: "Series 0", type: .guildCategory),
            ChannelSeed(name: "race-0-0-signup", parent: "Series 0"),
            ChannelSeed(name: "Race 0-0 Team 0 practice", type: .guildVoice, parent: "Series 0"),
            ChannelSeed(name: "general"),
        ]
        let s = try await Scenario.start(club, roles: [RoleSeed(name: "Race 0-0 · Team 0")], channels: handMade)
        defer { Task { await s.stop() } }
        let before = await s.guild()
        let handMadeIDs = Set(before.guildChannels.filter { $0.name != "general" }.map(\.id))

        let plan = try await s.plan()
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("<="), "\(plan.stdout)")
        #expect(plan.stdout.contains("to adopt"), "\(plan.stdout)")

        let apply = try await s.apply()
        #expect(apply.status == 0, "\(apply)")
        let after = await s.guild()
        #expect(after.duplicateChannels.isEmpty, "\(after.duplicateChannels)")
        #expect(after.duplicateRoles.isEmpty, "\(after.duplicateRoles)")
        // The hand-made resources are now the managed ones.
        let owned = Set(try await s.ownership().entries.values.map(\.id))
        #expect(handMadeIDs.isSubset(of: owned))
        #expect(owned.contains(before.role(named: "Race 0-0 · Team 0")!.id))
        let general = before.guildChannels.first { $0.name == "general" }!
        #expect(!owned.contains(general.id))
        #expect(after.channels[general.id] == general)
        #expect(try await s.plan().status == 0)
    }

    @Test func stateOptionPutsTheStoreWhereAsked() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let custom = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).sqlite").path
        let apply = try await s.apply(["--state", custom])
        #expect(apply.status == 0, "\(apply)")
        #expect(!FileManager.default.fileExists(atPath: s.statePath))
        let owned = try await SQLiteStateStore(path: custom).ownership(guild: s.guildID)
        #expect(owned["series/s0/event/s0e0/signup"] != nil)
        #expect(try await s.plan(["--state", custom]).status == 0)
    }
}
