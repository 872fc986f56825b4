@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Error codes and limits a reconciler can hit [topics/opcodes-and-status-codes.mdx;
/// resources/audit-log.mdx; interactions/application-commands.mdx; DISCORD.md §1, §3, §4].
@Suite("Discord rules")
struct DiscordRuleTests {
    static let member = Snowflake(1_000_000_000_000_000_101)

    // opcodes-and-status-codes.mdx: 10009 Unknown overwrite.
    @Test func deletingAnOverwriteThatDoesNotExistIs10009() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("x"))
        let missing = await h.send("DELETE", "/channels/\(channel)/permissions/\(h.guildID)")
        #expect(missing.status == 404)
        #expect(missing.code == 10009)
        try await h.emulator.adminSetOverwrite(overwrite(h.guildID, deny: .sendMessages), on: channel)
        #expect(await h.send("DELETE", "/channels/\(channel)/permissions/\(h.guildID)").status == 204)
    }

    // reference.mdx: a body that is not the documented object is an invalid form body.
    @Test func anArrayBodyWhereAnObjectIsExpectedIs50035() async throws {
        let h = await Harness()
        let before = await h.guild().roles.count
        let role = await h.send("POST", "/guilds/\(h.guildID)/roles", .array([.object(["name": .string("Team")])]))
        #expect(role.status == 400)
        #expect(role.code == 50035)
        #expect(role.formError("") == "DICT_TYPE_CONVERT")
        #expect(await h.guild().roles.count == before)
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .string("x")).code == 50035)
        #expect(await h.send("PATCH", "/guilds/\(h.guildID)/roles", .object([:])).formError("") == "BASE_TYPE_ARRAY")
    }

    // audit-log.mdx: X-Audit-Log-Reason is 1-512 URL-encoded UTF-8 characters; the docs do
    // not say what a longer one gets: the emulator refuses it (400 50035).
    @Test func anAuditLogReasonLongerThan512CharactersIsRefused() async throws {
        let h = await Harness()
        let ok = String(repeating: "é", count: 512).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(await h.send("POST", "/guilds/\(h.guildID)/roles", .object([:]), headers: ["X-Audit-Log-Reason": ok]).status == 200)
        let long = String(repeating: "a", count: 513)
        let refused = await h.send("POST", "/guilds/\(h.guildID)/roles", .object([:]), headers: ["X-Audit-Log-Reason": long])
        #expect(refused.code == 50035)
        #expect(refused.formError("X-Audit-Log-Reason") == "BASE_TYPE_BAD_LENGTH")
    }

    // application-commands.mdx: "200 application command creates per day, per guild" (30034).
    @Test func atMostTwoHundredCommandCreatesPerGuildPerDay() async throws {
        let h = await Harness()
        let path = "/applications/\(h.seeded.bot.id)/guilds/\(h.guildID)/commands"
        func commands(_ prefix: String, _ count: Int) -> JSONValue {
            .array((0..<count).map { .object(["name": .string("\(prefix)\($0)"), "description": .string("d")]) })
        }
        #expect(await h.send("PUT", path, commands("a", 100)).status == 200)
        h.time.advance(by: 61)
        #expect(await h.send("PUT", path, commands("b", 100)).status == 200)
        h.time.advance(by: 61)
        let over = await h.send("PUT", path, commands("c", 1))
        #expect(over.code == 30034)
        h.time.advance(by: 61)
        #expect(await h.send("PUT", path, commands("b", 100)).status == 200) // nothing new: no creates
        h.time.advance(by: 86400)
        #expect(await h.send("PUT", path, commands("c", 1)).status == 200)
    }

    // opcodes-and-status-codes.mdx 30003; message.mdx Pin Message.
    @Test func pinningMoreThanFiftyMessagesIs30003() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let channel = try #require(await h.channel("x"))
        for index in 0..<50 {
            let id = try #require(await h.post(channel, .object(["content": .string("\(index)")])).id)
            #expect(await h.send("PUT", "/channels/\(channel)/messages/pins/\(id)").status == 204)
        }
        let extra = try #require(await h.post(channel, .object(["content": .string("51")])).id)
        #expect(await h.send("PUT", "/channels/\(channel)/messages/pins/\(extra)").code == 30003)
    }

    // opcodes-and-status-codes.mdx: 10003 / 10008 / 10011 / 10007 on unknown ids.
    @Test func unknownIdsGiveTheirUnknownCodes() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("x"))
        let nobody = Snowflake(1_000_000_000_000_009_999)
        #expect(await h.send("DELETE", "/channels/\(nobody)").code == 10003)
        #expect(await h.send("DELETE", "/channels/\(channel)/messages/\(nobody)").code == 10008)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/roles/\(nobody)").code == 10011)
        await h.emulator.upsertUser(EmulatedUser(id: nobody, username: "left"))
        let role = try #require(await h.send("POST", "/guilds/\(h.guildID)/roles", .object(["name": .string("r")])).id)
        #expect(await h.send("PUT", "/guilds/\(h.guildID)/members/\(nobody)/roles/\(role)").code == 10007)
    }

    // DISCORD.md §5 Role hierarchy: a bot can assign (and take away) only roles below its own.
    @Test func removingARoleAboveTheBotFromAMemberIs50013() async throws {
        let h = await Harness(seed: GuildSeed(memberIDs: [Self.member],
                                              roles: [RoleSeed(name: "Admins", aboveBot: true, memberIDs: [Self.member])]))
        let admins = try #require(h.seeded.roleIDs["Admins"])
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/members/\(Self.member)/roles/\(admins)").code == 50013)
        #expect(await h.send("DELETE", "/guilds/\(h.guildID)/members/\(Self.member)/roles/\(h.seeded.botRoleID)").code == 50013)
    }
}
