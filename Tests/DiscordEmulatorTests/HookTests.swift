@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

@Suite("Faults and out-of-band changes")
struct HookTests {
    @Test func serverErrorsForNRequestsThenRecovery() async throws {
        let h = await Harness()
        await h.emulator.inject(Fault(.serverError(502), on: .route("POST /guilds/{guild_id}/channels"), times: 2))
        for _ in 0..<2 {
            #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).status == 502)
        }
        #expect(await h.guild().guildChannels.isEmpty)
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).status == 201)
        #expect(await h.emulator.pendingFaults.isEmpty)
        #expect(await h.emulator.currentCounters.faultsInjected == 2)
    }

    @Test func lostResponsesExecuteButFail() async throws {
        let h = await Harness()
        await h.emulator.inject(Fault(.serverError(500, executed: true), on: .path(method: "POST", prefix: "/guilds/")))
        #expect(await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")])).status == 500)
        #expect(await h.guild().guildChannels.count == 1)
    }

    @Test func latencyTimeoutAndStorms() async throws {
        let h = await Harness()
        await h.emulator.inject(Fault(.latency(seconds: 0.25), on: .route("GET /users/@me")))
        let slow = await h.send("GET", "/users/@me")
        #expect(slow.status == 200)
        #expect(slow.delay == .milliseconds(250))
        await h.emulator.inject(Fault(.timeout(seconds: 2), on: .route("GET /users/@me")))
        #expect(await h.send("GET", "/users/@me").delay == .seconds(2))
        await h.emulator.inject(Fault(.rateLimited(retryAfter: 0.5), on: .any, times: 3))
        for _ in 0..<3 {
            let storm = await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")]))
            #expect(storm.status == 429)
            #expect(storm.json?["retry_after"] == .number(0.5))
            #expect(storm.header("Retry-After") == "1")
        }
        #expect(await h.guild().guildChannels.isEmpty)
        #expect(await h.emulator.currentCounters.rateLimited[.user] == 3)
    }

    @Test func outOfBandChangesLikeAHumanAdmin() async throws {
        let member = Snowflake(1_000_000_000_000_000_101)
        let h = await Harness(seed: GuildSeed(memberIDs: [member], roles: [RoleSeed(name: "Drivers", memberIDs: [member])],
                                              channels: [ChannelSeed(name: "Cup", type: .guildCategory), ChannelSeed(name: "signups", parent: "Cup")]))
        let signups = try #require(h.seeded.channelIDs["signups"])
        let drivers = try #require(h.seeded.roleIDs["Drivers"])
        try await h.emulator.adminRenameChannel(signups, to: "Renamed By Human")
        #expect(await h.guild().channels[signups]?.name == "renamed-by-human")
        try await h.emulator.adminSetOverwrite(PermissionOverwrite(id: drivers, type: .role, allow: .viewChannel), on: signups)
        try await h.emulator.adminRemoveOverwrite(drivers, from: signups)
        #expect(await h.guild().channels[signups]?.overwrites.isEmpty == true)
        try await h.emulator.adminMoveChannel(signups, parent: nil, position: 9)
        #expect(await h.guild().channels[signups]?.parentID == nil)
        try await h.emulator.adminRemoveMemberRole(drivers, from: member, in: h.guildID)
        #expect(await h.guild().members[member]?.roles.isEmpty == true)
        try await h.emulator.adminAddMemberRole(drivers, to: member, in: h.guildID)
        let junk = try await h.emulator.adminCreateChannel(in: h.guildID, name: "junk")
        let junkRole = try await h.emulator.adminCreateRole(in: h.guildID, name: "junk")
        #expect(await h.guild().roles[junkRole]?.position == 1)
        try await h.emulator.adminDeleteRole(drivers, in: h.guildID)
        #expect(await h.guild().members[member]?.roles.isEmpty == true)
        try await h.emulator.adminDeleteChannel(junk)
        #expect(await h.send("GET", "/channels/\(junk)").code == 10003)
        let thread = try #require(await h.send("POST", "/channels/\(signups)/threads", .object(["name": .string("t")])).id)
        #expect(await h.send("PUT", "/channels/\(thread)/thread-members/\(member)").status == 204)
        try await h.emulator.adminRemoveThreadMember(member, from: thread)
        #expect(await h.guild().channels[thread]?.threadMembers[member] == nil)
        await #expect(throws: EmulatorError.self) { try await h.emulator.adminDeleteChannel(123) }
        // Out-of-band changes are not requests.
        #expect(await h.emulator.requestLog.count == 3)
    }

    @Test func requestLogRecordsRouteStatusAndBody() async throws {
        let h = await Harness()
        await h.send("POST", "/guilds/\(h.guildID)/channels", .object(["name": .string("c")]))
        await h.send("GET", "/channels/123456789012345678")
        let log = await h.emulator.requestLog
        #expect(log.map(\.route) == ["POST /guilds/{guild_id}/channels", "GET /channels/{channel_id}"])
        #expect(log[0].body == .object(["name": .string("c")]))
        #expect(log[0].path == "/api/v10/guilds/\(h.guildID)/channels")
        #expect(log[1].status == 404)
        #expect(log[1].errorCode == 10003)
        #expect(await h.emulator.requests(to: "GET /channels/{channel_id}").count == 1)
    }

    @Test func bodyLogAppendsJSONLines() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("emu-bodies-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let emulator = DiscordEmulator(rateLimits: .unlimited, bodyLogDirectory: dir)
        let seeded = await emulator.seedGuild(GuildSeed())
        _ = await emulator.handle(EmulatorRequest(method: "POST", path: "/api/v10/guilds/\(seeded.guildID)/channels?x=1",
                                                  token: seeded.bot.token, json: .object(["name": .string("a")])))
        _ = await emulator.handle(EmulatorRequest(method: "GET", path: "/api/v10/users/@me", token: seeded.bot.token))
        let file = BodyLog.fileURL(in: dir)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let line = try DiscordJSON.decoder().decode(JSONValue.self, from: Data(lines[0].utf8))
        #expect(line == .object([
            "method": .string("POST"), "path": .string("/api/v10/guilds/\(seeded.guildID)/channels"),
            "body": .object(["name": .string("a")]),
        ]))
    }
}

