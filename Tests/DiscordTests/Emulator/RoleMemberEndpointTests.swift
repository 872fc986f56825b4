import Discord
import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Roles and members against the emulator.
@Suite struct RoleMemberEndpointTests {
    @Test func rolesCreateModifyReorderDelete() async throws {
        try await withEmulator(GuildSeed(roles: [RoleSeed(name: "Old")])) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let alpha = try await rig.one {
                try await client.createRole(in: guildID, CreateRoleRequest(name: "Team Alpha", permissions: [.viewChannel], color: 0xFF0000, hoist: true, mentionable: true), reason: "create team")
            }
            #expect(alpha.name == "Team Alpha")
            #expect(alpha.permissions == .viewChannel)
            let beta = try await rig.one { try await client.createRole(in: guildID, CreateRoleRequest(name: "Team Beta"), reason: "t") }
            let modified = try await rig.one {
                try await client.modifyRole(in: guildID, roleID: beta.id, ModifyRoleRequest(name: "Team Bravo", permissions: [.viewChannel, .connect]), reason: "rename")
            }
            #expect(modified.name == "Team Bravo")
            #expect(modified.permissions == [.viewChannel, .connect])
            let reordered = try await rig.one {
                try await client.modifyRolePositions(in: guildID, [RolePositionEntry(id: beta.id, position: 1), RolePositionEntry(id: alpha.id, position: 2)], reason: "order")
            }
            #expect(reordered.first { $0.id == beta.id }?.position == 1)
            #expect(reordered.first { $0.id == alpha.id }?.position == 2)
            try await rig.one { try await client.deleteRole(in: guildID, roleID: alpha.id, reason: "retire") }
            let roles = try await rig.one { try await client.roles(in: guildID) }
            #expect(!roles.contains { $0.id == alpha.id })
            #expect(roles.contains { $0.id == guildID })  // @everyone
        }
    }

    @Test func roleErrors() async throws {
        let seed = GuildSeed(roles: [RoleSeed(name: "Admins", permissions: [.administrator], aboveBot: true)]
                             + (0..<248).map { RoleSeed(name: "r\($0)") })
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let admins = rig.seeded.roleIDs["Admins"]!
            let above = try await rig.failure {
                _ = try await client.modifyRole(in: guildID, roleID: admins, ModifyRoleRequest(name: "Pwned"), reason: "t")
            }
            #expect(above?.code == 50013)
            #expect(above?.advice.contains("above the bot") == true)
            let full = try await rig.failure { _ = try await client.createRole(in: guildID, CreateRoleRequest(name: "one-more"), reason: "t") }
            #expect(full?.code == 30005)
            #expect(full?.advice.contains("250 roles") == true)
            let unknown = try await rig.failure { try await client.deleteRole(in: guildID, roleID: 12345, reason: "t") }
            #expect(unknown?.code == 10011)
        }
    }

    @Test func membersPageThroughTwoAndAHalfThousand() async throws {
        let ids = (1...2500).map { Snowflake(UInt64(2_000_000_000_000_000_000) + UInt64($0)) }
        try await withEmulator(GuildSeed(memberIDs: ids)) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let members = try await rig.one { try await client.allMembers(in: guildID) }
            // The seeded members plus the owner and the bot.
            #expect(members.count == 2502)
            #expect(Set(members.compactMap { $0.user?.id }).count == 2502)
            let pages = await rig.emulator.requests(to: "GET /guilds/{guild_id}/members")
            #expect(pages.count == 3)
            let one = try await rig.one { try await client.member(in: guildID, userID: ids[0]) }
            #expect(one.user?.id == ids[0])
        }
    }

    @Test func memberRolesAddRemoveAndErrors() async throws {
        let seed = GuildSeed(memberIDs: [701], roles: [RoleSeed(name: "Team"), RoleSeed(name: "Staff", aboveBot: true)])
        try await withEmulator(seed) { rig in
            let client = rig.client
            let guildID = rig.guildID
            let team = rig.seeded.roleIDs["Team"]!
            let staff = rig.seeded.roleIDs["Staff"]!
            try await rig.one { try await client.addMemberRole(guildID: guildID, userID: 701, roleID: team, reason: "join team") }
            var member = try await rig.one { try await client.member(in: guildID, userID: 701) }
            #expect(member.roles.contains(team))
            try await rig.one { try await client.removeMemberRole(guildID: guildID, userID: 701, roleID: team, reason: "leave team") }
            member = try await rig.one { try await client.member(in: guildID, userID: 701) }
            #expect(!member.roles.contains(team))
            let unknownMember = try await rig.failure { _ = try await client.member(in: guildID, userID: 999) }
            #expect(unknownMember?.isNotFound == true)
            let aboveBot = try await rig.failure { try await client.addMemberRole(guildID: guildID, userID: 701, roleID: staff, reason: "t") }
            #expect(aboveBot?.code == 50013)
        }
    }
}
