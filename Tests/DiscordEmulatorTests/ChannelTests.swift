@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Channels")
struct ChannelTests {
    @Test func createListModifyDelete() async throws {
        let h = await Harness()
        let created = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("Signups"), "type": .int(0), "topic": .string("Sign up here"),
        ]))
        #expect(created.status == 201)
        let id = try #require(created.id)
        #expect(created.json?["guild_id"] == .string(h.guildID.description))
        #expect(created.json?["topic"] == .string("Sign up here"))

        let list = await h.send("GET", "/guilds/\(h.guildID)/channels")
        #expect(list.status == 200)
        #expect(list.json?.arrayValue?.count == 1)

        let patched = await h.send("PATCH", "/channels/\(id)", .object(["name": .string("Sign Ups 2"), "topic": .null]))
        #expect(patched.status == 200)
        #expect(patched.json?["name"] == .string("sign-ups-2"))
        #expect(patched.json?["topic"] == .null)

        let get = await h.send("GET", "/channels/\(id)")
        #expect(get.json?["name"] == .string("sign-ups-2"))

        let deleted = await h.send("DELETE", "/channels/\(id)")
        #expect(deleted.status == 200)
        #expect(deleted.json?["id"] == .string(id.description))
        #expect(await h.send("GET", "/channels/\(id)").code == 10003)
        #expect(await h.send("DELETE", "/channels/\(id)").code == 10003)
    }

    @Test(arguments: [
        ("Race Control", "race-control"), ("Spa 6H: Signups!", "spa-6h-signups"), ("  GT3   Cup  ", "gt3-cup"),
        ("already-fine_ok", "already-fine_ok"), ("Ünïcode Straße", "ünïcode-straße"), ("a--b", "a-b"),
    ])
    func textChannelNamesAreNormalised(raw: String, expected: String) async throws {
        #expect(EmulatorNormalization.channelName(raw, type: .guildText) == expected)
        let h = await Harness()
        let created = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string(raw)]))
        #expect(created.json?["name"] == .string(expected))
    }

    @Test func voiceAndCategoryNamesKeepTheirCase() async throws {
        #expect(EmulatorNormalization.channelName(" Race Voice ", type: .guildVoice) == "Race Voice")
        #expect(EmulatorNormalization.channelName("GT3 CUP", type: .guildCategory) == "GT3 CUP")
        let h = await Harness()
        let voice = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("Race Voice"), "type": .int(2)]))
        #expect(voice.json?["name"] == .string("Race Voice"))
        #expect(voice.json?["bitrate"] == .int(64000))
        #expect(voice.json?["user_limit"] == .int(0))
    }

    @Test func invalidBodiesGiveFormErrors() async throws {
        let h = await Harness()
        let missing = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["type": .int(0)]))
        #expect(missing.status == 400)
        #expect(missing.code == 50035)
        #expect(missing.json?["errors"]?["name"]?["_errors"] == .array([.object([
            "code": .string("BASE_TYPE_REQUIRED"), "message": .string("This field is required"),
        ])]))
        let long = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string(String(repeating: "a", count: 101))]))
        #expect(long.json?["errors"]?["name"]?["_errors"]?.arrayValue?.first?["code"] == .string("BASE_TYPE_BAD_LENGTH"))
        let topic = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("x"), "topic": .string(String(repeating: "t", count: 1025)),
        ]))
        #expect(topic.json?["errors"]?["topic"]?["_errors"]?.arrayValue?.first?["code"] == .string("BASE_TYPE_MAX_LENGTH"))
        let type = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x"), "type": .int(12)]))
        #expect(type.json?["errors"]?["type"]?["_errors"]?.arrayValue?.first?["code"] == .string("BASE_TYPE_CHOICES"))
        let overwrite = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("x"), "permission_overwrites": .array([.object(["type": .int(0)])]),
        ]))
        #expect(overwrite.json?["errors"]?["permission_overwrites"]?["0"]?["id"]?["_errors"] != nil)
        #expect(await h.guild().guildChannels.isEmpty)
    }

    @Test func missingOrWrongContentTypeIs50035() async throws {
        let h = await Harness()
        let body = try DiscordJSON.encoder().encode(JSONValue.object(["name": .string("x")]))
        let plain = await h.emulator.handle(EmulatorRequest(
            method: "POST", path: "/api/v10/guilds/\(h.guildID)/channels",
            headers: ["Authorization": "Bot \(h.token)", "Content-Type": "text/plain"], body: body))
        #expect(plain.status == 400)
        #expect(plain.code == 50035)
        #expect(plain.json?["errors"]?["_errors"]?.arrayValue?.first?["code"] == .string("CONTENT_TYPE_INVALID"))
        let none = await h.emulator.handle(EmulatorRequest(
            method: "POST", path: "/api/v10/guilds/\(h.guildID)/channels",
            headers: ["Authorization": "Bot \(h.token)"], body: body))
        #expect(none.code == 50035)
        let broken = await h.emulator.handle(EmulatorRequest(
            method: "POST", path: "/api/v10/guilds/\(h.guildID)/channels",
            headers: ["Authorization": "Bot \(h.token)", "Content-Type": "application/json"], body: Data("{".utf8)))
        #expect(broken.code == 50109)
        #expect(await h.guild().guildChannels.isEmpty)
    }

    @Test func parentMustBeACategoryWithRoom() async throws {
        let h = await Harness(rateLimits: .unlimited)
        let text = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("t")])).id)
        let notCategory = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("child"), "parent_id": .string(text.description),
        ]))
        #expect(notCategory.json?["errors"]?["parent_id"]?["_errors"]?.arrayValue?.first?["code"] == .string("CHANNEL_PARENT_INVALID_TYPE"))

        let category = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("Cup"), "type": .int(4),
        ])).id)
        for index in 0..<50 {
            let child = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
                "name": .string("c\(index)"), "parent_id": .string(category.description),
            ]))
            #expect(child.status == 201)
        }
        let full = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("c50"), "parent_id": .string(category.description),
        ]))
        #expect(full.code == 50035)
        #expect(full.json?["errors"]?["parent_id"]?["_errors"]?.arrayValue?.first?["code"] == .string("CHANNEL_PARENT_MAX_CHANNELS"))
    }

    @Test func fiveHundredChannelsPerGuildThreadsExcluded() async throws {
        let h = await Harness(rateLimits: .unlimited)
        var first: Snowflake?
        for index in 0..<500 {
            let response = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c\(index)")]))
            #expect(response.status == 201)
            if first == nil { first = response.id }
        }
        let thread = await h.send("POST", "/channels/\(first!)/threads", .object(["name": .string("still fine")]))
        #expect(thread.status == 201)
        let over = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("one-too-many")]))
        #expect(over.status == 400)
        #expect(over.code == 30013)
        #expect(await h.guild().guildChannels.count == 500)
    }

    @Test func deletingACategoryKeepsItsChildrenWithoutParent() async throws {
        let h = await Harness()
        let category = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("Cup"), "type": .int(4),
        ])).id)
        let child = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("child"), "parent_id": .string(category.description),
        ])).id)
        #expect(await h.send("DELETE", "/channels/\(category)").status == 200)
        let remaining = await h.send("GET", "/channels/\(child)")
        #expect(remaining.status == 200)
        #expect(remaining.json?["parent_id"] == .null)
    }

    @Test func childCreatedWithoutOverwritesSyncsToItsCategory() async throws {
        let h = await Harness()
        let category = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("Cup"), "type": .int(4),
            "permission_overwrites": .array([.object(["id": .string(h.guildID.description), "type": .int(0), "deny": .string("1024")])]),
        ])).id)
        let child = await h.send("POST", "/guilds/\(h.guildID)/channels", .object([
            "name": .string("child"), "parent_id": .string(category.description),
        ]))
        #expect(child.json?["permission_overwrites"]?.arrayValue?.count == 1)
    }

    @Test func bulkPositionsAllowOneParentChange() async throws {
        let h = await Harness()
        let cat = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("Cat"), "type": .int(4)])).id)
        let a = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("a")])).id)
        let b = try #require(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("b")])).id)
        let two = await h.send("PATCH", "/guilds/\(h.guildID)/channels", .array([
            .object(["id": .string(a.description), "parent_id": .string(cat.description)]),
            .object(["id": .string(b.description), "parent_id": .string(cat.description)]),
        ]))
        #expect(two.status == 400)
        #expect(two.code == 40009)
        #expect(await h.guild().channels[a]?.parentID == nil)

        let one = await h.send("PATCH", "/guilds/\(h.guildID)/channels", .array([
            .object(["id": .string(a.description), "position": .int(7), "parent_id": .string(cat.description)]),
            .object(["id": .string(b.description), "position": .int(3)]),
        ]))
        #expect(one.status == 204)
        let guild = await h.guild()
        #expect(guild.channels[a]?.parentID == cat)
        #expect(guild.channels[a]?.position == 7)
        #expect(guild.channels[b]?.position == 3)
        let unknown = await h.send("PATCH", "/guilds/\(h.guildID)/channels", .array([
            .object(["id": .string("123456789012345678"), "position": .int(1)]),
        ]))
        #expect(unknown.code == 10003)
    }

    @Test func channelWritesNeedManageChannels() async throws {
        let h = await Harness(seed: GuildSeed(botPermissions: [.viewChannel, .sendMessages]))
        let denied = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("x")]))
        #expect(denied.status == 403)
        #expect(denied.code == 50013)
        let id = try await h.emulator.adminCreateChannel(in: h.guildID, name: "human")
        #expect(await h.send("PATCH", "/channels/\(id)", .object(["name": .string("y")])).code == 50013)
        #expect(await h.send("DELETE", "/channels/\(id)").code == 50013)
        #expect(await h.emulator.currentCounters.invalidTotal == 3)
    }

    @Test func hiddenChannelsAreMissingAccess() async throws {
        let h = await Harness()
        let id = try await h.emulator.adminCreateChannel(in: h.guildID, name: "staff", overwrites: [
            PermissionOverwrite(id: h.guildID, type: .role, deny: .viewChannel),
        ])
        let response = await h.send("PATCH", "/channels/\(id)", .object(["name": .string("y")]))
        #expect(response.status == 403)
        #expect(response.code == 50001)
        try await h.emulator.adminSetOverwrite(PermissionOverwrite(id: h.seeded.botRoleID, type: .role, allow: .viewChannel), on: id)
        #expect(await h.send("PATCH", "/channels/\(id)", .object(["name": .string("y")])).status == 200)
    }

    @Test func unknownIdsAndRoutes() async throws {
        let h = await Harness()
        #expect(await h.send("GET", "/guilds/123456789012345678/channels").code == 10004)
        #expect(await h.send("GET", "/channels/123456789012345678").code == 10003)
        #expect(await h.send("GET", "/channels/not-a-number").code == 50035)
        #expect(await h.send("GET", "/nothing/here").status == 404)
        #expect(await h.send("POST", "/users/@me").status == 405)
    }
}