@Suite("Persistence")
struct PersistenceTests {
    @Test func stateSurvivesARestart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("emu-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sandbox.json")
        let first = try DiscordEmulator(persistenceURL: file)
        let seeded = await first.seedGuild(GuildSeed(id: 1_234_567_890_123_456_789, memberIDs: [1_000_000_000_000_000_101]))
        let created = await first.handle(EmulatorRequest(method: "POST", path: "/api/v10/guilds/\(seeded.guildID)/channels",
                                                         token: seeded.bot.token, json: .object(["name": .string("kept")])))
        let channelID = try #require(created.id)
        #expect(FileManager.default.fileExists(atPath: file.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let second = try DiscordEmulator(persistenceURL: file)
        #expect(await second.hasGuild(seeded.guildID))
        #expect(await second.guild(seeded.guildID) == first.guild(seeded.guildID))
        let fetched = await second.handle(EmulatorRequest(method: "GET", path: "/api/v10/channels/\(channelID)", token: seeded.bot.token))
        #expect(fetched.json?["name"] == .string("kept"))
        // New ids keep growing after a reload.
        let next = await second.handle(EmulatorRequest(method: "POST", path: "/api/v10/guilds/\(seeded.guildID)/channels",
                                                       token: seeded.bot.token, json: .object(["name": .string("new")])))
        #expect(try #require(next.id) > channelID)
    }

    @Test func corruptFilesAreReported() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("emu-bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("not json".utf8).write(to: file)
        #expect(throws: EmulatorError.self) { try DiscordEmulator(persistenceURL: file) }
    }
}
