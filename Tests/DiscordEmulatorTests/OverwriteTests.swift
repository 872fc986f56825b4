@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Permission overwrites")
struct OverwriteTests {
    @Test func putAndDeleteOverwrites() async throws {
        let h = await Harness(seed: GuildSeed(roles: [RoleSeed(name: "Drivers")]))
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let drivers = try #require(h.seeded.roleIDs["Drivers"])
        let put = await h.send("PUT", "/channels/\(channel)/permissions/\(drivers)", .object([
            "type": .int(0), "allow": .number(1024), "deny": .string("2048"),
        ]))
        #expect(put.status == 204)
        let fetched = await h.send("GET", "/channels/\(channel)")
        #expect(fetched.json?["permission_overwrites"] == .array([.object([
            "id": .string(drivers.description), "type": .int(0), "allow": .string("1024"), "deny": .string("2048"),
        ])]))
        #expect(await h.send("DELETE", "/channels/\(channel)/permissions/\(drivers)").status == 204)
        #expect(await h.guild().channels[channel]?.overwrites.isEmpty == true)
        let unknown = await h.send("PUT", "/channels/\(channel)/permissions/123456789012345678", .object(["type": .int(0)]))
        #expect(unknown.code == 10011)
        let noType = await h.send("PUT", "/channels/\(channel)/permissions/\(drivers)", .object(["allow": .string("0")]))
        #expect(noType.code == 50035)
    }

    @Test func overwritesMayOnlyUseBitsTheBotHolds() async throws {
        let h = await Harness()
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let kick = String(Permissions.kickMembers.rawValue)
        let lacking = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object(["type": .int(0), "deny": .string(kick)]))
        #expect(lacking.code == 50013)
        let manageRoles = String(Permissions.manageRoles.rawValue)
        let onlyAdmins = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object(["type": .int(0), "allow": .string(manageRoles)]))
        #expect(onlyAdmins.code == 50013)
        let create = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("y"),
            "permission_overwrites": .array([.object(["id": .string(h.guildID.description), "type": .int(0), "deny": .string(kick)])]),
        ]))
        #expect(create.code == 50013)
        #expect(await h.guild().guildChannels.count == 1)
    }

    @Test func administratorsMaySetAnyBit() async throws {
        let h = await Harness(seed: GuildSeed(botPermissions: [.administrator]))
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let response = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object([
            "type": .int(0), "allow": .string(String(Permissions.manageRoles.rawValue | Permissions.kickMembers.rawValue)),
        ]))
        #expect(response.status == 204)
    }

    @Test func overwritesNeedManageRoles() async throws {
        var seed = GuildSeed()
        seed.botPermissions.remove(.manageRoles)
        let h = await Harness(seed: seed)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let response = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object(["type": .int(0), "deny": .string("1024")]))
        #expect(response.code == 50013)
        let patch = await h.send("PATCH", "/channels/\(channel)", .object([
            "permission_overwrites": .array([.object(["id": .string(h.guildID.description), "type": .int(0), "deny": .string("1024")])]),
        ]))
        #expect(patch.code == 50013)
    }

    @Test func unchangedForeignBitsDoNotBlockAnEdit() async throws {
        let h = await Harness()
        let kick = Permissions.kickMembers
        let channel = try await h.emulator.adminCreateChannel(in: h.guildID, name: "x", overwrites: [
            PermissionOverwrite(id: h.guildID, type: .role, deny: kick),
        ])
        let response = await h.send("PUT", "/channels/\(channel)/permissions/\(h.guildID)", .object([
            "type": .int(0), "deny": .string(String(kick.union(.sendMessages).rawValue)),
        ]))
        #expect(response.status == 204)
    }

    @Test func effectivePermissionsFollowDiscordsOrder() async throws {
        let member = Snowflake(1_000_000_000_000_000_101)
        let h = await Harness(seed: GuildSeed(memberIDs: [member], roles: [RoleSeed(name: "A", memberIDs: [member]), RoleSeed(name: "B", memberIDs: [member])]))
        let a = try #require(h.seeded.roleIDs["A"]), b = try #require(h.seeded.roleIDs["B"])
        let guild = await h.guild()
        var channel = EmulatedChannel(id: 5, type: .guildText, guildID: h.guildID, name: "x")
        channel.overwrites = [
            PermissionOverwrite(id: h.guildID, type: .role, deny: [.viewChannel, .sendMessages]),
            PermissionOverwrite(id: a, type: .role, allow: .viewChannel),
            PermissionOverwrite(id: b, type: .role, deny: .viewChannel, ),
            PermissionOverwrite(id: member, type: .member, allow: .sendMessages),
        ]
        let calculator = PermissionCalculator(guild: guild)
        // Role allows win over role denies (combined), then the member's own overwrite.
        let permissions = calculator.inChannel(member, channel)
        #expect(permissions.contains(.viewChannel))
        #expect(permissions.contains(.sendMessages))
        channel.overwrites.removeAll { $0.id == a }
        #expect(calculator.inChannel(member, channel).isEmpty)
        #expect(calculator.inChannel(guild.ownerID, channel) == .all)
    }
}
