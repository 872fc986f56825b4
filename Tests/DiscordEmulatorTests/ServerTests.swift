@testable import DiscordEmulator
import DiscordTypes
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("HTTP server")
struct ServerTests {
    @Test func servesOnAnEphemeralPortWithAuthAndHeaders() async throws {
        let emulator = DiscordEmulator(bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed(memberIDs: [1_000_000_000_000_000_101]))
        let server = try await EmulatorServer.start(emulator: emulator)
        #expect(server.port > 0)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/api/v10")

        let (status, response, me) = try await HTTP.send(server, "GET", "/users/@me", token: seeded.bot.token)
        #expect(status == 200)
        #expect(me?["id"] == .string(seeded.bot.id.description))
        #expect(me?["bot"] == .bool(true))
        #expect(response.value(forHTTPHeaderField: "X-RateLimit-Limit") != nil)
        #expect(response.value(forHTTPHeaderField: "X-RateLimit-Bucket") != nil)

        let (unauthorized, _, body) = try await HTTP.send(server, "GET", "/users/@me", token: "wrong")
        #expect(unauthorized == 401)
        #expect(body == .object(["message": .string("401: Unauthorized"), "code": .int(0)]))

        let (created, _, channel) = try await HTTP.send(
            server, "POST", "/guilds/\(seeded.guildID)/channels", token: seeded.bot.token,
            json: .object(["name": .string("Race Control"), "type": .int(0)]))
        #expect(created == 201)
        #expect(channel?["name"] == .string("race-control"))
        await server.stop()
    }

    @Test func stopReleasesThePort() async throws {
        let emulator = DiscordEmulator(bodyLogDirectory: nil)
        let server = try await EmulatorServer.start(emulator: emulator)
        let port = server.port
        await server.stop()
        let again = try await EmulatorServer.start(emulator: emulator, port: port)
        #expect(again.port == port)
        await again.stop()
    }
}

@Suite("HTTP behaviour")
struct HTTPBehaviourTests {
    @Test func rateLimitedAnswersOverHTTP() async throws {
        // A manual clock: a loaded machine must not let the 5 s window pass mid-test.
        let emulator = DiscordEmulator(clock: .manual(ManualTime()), bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed())
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        for _ in 0..<5 {
            let (status, _, _) = try await HTTP.send(server, "POST", "/guilds/\(seeded.guildID)/roles", token: seeded.bot.token, json: .object([:]))
            #expect(status == 200)
        }
        let (status, response, body) = try await HTTP.send(server, "POST", "/guilds/\(seeded.guildID)/roles", token: seeded.bot.token, json: .object([:]))
        #expect(status == 429)
        #expect(response.value(forHTTPHeaderField: "Retry-After") != nil)
        #expect(response.value(forHTTPHeaderField: "X-RateLimit-Scope") == "user")
        #expect(response.value(forHTTPHeaderField: "x-ratelimit-remaining") == "0")
        #expect(body?["retry_after"] != nil)
        #expect(await emulator.guild(seeded.guildID)?.roles.count == 7)
    }

    @Test func headersAndQueryReachTheEngine() async throws {
        let emulator = DiscordEmulator(rateLimits: .unlimited, bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed(memberIDs: (1...5).map { Snowflake(1_000_000_000_000_000_100 + UInt64($0)) }))
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let (status, _, page) = try await HTTP.send(server, "GET", "/guilds/\(seeded.guildID)/members?limit=3&after=1000000000000000101", token: seeded.bot.token)
        #expect(status == 200)
        #expect(page?.arrayValue?.count == 3)
        let (plain, _, error) = try await HTTP.send(server, "POST", "/guilds/\(seeded.guildID)/channels", token: seeded.bot.token,
                                                   json: .object(["name": .string("x")]), contentType: "text/plain")
        #expect(plain == 400)
        #expect(error?["code"] == .int(50035))
        let log = await emulator.requestLog
        #expect(log.first?.userAgent == "DiscordBot (https://example.invalid, 1)")
    }

    @Test func latencyFaultDelaysTheAnswer() async throws {
        let emulator = DiscordEmulator(bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed())
        await emulator.inject(Fault(.latency(seconds: 0.3), on: .route("GET /users/@me")))
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let clock = ContinuousClock()
        let start = clock.now
        let (status, _, _) = try await HTTP.send(server, "GET", "/users/@me", token: seeded.bot.token)
        #expect(status == 200)
        #expect(clock.now - start >= .milliseconds(300))
    }

