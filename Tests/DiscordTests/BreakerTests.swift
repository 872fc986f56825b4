import Discord
import DiscordTypes
import Foundation
import Testing

/// The invalid-request circuit breaker and the 401 stop.
@Suite struct BreakerTests {
    @Test func breakerTripsAtItsThresholdWellBeforeDiscordsLimit() async throws {
        let rig = Rig(breaker: 5)
        for _ in 0..<20 {
            await rig.fake.script("PATCH /guilds/:id/roles/:id", .respond(FakeDiscord.error(403, code: 50013, message: "Missing Permissions")))
        }
        let client = rig.client
        var kinds: [DiscordError.Kind] = []
        for index in 0..<8 {
            let result = try await rig.run(1) { _ in
                try await client.modifyRole(in: 1, roleID: Snowflake(UInt64(10 + index)), RoleRequest(name: "r"), reason: "t")
            }
            kinds.append((result[0].error as? DiscordError)?.kind ?? .http)
        }
        #expect(kinds == [.http, .http, .http, .http, .http, .circuitOpen, .circuitOpen, .circuitOpen])
        #expect(await rig.fake.sent.count == 5)
        let error = try #require(await (try? rig.run(1) { _ in try await client.roles(in: 1) })?[0].error as? DiscordError)
        #expect(error.description.contains("10,000"))
    }

    @Test func breakerClosesAgainAfterTheWindow() async throws {
        let rig = Rig(breaker: 2)
        for _ in 0..<2 {
            await rig.fake.script("GET /guilds/:id/roles", .respond(FakeDiscord.error(403, code: 50001, message: "Missing Access")))
        }
        let client = rig.client
        for _ in 0..<3 { _ = try await rig.run(1) { _ in try await client.roles(in: 1) } }
        #expect(await rig.fake.sent.count == 2)
        rig.clock.advance(by: .seconds(601))
        let roles = try await rig.one { try await client.roles(in: 1) }
        #expect(roles.isEmpty)
        #expect(await rig.fake.sent.count == 3)
    }

    @Test func unauthorizedStopsEverythingAtOnce() async throws {
        let rig = Rig()
        await rig.fake.script("GET /users/@me", .respond(FakeDiscord.error(401, code: 0, message: "401: Unauthorized")))
        let client = rig.client
        let first = try await rig.run(1) { _ in try await client.currentUser() }
        let firstError = try #require(first[0].error as? DiscordError)
        #expect(firstError.kind == .unauthorized)
        #expect(firstError.advice.contains("token"))
        let later = try await rig.run(5) { index in
            try await client.modifyChannel(Snowflake(UInt64(index + 1)), ModifyChannelRequest(name: "x"), reason: "t")
        }
        #expect(later.allSatisfy { ($0.error as? DiscordError)?.kind == .clientStopped })
        #expect(await rig.fake.sent.count == 1)
    }

    @Test func unauthorizedFailsRequestsAlreadyQueued() async throws {
        let rig = Rig()
        await rig.fake.setRule(.init(hash: "h", limit: 1, window: .seconds(5)), for: "PATCH /channels/:id")
        await rig.fake.script("PATCH /channels/:id", .respond(HTTPResponse(status: 200, headers: [
            "X-RateLimit-Bucket": "h", "X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": "5", "Content-Type": "application/json",
        ], body: Data(#"{"id":"1","type":0}"#.utf8))))
        await rig.fake.script("GET /users/@me", .respond(FakeDiscord.error(401, code: 0, message: "401: Unauthorized")))
        let client = rig.client
        let fake = rig.fake
        let results = try await rig.run(4) { index in
            if index == 3 {
                while await fake.sent.isEmpty { await Task.yield() }
                for _ in 0..<10 { await Task.yield() }
                return try await client.currentUser().id
            }
            return try await client.modifyChannel(1, ModifyChannelRequest(name: "q\(index)"), reason: "t").id
        }
        let stopped = results.filter { ($0.error as? DiscordError)?.kind == .clientStopped }.count
        #expect(stopped == 2)  // the two PATCHes waiting for the bucket never went out
        #expect(await fake.sent.count == 2)
    }
}
