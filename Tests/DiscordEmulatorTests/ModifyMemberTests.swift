@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// `PATCH /guilds/{g}/members/{u}` with `roles`: the whole list replaced, checked as Discord does.
@Suite("Modify member roles")
struct ModifyMemberTests {
    static let member = Snowflake(1_000_000_000_000_000_101)

    private func harness(botPermissions: Permissions = .reconcilerBot) async -> Harness {
        await Harness(seed: GuildSeed(
            botPermissions: botPermissions, memberIDs: [Self.member],
            roles: [RoleSeed(name: "Drivers"), RoleSeed(name: "GT3"), RoleSeed(name: "Stewards", memberIDs: [Self.member]),
                    RoleSeed(name: "Admins", aboveBot: true, memberIDs: [Self.member]),
                    RoleSeed(name: "Booster", managed: true)]))
    }

    private func ids(_ h: Harness, _ names: String...) throws -> JSONValue {
        .array(try names.map { .string(try #require(h.seeded.roleIDs[$0]).description) })
    }

    @Test func replacesTheRoleListAndAnswersTheMember() async throws {
        let h = await harness()
        let path = "/guilds/\(h.guildID)/members/\(Self.member)"
        let response = await h.send("PATCH", path, .object(["roles": try ids(h, "Admins", "Drivers", "GT3"), "nick": .string("x")]))
        #expect(response.status == 200)
        #expect(response.json?["roles"] == (try ids(h, "Admins", "Drivers", "GT3")))
        let stored = await h.guild().members[Self.member]?.roles
        #expect(stored == [h.seeded.roleIDs["Admins"]!, h.seeded.roleIDs["Drivers"]!, h.seeded.roleIDs["GT3"]!])
        // Without `roles` nothing changes.
        #expect(await h.send("PATCH", path, .object(["nick": .string("y")])).status == 200)
        #expect(await h.guild().members[Self.member]?.roles == stored)
    }

    @Test func unknownRoleIs50035AndChangesNothing() async throws {
        let h = await harness()
        let before = await h.guild().members[Self.member]?.roles
        let response = await h.send("PATCH", "/guilds/\(h.guildID)/members/\(Self.member)",
                                    .object(["roles": .array([.string("123456789012345678")])]))
        #expect(response.status == 400)
        #expect(response.code == 50035)
        #expect(response.json?["errors"]?["roles"]?["0"] != nil)
        let everyone = await h.send("PATCH", "/guilds/\(h.guildID)/members/\(Self.member)",
                                    .object(["roles": .array([.string(h.guildID.description)])]))
        #expect(everyone.code == 50035)
        #expect(await h.guild().members[Self.member]?.roles == before)
    }

    @Test func rolesAtOrAboveTheBotAndManagedRolesCannotBeAddedOrRemoved() async throws {
        let h = await harness()
        let path = "/guilds/\(h.guildID)/members/\(Self.member)"
        // Dropping Admins (above the bot) is a removal: refused.
        let drop = await h.send("PATCH", path, .object(["roles": try ids(h, "Stewards", "Drivers")]))
        #expect(drop.status == 403)
        #expect(drop.code == 50013)
        let managed = await h.send("PATCH", path, .object(["roles": try ids(h, "Admins", "Stewards", "Booster")]))
        #expect(managed.code == 50013)
        let bot = await h.send("PATCH", path, .object(["roles": .array([
            .string(h.seeded.botRoleID.description), .string(h.seeded.roleIDs["Admins"]!.description),
            .string(h.seeded.roleIDs["Stewards"]!.description)])]))
        #expect(bot.code == 50013)
        #expect(await h.guild().members[Self.member]?.roles
                == [h.seeded.roleIDs["Stewards"]!, h.seeded.roleIDs["Admins"]!])
    }

    @Test func needsManageRoles() async throws {
        let h = await harness(botPermissions: Permissions.reconcilerBot.subtracting(.manageRoles))
        let response = await h.send("PATCH", "/guilds/\(h.guildID)/members/\(Self.member)",
                                    .object(["roles": try ids(h, "Admins", "Stewards", "Drivers")]))
        #expect(response.status == 403)
        #expect(response.code == 50013)
    }

    @Test func unknownMemberIs10007() async throws {
        let h = await harness()
        try await h.emulator.addMembers([1_000_000_000_000_000_999], to: h.guildID)
        try await h.emulator.adminRemoveMember(1_000_000_000_000_000_999, from: h.guildID)
        let gone = await h.send("PATCH", "/guilds/\(h.guildID)/members/1000000000000000999",
                                .object(["roles": .array([])]))
        #expect(gone.code == 10007)
    }
}
