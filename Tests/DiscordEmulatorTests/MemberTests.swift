@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Members")
struct MemberTests {
    @Test func pagingDefaultsToOneAndSortsByUserID() async throws {
        let ids = (0..<2500).map { Snowflake(1_000_000_000_000_100_000 + UInt64(2499 - $0)) }
        let h = await Harness(seed: GuildSeed(memberIDs: ids), rateLimits: .unlimited)
        let one = await h.send("GET", "/guilds/\(h.guildID)/members")
        #expect(one.json?.arrayValue?.count == 1)

        var seen: [Snowflake] = []
        var after = "0"
        var pages = 0
        while true {
            let page = await h.send("GET", "/guilds/\(h.guildID)/members?limit=1000&after=\(after)")
            #expect(page.status == 200)
            // JSONSerialization: much faster than decoding 1,000 members into JSONValue.
            let objects = try JSONSerialization.jsonObject(with: page.body) as? [[String: Any]] ?? []
            let users = objects.compactMap { ($0["user"] as? [String: Any])?["id"] as? String }.compactMap { Snowflake(string: $0) }
            pages += 1
            seen += users
            if users.count < 1000 { break }
            after = users.last!.description
        }
        #expect(pages == 3)
        #expect(seen.count == 2502) // members + owner + bot
        #expect(seen == seen.sorted())
    }

    @Test func limitOutOfRangeIs50035() async throws {
        let h = await Harness()
        let over = await h.send("GET", "/guilds/\(h.guildID)/members?limit=1001")
        #expect(over.code == 50035)
        #expect(over.json?["errors"]?["limit"]?["_errors"]?.arrayValue?.first?["code"] == .string("NUMBER_TYPE_MAX"))
        #expect(await h.send("GET", "/guilds/\(h.guildID)/members?limit=0").code == 50035)
    }

    @Test func listingNeedsTheMembersIntent() async throws {
        let h = await Harness(seed: GuildSeed(membersIntent: false))
        let response = await h.send("GET", "/guilds/\(h.guildID)/members?limit=10")
        #expect(response.status == 403)
        #expect(response.code == 50001)
    }

    @Test func getMemberAndRoleChanges() async throws {
        let member = Snowflake(1_000_000_000_000_000_101)
        let h = await Harness(seed: GuildSeed(memberIDs: [member], roles: [RoleSeed(name: "Drivers")]))
        let drivers = try #require(h.seeded.roleIDs["Drivers"])
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/\(member)/roles/\(drivers)").status == 204)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/\(member)/roles/\(drivers)").status == 204)
        let fetched = await h.send("GET", "/guilds/\(h.guildID)/members/\(member)")
        #expect(fetched.json?["roles"] == .array([.string(drivers.description)]))
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/members/\(member)/roles/\(drivers)").status == 204)
        #expect(await h.guild().members[member]?.roles.isEmpty == true)

        #expect(await h.send("GET", "/guilds/\(h.guildID)/members/1000000000000000999").code == 10013)
        try await h.emulator.addMembers([1_000_000_000_000_000_999], to: h.guildID)
        try await h.emulator.adminRemoveMember(1_000_000_000_000_000_999, from: h.guildID)
        #expect(await h.send("GET", "/guilds/\(h.guildID)/members/1000000000000000999").code == 10007)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/1000000000000000999/roles/\(drivers)").code == 10007)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/\(member)/roles/123456789012345678").code == 10011)
    }

    @Test func currentUserAndGuild() async throws {
        let h = await Harness()
        let me = await h.send("GET", "/users/@me")
        #expect(me.json?["id"] == .string(h.seeded.bot.id.description))
        let guild = await h.send("GET", "/guilds/\(h.guildID)")
        #expect(guild.json?["id"] == .string(h.guildID.description))
        #expect(guild.json?["roles"]?.arrayValue?.count == 2)
        let bot = await h.send("GET", "/guilds/\(h.guildID)/members/\(h.seeded.bot.id)")
        #expect(bot.json?["roles"] == .array([.string(h.seeded.botRoleID.description)]))
    }

    @Test func guildsTheBotIsNotInAreMissingAccess() async throws {
        let h = await Harness()
        let other = await h.emulator.seedGuild(GuildSeed(bot: BotIdentity(id: 1_100_000_000_000_000_777, token: "other")))
        let response = await h.send("GET", "/guilds/\(other.guildID)/channels")
        #expect(response.code == 50001)
    }

    @Test func guildCommandsAreReplacedInBulk() async throws {
        let h = await Harness()
        let path = "/applications/\(h.seeded.bot.id)/guilds/\(h.guildID)/commands"
        let ok = await h.send("PUT", path, .array([
            .object(["name": .string("signup"), "description": .string("Sign up"), "type": .int(1)]),
        ]))
        #expect(ok.status == 200)
        #expect(ok.json?.arrayValue?.first?["application_id"] == .string(h.seeded.bot.id.description))
        let bad = await h.send("PUT", path, .array([.object(["name": .string("Sign Up"), "description": .string("")])]))
        #expect(bad.code == 50035)
        #expect(await h.guild().commands[h.seeded.bot.id]?.count == 1)
        h.time.advance(by: 61) // the commands bucket allows 2 per minute
        let wrongApp = await h.send("PUT", "/applications/123456789012345678/guilds/\(h.guildID)/commands", .array([]))
        #expect(wrongApp.code == 50001)
    }
}
