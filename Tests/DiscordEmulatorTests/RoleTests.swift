@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Roles and hierarchy")
struct RoleTests {
    static let seed = GuildSeed(
        memberIDs: [1_000_000_000_000_000_101],
        roles: [
            RoleSeed(name: "Drivers", permissions: [.viewChannel]),
            RoleSeed(name: "Admins", permissions: [.administrator], aboveBot: true),
            RoleSeed(name: "Integration", managed: true),
        ])

    @Test func seededStackPutsTheBotRoleInTheMiddle() async throws {
        let h = await Harness(seed: Self.seed)
        let roles = await h.guild().sortedRoles.map(\.name)
        #expect(roles == ["@everyone", "Drivers", "Integration", "Simlane Bot", "Admins"])
    }

    @Test func createPutsNewRolesAtPositionOne() async throws {
        let h = await Harness(seed: Self.seed)
        let created = await h.send("POST", "/guilds/\(h.guildID)/roles", .object([
            "name": .string("Team Alpha"), "permissions": .string("1024"), "mentionable": .bool(true),
        ]))
        #expect(created.status == 200)
        #expect(created.json?["position"] == .int(1))
        #expect(created.json?["permissions"] == .string("1024"))
        let list = await h.send("GET", "/guilds/\(h.guildID)/roles")
        #expect(list.json?.arrayValue?.count == 6)
        #expect(await h.guild().role(named: "Drivers")?.position == 2)
        let defaulted = await h.send("POST", "/guilds/\(h.guildID)/roles", .object([:]))
        #expect(defaulted.json?["name"] == .string("new role"))
    }

    @Test func cannotGrantPermissionsTheBotLacks() async throws {
        let h = await Harness(seed: Self.seed)
        let kick = Permissions.kickMembers.rawValue
        let create = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("x"), "permissions": .string(String(kick))]))
        #expect(create.code == 50013)
        let drivers = try #require(h.seeded.roleIDs["Drivers"])
        let patch = await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(drivers)", .object(["permissions": .number(Double(kick | 1024))]))
        #expect(patch.code == 50013)
        let allowed = await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(drivers)", .object(["permissions": .number(3072), "name": .string("Racers")]))
        #expect(allowed.status == 200)
        #expect(allowed.json?["name"] == .string("Racers"))
    }

    @Test func cannotTouchRolesAtOrAboveItsOwn() async throws {
        let h = await Harness(seed: Self.seed)
        let admins = try #require(h.seeded.roleIDs["Admins"])
        #expect(await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(admins)", .object(["name": .string("x")])).code == 50013)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(admins)").code == 50013)
        #expect(await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(h.seeded.botRoleID)", .object(["name": .string("x")])).code == 50013)
        let member = Snowflake(1_000_000_000_000_000_101)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/\(member)/roles/\(admins)").code == 50013)
        let drivers = try #require(h.seeded.roleIDs["Drivers"])
        let moveUp = await h.send("PATCH", "/guilds/\(h.guildID)/roles", .array([
            .object(["id": .string(drivers.description), "position": .int(5)]),
        ]))
        #expect(moveUp.code == 50013)
        #expect(await h.guild().roles[admins]?.name == "Admins")
    }

    @Test func managedRolesAreUntouchable() async throws {
        let h = await Harness(seed: Self.seed)
        let managed = try #require(h.seeded.roleIDs["Integration"])
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(managed)").code == 50013)
        #expect(await h.send("PATCH", "/guilds/\(h.guildID)/roles/\(managed)", .object(["name": .string("x")])).code == 50013)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/1000000000000000101/roles/\(managed)").code == 50013)
    }

    @Test func deleteRemovesFromMembersAndOverwrites() async throws {
        let h = await Harness(seed: Self.seed)
        let role = try #require(await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("Team")])).id)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/1000000000000000101/roles/\(role)").status == 204)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("team"),
            "permission_overwrites": .array([.object(["id": .string(role.description), "type": .int(0), "allow": .string("1024")])]),
        ])).id)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(role)").status == 204)
        let guild = await h.guild()
        #expect(guild.roles[role] == nil)
        #expect(guild.members[1_000_000_000_000_000_101]?.roles.contains(role) == false)
        #expect(guild.channels[channel]?.overwrites.isEmpty == true)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(role)").code == 10011)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(h.guildID)").code == 50028)
    }

    @Test func positionsReorderAndReturnAllRoles() async throws {
        let h = await Harness(seed: GuildSeed(roles: [RoleSeed(name: "A"), RoleSeed(name: "B"), RoleSeed(name: "C")]))
        let a = try #require(h.seeded.roleIDs["A"])
        let response = await h.send("PATCH", "/guilds/\(h.guildID)/roles", .array([
            .object(["id": .string(a.description), "position": .int(3)]),
        ]))
        #expect(response.status == 200)
        #expect(response.json?.arrayValue?.count == 5)
        let names = await h.guild().sortedRoles.map(\.name)
        #expect(names == ["@everyone", "B", "C", "A", "Simlane Bot"])
    }

    @Test func twoHundredFiftyRolesAtMost() async throws {
        let h = await Harness(seed: GuildSeed(), rateLimits: .unlimited)
        // @everyone does not count; the bot's role does.
        for index in 0..<249 {
            #expect(await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("r\(index)")])).status == 200)
        }
        let over = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("too many")]))
        #expect(over.code == 30005)
        #expect(await h.guild().roles.count == 251)
    }

    @Test func roleWritesNeedManageRoles() async throws {
        let h = await Harness(seed: GuildSeed(botPermissions: [.viewChannel, .manageChannels]))
        #expect(await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("x")])).code == 50013)
    }

    @Test func administratorBypassesPermissionSubsets() async throws {
        let h = await Harness(seed: GuildSeed(botPermissions: [.administrator]))
        let created = await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["permissions": .string(String(Permissions.banMembers.rawValue))]))
        #expect(created.status == 200)
    }
}
