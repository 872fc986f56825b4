@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Threads")
struct ThreadTests {
    static let driver = Snowflake(1_000_000_000_000_000_101)

    func textChannel(_ h: Harness) async throws -> Snowflake {
        try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("team")])).id)
    }

    @Test func startDefaultsToPrivateAndReturns201() async throws {
        let h = await Harness()
        let parent = try await textChannel(h)
        let thread = await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("Team Alpha")]))
        #expect(thread.status == 201)
        #expect(thread.json?["type"] == .int(12))
        #expect(thread.json?["parent_id"] == .string(parent.description))
        #expect(thread.json?["owner_id"] == .string(h.seeded.bot.id.description))
        #expect(thread.json?["thread_metadata"]?["archived"] == .bool(false))
        #expect(thread.json?["name"] == .string("Team Alpha"))
        let publicThread = await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("p"), "type": .int(11)]))
        #expect(publicThread.json?["type"] == .int(11))
        let missingName = await h.send("POST", "/channels/\(parent)/threads", .object([:]))
        #expect(missingName.code == 50035)
    }

    @Test func privateThreadsOnlyUnderTextChannels() async throws {
        let h = await Harness()
        let voice = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("v"), "type": .int(2)])).id)
        let response = await h.send("POST", "/channels/\(voice)/threads", .object(["name": .string("t")]))
        #expect(response.status == 400)
        #expect(response.code == 50024)
        let category = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c"), "type": .int(4)])).id)
        #expect(await h.send("POST", "/channels/\(category)/threads", .object(["name": .string("t"), "type": .int(11)])).code == 50024)
    }

    @Test func archivedThreadsRejectChangesButUnarchive() async throws {
        let h = await Harness()
        let parent = try await textChannel(h)
        let thread = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("t")])).id)
        #expect(await h.send("PATCH", "/channels/\(thread)", .object(["archived": .bool(true)])).status == 200)
        let rename = await h.send("PATCH", "/channels/\(thread)", .object(["name": .string("new")]))
        #expect(rename.status == 400)
        #expect(rename.code == 50083)
        #expect(await h.send("PUT", "/channels/\(thread)/thread-members/\(Self.driver)").code == 50083)
        let unarchive = await h.send("PATCH", "/channels/\(thread)", .object(["archived": .bool(false), "name": .string("new")]))
        #expect(unarchive.status == 200)
        #expect(unarchive.json?["name"] == .string("new"))
    }

    @Test func lockedThreadsNeedManageThreads() async throws {
        var seed = GuildSeed(memberIDs: [Self.driver])
        seed.botPermissions.remove(.manageThreads)
        let h = await Harness(seed: seed)
        let parent = try await textChannel(h)
        let thread = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("t")])).id)
        #expect(await h.send("PATCH", "/channels/\(thread)", .object(["locked": .bool(true)])).code == 50013)
        try await h.emulator.adminSetThreadState(thread, archived: false, locked: true)
        let add = await h.send("PUT", "/channels/\(thread)/thread-members/\(Self.driver)")
        #expect(add.status == 403)
        #expect(add.code == 160005)
        #expect(await h.send("PATCH", "/channels/\(thread)", .object(["name": .string("x")])).code == 160005)
        #expect(await h.send("DELETE", "/channels/\(thread)").code == 50013)
    }

    @Test func threadMembersAddListRemove() async throws {
        let h = await Harness()
        let parent = try await textChannel(h)
        let thread = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("t")])).id)
        #expect(await h.send("PUT", "/channels/\(thread)/thread-members/\(Self.driver)").status == 204)
        let one = await h.send("GET", "/channels/\(thread)/thread-members/\(Self.driver)")
        #expect(one.json?["user_id"] == .string(Self.driver.description))
        let all = await h.send("GET", "/channels/\(thread)/thread-members")
        #expect(all.json?.arrayValue?.count == 2)
        #expect(await h.send("DELETE", "/channels/\(thread)/thread-members/\(Self.driver)").status == 204)
        #expect(await h.send("GET", "/channels/\(thread)/thread-members/\(Self.driver)").code == 10007)
        h.time.advance(by: 5) // thread-member routes share a 5-per-5-s bucket
        #expect(await h.send("PUT", "/channels/\(thread)/thread-members/1000000000000000999").code == 10013)
        #expect(await h.send("PUT", "/channels/\(parent)/thread-members/\(Self.driver)").code == 50024)
    }

    @Test func removingOthersNeedsManageThreadsUnlessCreatorOfPrivate() async throws {
        var seed = GuildSeed(memberIDs: [Self.driver])
        seed.botPermissions.remove(.manageThreads)
        let h = await Harness(seed: seed)
        let parent = try await textChannel(h)
        let publicThread = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("p"), "type": .int(11)])).id)
        #expect(await h.send("PUT", "/channels/\(publicThread)/thread-members/\(Self.driver)").status == 204)
        #expect(await h.send("DELETE", "/channels/\(publicThread)/thread-members/\(Self.driver)").code == 50013)
        let privateThread = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("q")])).id)
        #expect(await h.send("PUT", "/channels/\(privateThread)/thread-members/\(Self.driver)").status == 204)
        #expect(await h.send("DELETE", "/channels/\(privateThread)/thread-members/\(Self.driver)").status == 204)
    }

    @Test func activeAndArchivedListings() async throws {
        let h = await Harness()
        let parent = try await textChannel(h)
        let open = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("open")])).id)
        let closedPublic = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("cp"), "type": .int(11)])).id)
        let closedPrivate = try #require(await h.send("POST", "/channels/\(parent)/threads", .object(["name": .string("cq")])).id)
        for id in [closedPublic, closedPrivate] {
            #expect(await h.send("PATCH", "/channels/\(id)", .object(["archived": .bool(true)])).status == 200)
        }
        let active = await h.send("GET", "/guilds/\(h.guildID)/threads/active")
        #expect(active.json?["threads"]?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [open])
        #expect(active.json?["members"]?.arrayValue?.count == 1)
        let publicList = await h.send("GET", "/channels/\(parent)/threads/archived/public")
        #expect(publicList.json?["threads"]?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [closedPublic])
        #expect(publicList.json?["has_more"] == .bool(false))
        let privateList = await h.send("GET", "/channels/\(parent)/threads/archived/private")
        #expect(privateList.json?["threads"]?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [closedPrivate])
        // Threads are not guild channels.
        #expect(await h.send("GET", "/guilds/\(h.guildID)/channels").json?.arrayValue?.count == 1)
    }
}

