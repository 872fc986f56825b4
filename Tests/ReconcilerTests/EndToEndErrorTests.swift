import DiscordEmulator
import DiscordTypes
import Foundation
import Planner
import Reconciler
import Spec
import Testing

/// Errors an admin must be able to act on, through the real CLI: a missing permission, the
/// role hierarchy, a bad token, an unknown guild. No stack traces, exit 1, and no damage
/// beyond the changes that did not depend on what failed.
@Suite(.serialized) struct EndToEndErrorTests {
    /// The doctor's judgement before every apply: a plan that needs MANAGE_ROLES the bot
    /// lacks is refused as a whole, before any request, instead of failing change by change
    /// with 50013 (which would also count towards Discord's invalid-request limit).
    @Test func missingManageRolesRefusesThePlanBeforeAnyRequestAndSaysWhich() async throws {
        var permissions = Permissions.reconcilerBot
        permissions.remove(.manageRoles)
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 2),
                                         botPermissions: permissions)
        defer { Task { await s.stop() } }
        let apply = try await s.apply()
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("MANAGE_ROLES, needed by"), "\(apply.stderr)")
        #expect(apply.stderr.contains("simlane-reconcile doctor"), "\(apply.stderr)")
        #expect(!apply.stderr.contains("Fatal error") && !apply.stderr.contains("Stack"))
        #expect(await s.mutations().isEmpty, "nothing was sent")
        #expect(await s.emulator.requestLog.allSatisfy { $0.status != 403 }, "no 403 counted against the bot")
    }

    @Test func roleAboveTheBotIsRefusedBeforeAnyRequest() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 2))
        defer { Task { await s.stop() } }
        try #require(try await s.apply().status == 0)
        // A human drags a team role above the bot's role and removes a member from it.
        let role = try await s.id("series/s0/event/s0e0/team/t0/role")
        let top = await s.guild().roles.count
        try await s.emulator.adminMoveRole(role, in: s.guildID, to: top)
        try await s.emulator.adminRemoveMemberRole(role, from: s.club.memberID(0), in: s.guildID)
        await s.emulator.resetLog()

        let plan = try await s.plan()
        #expect(plan.status == 1, "\(plan)")
        #expect(plan.stderr.contains("role hierarchy"), "\(plan.stderr)")
        #expect(plan.stderr.contains("Race 0-0 · Team 0"), "\(plan.stderr)")
        let apply = try await s.apply()
        #expect(apply.status == 1)
        #expect(await s.mutations().isEmpty, "nothing may change when the plan is refused")
    }

    @Test func badTokenAndUnknownGuildAreOneLineErrors() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        var env = s.fixture.env
        env["DISCORD_BOT_TOKEN"] = "not-the-token"
        let bad = try await CLI.run(["plan", "--config", s.dir.path, "--at", SyntheticClub.instant], env: env)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("401"), "\(bad.stderr)")
        #expect(bad.stderr.contains("DISCORD_BOT_TOKEN"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("not-the-token"), "the token must never be printed")

        let other = SyntheticClub(guildID: TestIDs.guild(), applicationID: s.club.applicationID, series: 1, events: 1, teams: 1)
        let unknown = try await CLI.run(["plan", "--config", try other.write().path, "--at", SyntheticClub.instant],
                                        env: s.fixture.env)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("guild"), "\(unknown.stderr)")
        #expect(unknown.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1, "\(unknown.stderr)")
    }

    @Test func applyWithoutTerminalNeedsAutoApprove() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 1))
        defer { Task { await s.stop() } }
        let result = try await CLI.run(["apply", "--config", s.dir.path, "--at", SyntheticClub.instant], env: s.fixture.env)
        #expect(result.status == 1)
        #expect(result.stderr.contains("--auto-approve"), "\(result.stderr)")
        #expect(await s.mutations().isEmpty)
    }
}

/// Discord's guild limits counted against what the guild already holds.
@Suite(.serialized) struct EndToEndLimitTests {
    @Test func clubNeedingMoreRolesThanTheGuildHasRoomForIsRefusedBeforeAnyRequest() async throws {
        let s = try await Scenario.start(SyntheticClub(guildID: TestIDs.guild(), series: 1, events: 1, teams: 6))
        defer { Task { await s.stop() } }
        // The guild is nearly full of roles nobody manages: admins', bots', game roles.
        let present = await s.guild().roles.count
        for index in 0..<(247 - present) {
            _ = try await s.emulator.adminCreateRole(in: s.guildID, name: "Game role \(index)")
        }
        await s.emulator.resetLog()

        let plan = try await s.plan()
        #expect(plan.status == 1, "\(plan)")
        #expect(plan.stderr.contains("the guild would hold 253 roles (247 there now, managed or not, + 6 from this plan)"),
                "\(plan.stderr)")
        #expect(plan.stderr.contains("limit of 250"), "\(plan.stderr)")
        let apply = try await s.apply()
        #expect(apply.status == 1, "\(apply)")
        #expect(await s.mutations().isEmpty, "nothing may change when the plan is refused")
    }
}
