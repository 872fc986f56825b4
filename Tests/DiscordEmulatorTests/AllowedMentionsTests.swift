@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// Who a message pings: mentions in the content, filtered by `allowed_mentions`
/// [resources/message.mdx: Allowed Mentions Object], recorded on the message for tests.
@Suite("Allowed mentions")
struct AllowedMentionsTests {
    static let a: Snowflake = 1_000_000_000_000_000_101
    static let b: Snowflake = 1_000_000_000_000_000_102

    func pings(_ h: Harness, _ response: EmulatorResponse) async throws -> MessagePings? {
        let id = try #require(response.id, "\(response.json ?? .null)")
        return await h.guild().messages[id]?.pings
    }

    @Test func usersListedPingOnlyWhenMentionedAndNobodyElse() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("alerts"))
        let posted = await h.post(channel, .object([
            "content": .string("<@\(Self.a)> and <@!\(Self.b)> @everyone"),
            "allowed_mentions": .object(["parse": .array([]), "users": .array([.string("\(Self.a)"), .string("42")])]),
        ]))
        #expect(posted.status == 200)
        #expect(try await pings(h, posted) == MessagePings(users: [Self.a]))
    }

    @Test func withoutAllowedMentionsEveryMentionMayPing() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("alerts"))
        let posted = await h.post(channel, .object(["content": .string("<@\(Self.a)> <@\(Self.b)> @here")]))
        let pinged = try #require(try await pings(h, posted))
        #expect(pinged.users == [Self.a, Self.b])
        #expect(pinged.everyone, "@everyone holds MENTION_EVERYONE in a new server")
    }

    @Test func anEmptyParsePingsNobodyAndEscapedMentionsAreText() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("alerts"))
        let none = await h.post(channel, .object([
            "content": .string("<@\(Self.a)> @everyone"), "allowed_mentions": .object(["parse": .array([])]),
        ]))
        #expect(try await pings(h, none)?.isEmpty == true)
        // Escaped markup and a zero-width space after `@` are literal text, even with parse all.
        let escaped = await h.post(channel, .object([
            "content": .string("\\<@\(Self.a)\\> @\u{200B}everyone \\<@&\(h.guildID)\\>"),
            "allowed_mentions": .object(["parse": .array([.string("users"), .string("roles"), .string("everyone")])]),
        ]))
        #expect(try await pings(h, escaped)?.isEmpty == true)
    }

    @Test func parseUsersWithAUsersListIsRefused() async throws {
        let h = await Harness()
        let channel = try #require(await h.channel("alerts"))
        let refused = await h.post(channel, .object([
            "content": .string("<@\(Self.a)>"),
            "allowed_mentions": .object(["parse": .array([.string("users")]), "users": .array([.string("\(Self.a)")])]),
        ]))
        #expect(refused.status == 400 && refused.code == 50035)
        let unknown = await h.post(channel, .object([
            "content": .string("hi"), "allowed_mentions": .object(["parse": .array([.string("members")])]),
        ]))
        #expect(unknown.status == 400 && unknown.code == 50035)
        let tooMany = await h.post(channel, .object([
            "content": .string("hi"),
            "allowed_mentions": .object(["users": .array((1...101).map { .string("\(1_000_000_000_000_000_000 + $0)") })]),
        ]))
        #expect(tooMany.status == 400 && tooMany.code == 50035)
    }
}