@Suite("Messages")
struct MessageTests {
    @Test func createEditPinDelete() async throws {
        let h = await Harness()
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("signups")])).id)
        let posted = await h.send("POST", "/channels/\(channel)/messages", .object([
            "content": .string("Sign up below"),
            "embeds": .array([.object(["title": .string("Spa 6h"), "fields": .array([.object(["name": .string("Start"), "value": .string("18:00")])])])]),
        ]))
        #expect(posted.status == 200)
        let id = try #require(posted.id)
        #expect(posted.json?["author"]?["id"] == .string(h.seeded.bot.id.description))
        let edited = await h.send("PATCH", "/channels/\(channel)/messages/\(id)", .object(["content": .string("Closed")]))
        #expect(edited.json?["content"] == .string("Closed"))
        #expect(edited.json?["edited_timestamp"] != .null)
        #expect(await h.send("PUT", "/channels/\(channel)/messages/pins/\(id)").status == 204)
        #expect(await h.send("GET", "/channels/\(channel)/messages/\(id)").json?["pinned"] == .bool(true))
        let pins = await h.send("GET", "/channels/\(channel)/messages/pins")
        #expect(pins.json?["items"]?.arrayValue?.count == 1)
        #expect(await h.send("DELETE", "/channels/\(channel)/messages/pins/\(id)").status == 204)
        #expect(await h.send("DELETE", "/channels/\(channel)/messages/\(id)").status == 204)
        #expect(await h.send("GET", "/channels/\(channel)/messages/\(id)").code == 10008)
    }

    @Test func limitsAndEmptyMessages() async throws {
        let h = await Harness()
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let long = await h.send("POST", "/channels/\(channel)/messages", .object(["content": .string(String(repeating: "a", count: 2001))]))
        #expect(long.code == 50035)
        #expect(long.json?["errors"]?["content"]?["_errors"]?.arrayValue?.first?["code"] == .string("BASE_TYPE_MAX_LENGTH"))
        #expect(await h.send("POST", "/channels/\(channel)/messages", .object([:])).code == 50006)
        let bigEmbed = await h.send("POST", "/channels/\(channel)/messages", .object([
            "embeds": .array([.object(["title": .string(String(repeating: "t", count: 257))])]),
        ]))
        #expect(bigEmbed.json?["errors"]?["embeds"]?["0"]?["title"] != nil)
        let category = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c"), "type": .int(4)])).id)
        #expect(await h.send("POST", "/channels/\(category)/messages", .object(["content": .string("hi")])).code == 50008)
    }

    @Test func editingSomeoneElsesMessageIsRefused() async throws {
        let h = await Harness()
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let human = try await h.emulator.adminPostMessage(in: channel, content: "hi", authorID: 1_000_000_000_000_000_101)
        let response = await h.send("PATCH", "/channels/\(channel)/messages/\(human)", .object(["content": .string("edited")]))
        #expect(response.code == 50005)
    }

    @Test func pinningNeedsPinMessages() async throws {
        var seed = GuildSeed()
        seed.botPermissions.remove(.pinMessages)
        let h = await Harness(seed: seed)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let id = try #require(await h.send("POST", "/channels/\(channel)/messages", .object(["content": .string("hi")])).id)
        #expect(await h.send("PUT", "/channels/\(channel)/messages/pins/\(id)").code == 50013)
    }
}