    @Test func controlEndpointsDriveTheEmulator() async throws {
        let emulator = DiscordEmulator(bodyLogDirectory: nil)
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let control = URL(string: "http://127.0.0.1:\(server.port)")!
        func call(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> (Int, Data) {
            var request = URLRequest(url: control.appendingPathComponent(path))
            request.httpMethod = method
            if let body { request.httpBody = try DiscordJSON.encoder().encode(body) }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, data)
        }
        let (seedStatus, seedData) = try await call("POST", "_emulator/seed", .object([
            "id": .string("1234567890123456789"), "token": .string("ctl"), "member_ids": .array([.string("1000000000000000101")]),
        ]))
        #expect(seedStatus == 200)
        #expect(String(decoding: seedData, as: UTF8.self).contains("1234567890123456789"))
        let (junkStatus, junk) = try await call("POST", "_emulator/admin/create-channel", .object([
            "guild_id": .string("1234567890123456789"), "name": .string("Junk Channel"),
        ]))
        #expect(junkStatus == 200)
        let junkID = try #require(try DiscordJSON.decoder().decode(JSONValue.self, from: junk)["id"]?.snowflakeValue)
        let fault = Fault(.serverError(503), on: .route("GET /channels/{channel_id}"))
        var request = URLRequest(url: control.appendingPathComponent("_emulator/faults"))
        request.httpMethod = "POST"
        request.httpBody = try DiscordJSON.encoder().encode(fault)
        _ = try await URLSession.shared.data(for: request)
        let (faulted, _, _) = try await HTTP.send(server, "GET", "/channels/\(junkID)", token: "ctl")
        #expect(faulted == 503)
        let (ok, _, channel) = try await HTTP.send(server, "GET", "/channels/\(junkID)", token: "ctl")
        #expect(ok == 200)
        #expect(channel?["name"] == .string("junk-channel"))
        let (deleteStatus, _) = try await call("POST", "_emulator/admin/delete-channel", .object(["channel_id": .string(junkID.description)]))
        #expect(deleteStatus == 204)
        let (_, countersData) = try await call("GET", "_emulator/counters")
        let counters = try DiscordJSON.decoder().decode(EmulatorCounters.self, from: countersData)
        #expect(counters.requests == 2)
        #expect(counters.faultsInjected == 1)
        let (_, guildData) = try await call("GET", "_emulator/guilds/1234567890123456789")
        let guild = try DiscordJSON.decoder().decode(EmulatedGuild.self, from: guildData)
        #expect(guild.channels[junkID] == nil)
        let (_, logData) = try await call("GET", "_emulator/log")
        #expect(try DiscordJSON.decoder().decode([LoggedRequest].self, from: logData).count == 2)
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func parallelRequestsNeverExceedTheGlobalLimit() async throws {
        let time = ManualTime()
        let emulator = DiscordEmulator(
            clock: .manual(time), rateLimits: RateLimitConfiguration(global: .init(50, per: 1), defaultLimit: .init(1000, per: 1)),
            bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed())
        let server = try await EmulatorServer.start(emulator: emulator)
        defer { Task { await server.stop() } }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<80 {
                group.addTask {
                    try await HTTP.send(server, "POST", "/guilds/\(seeded.guildID)/channels", token: seeded.bot.token,
                                        json: .object(["name": .string("c\(index)")])).0
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 50)
        #expect(statuses.filter { $0 == 429 }.count == 30)
        #expect(await emulator.guild(seeded.guildID)?.guildChannels.count == 50)
        let counters = await emulator.currentCounters
        #expect(counters.rateLimited[.global] == 30)
        #expect(counters.requests == 80)
    }
}

@Suite("Shutdown")
struct ShutdownTests {
    @Test func stopDoesNotWaitForAHangingTimeoutFault() async throws {
        let emulator = DiscordEmulator(bodyLogDirectory: nil)
        let seeded = await emulator.seedGuild(GuildSeed())
        await emulator.inject(Fault(.timeout(seconds: 30), on: .route("GET /users/@me")))
        let server = try await EmulatorServer.start(emulator: emulator)
        let pending = Task { try? await HTTP.send(server, "GET", "/users/@me", token: seeded.bot.token) }
        while await emulator.requestLog.isEmpty { await Task.yield() }
        let clock = ContinuousClock()
        let start = clock.now
        await server.stop()
        #expect(clock.now - start < .seconds(10))
        // The dropped connection ends the client's request (cancelling a URLSession task on
        // Linux can deadlock, so wait for it instead).
        let result = await pending.value
        #expect(result == nil || result?.0 == 504)
    }
}
