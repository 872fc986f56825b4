import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// Out-of-band drift, made through the emulator's admin hooks as a human would: each kind is
/// shown by `plan`, repaired by `apply` with exactly the requests it needs, and nothing else
/// changes.
@Suite(.serialized) struct EndToEndDriftTests {
    struct Drift: Sendable {
        var name: String
        /// What the plan must mention.
        var planShows: String
        /// At most this many mutations repair it (nil: don't count).
        var requests: Int?
        var make: @Sendable (Scenario) async throws -> Void
    }

    static let team = "series/s0/event/s0e0/team/t0"
    static let signup = "series/s0/event/s0e0/signup"

    static let drifts: [Drift] = [
        Drift(name: "renamed channel", planShows: "renamed-by-hand", requests: 1) { s in
            try await s.emulator.adminRenameChannel(try await s.id(signup), to: "renamed-by-hand")
        },
        Drift(name: "changed topic", planShows: "hand topic", requests: 1) { s in
            try await s.emulator.adminSetTopic(try await s.id(signup), to: "hand topic")
        },
        Drift(name: "edited overwrite", planShows: "overwrite", requests: 1) { s in
            try await s.emulator.adminSetOverwrite(
                PermissionOverwrite(id: s.guildID, type: .role, allow: [.viewChannel, .connect]),
                on: try await s.id(team + "/practice-voice"))
        },
        Drift(name: "extra member in team role", planShows: "role", requests: 1) { s in
            try await s.emulator.adminAddMemberRole(try await s.id(team + "/role"), to: s.club.memberID(5), in: s.guildID)
        },
        Drift(name: "member removed from team role", planShows: "role", requests: 1) { s in
            try await s.emulator.adminRemoveMemberRole(try await s.id(team + "/role"), from: s.club.memberID(0), in: s.guildID)
        },
        Drift(name: "member removed from thread", planShows: "thread", requests: 1) { s in
            try await s.emulator.adminRemoveThreadMember(s.club.memberID(1), from: try await s.id(team + "/thread"))
        },
        Drift(name: "moved channel", planShows: "parent", requests: nil) { s in
            try await s.emulator.adminMoveChannel(try await s.id(team + "/practice-voice"), parent: nil)
        },
        Drift(name: "deleted voice channel", planShows: "practice", requests: 2) { s in
            try await s.emulator.adminDeleteChannel(try await s.id(team + "/practice-voice"))
        },
        Drift(name: "deleted role", planShows: "role", requests: nil) { s in
            try await s.emulator.adminDeleteRole(try await s.id("series/s0/event/s0e1/team/t1/role"), in: s.guildID)
        },
    ]

    @Test func eachDriftIsShownAndRepairedAndNothingElseChanges() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 2, teams: 2))
        defer { Task { await s.stop() } }
        let first = try await s.apply()
        try #require(first.status == 0, "\(first)")
        let unmanagedChannels = await s.guild().channels.filter { $0.value.name == "welcome" || $0.value.name == "general" }

        for drift in Self.drifts {
            let converged = await s.guild()
            try await drift.make(s)
            let plan = try await s.plan()
            #expect(plan.status == 2, "\(drift.name): \(plan)")
            #expect(plan.stdout.contains(drift.planShows), "\(drift.name): \(plan.stdout)")

            await s.emulator.resetLog()
            let apply = try await s.apply()
            #expect(apply.status == 0, "\(drift.name): \(apply)")
            if let expected = drift.requests {
                let mutations = await s.mutations()
                #expect(mutations.count <= expected && !mutations.isEmpty, "\(drift.name): \(mutations.map { "\($0.method) \($0.path)" })")
            }
            let replan = try await s.plan()
            #expect(replan.status == 0, "\(drift.name) not repaired: \(replan)")

            // Nothing else changed: every resource that was there before the drift and still
            // exists is as it was (ids of recreated resources differ, so compare by id).
            let repaired = await s.guild()
            #expect(repaired.duplicateChannels.isEmpty && repaired.duplicateRoles.isEmpty, "\(drift.name)")
            var changed: [String] = []
            for (id, channel) in converged.channels where repaired.channels[id] != nil {
                var before = channel, after = repaired.channels[id]!
                before.position = 0; after.position = 0
                before.lastMessageID = nil; after.lastMessageID = nil
                before.messageCount = 0; after.messageCount = 0
                if before != after { changed.append(channel.name) }
            }
            #expect(changed.count <= 1, "\(drift.name): more than the drifted channel changed: \(changed)")
            for (id, channel) in unmanagedChannels { #expect(repaired.channels[id] == channel) }
        }
    }
}
