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
        let emulator = DiscordEmulator()
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
        let emulator = DiscordEmulator()
        let server = try await EmulatorServer.start(emulator: emulator)
        let port = server.port
        await server.stop()
        let again = try await EmulatorServer.start(emulator: emulator, port: port)
        #expect(again.port == port)
        await again.stop()
    }
}