@Suite("Message listing and nonces")
struct MessageListTests {
    @Test func listIsNewestFirstWithCursors() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        var ids: [Snowflake] = []
        for index in 0..<5 {
            ids.append(try #require(await h.send("POST", "/channels/\(channel)/messages", .object(["content": .string("m\(index)")])).id))
        }
        let all = await h.send("GET", "/channels/\(channel)/messages")
        #expect(all.json?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == ids.reversed())
        let afterSecond = await h.send("GET", "/channels/\(channel)/messages?after=\(ids[1])&limit=2")
        #expect(afterSecond.json?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [ids[3], ids[2]])
        let beforeLast = await h.send("GET", "/channels/\(channel)/messages?before=\(ids[4])&limit=1")
        #expect(beforeLast.json?.arrayValue?.compactMap { $0["id"]?.snowflakeValue } == [ids[3]])
        #expect(await h.send("GET", "/channels/\(channel)/messages?limit=101").code == 50035)
    }

    @Test func enforcedNonceDeduplicates() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let channel = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")])).id)
        let body: JSONValue = .object(["content": .string("signup"), "nonce": .string("signup-1"), "enforce_nonce": .bool(true)])
        let first = await h.send("POST", "/channels/\(channel)/messages", body)
        let again = await h.send("POST", "/channels/\(channel)/messages", body)
        #expect(first.id == again.id)
        #expect(again.json?["nonce"] == .string("signup-1"))
        #expect(await h.guild().messages.count == 1)
        let unenforced = await h.send("POST", "/channels/\(channel)/messages", .object(["content": .string("signup"), "nonce": .string("signup-1")]))
        #expect(unenforced.id != first.id)
        h.time.advance(by: 301)
        #expect(await h.send("POST", "/channels/\(channel)/messages", body).id != first.id)
    }
}
