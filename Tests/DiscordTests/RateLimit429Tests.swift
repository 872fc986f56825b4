import Discord
import DiscordTypes
import Foundation
import Testing

/// 429 answers of each scope.
@Suite struct RateLimit429Tests {
    @Test func userScope429WaitsRetryAfterAndCountsAsInvalid() async throws {
        let rig = Rig()
        await rig.fake.script("PATCH /channels/:id", .respond(FakeDiscord.rateLimited(retryAfter: 3, scope: "user")))
        let client = rig.client
        let channel = try await rig.one { try await client.modifyChannel(3, ModifyChannelRequest(name: "x"), reason: "t") }
        #expect(channel.id == 3)
        #expect(await rig.fake.sent.map(\.at) == [.zero, .seconds(3)])
        let metrics = await client.metrics()
        #expect(metrics.rateLimited == 1)
        #expect(metrics.invalidRequestsInWindow == 1)
    }

    @Test func global429PausesEveryBucket() async throws {
        let rig = Rig()
        await rig.fake.script("PATCH /channels/:id", .respond(FakeDiscord.rateLimited(
            retryAfter: 2, scope: "global", headers: ["X-RateLimit-Global": "true"])))
        let client = rig.client
        let fake = rig.fake
        let results = try await rig.run(2) { index in
            if index == 0 {
                _ = try await client.modifyChannel(3, ModifyChannelRequest(name: "x"), reason: "t")
            } else {
                // Another bucket entirely, sent after the global 429 arrived.
                while await fake.sent.isEmpty { await Task.yield() }
                for _ in 0..<10 { await Task.yield() }
                _ = try await client.roles(in: 9)
            }
        }
        #expect(results.allSatisfy { $0.error == nil })
        let sent = await fake.sent
        #expect(sent.count == 3)
        #expect(sent.dropFirst().allSatisfy { $0.at >= .seconds(2) })
        #expect(await client.metrics().globalRateLimited == 1)
    }

    @Test func shared429IsRetriedButNotCountedAsInvalid() async throws {
        let rig = Rig()
        await rig.fake.script("PUT /guilds/:id/members/:id/roles/:id",
                              .respond(FakeDiscord.rateLimited(retryAfter: 1.5, scope: "shared")))
        let client = rig.client
        try await rig.one { try await client.addMemberRole(guildID: 1, userID: 2, roleID: 3, reason: "sync") }
        let metrics = await client.metrics()
        #expect(metrics.sharedRateLimited == 1)
        #expect(metrics.invalidRequestsInWindow == 0)
        #expect(await rig.fake.sent.map(\.at) == [.zero, .milliseconds(1500)])
    }

    @Test func a429StormIsSurvivedWithWorkDoneOnce() async throws {
        let rig = Rig()
        let storm = (0..<6).map { _ in FakeDiscord.Scripted.respond(FakeDiscord.rateLimited(retryAfter: 0.5, scope: "user")) }
        for answer in storm { await rig.fake.script("POST /guilds/:id/channels", answer) }
        let client = rig.client
        let channel = try await rig.one {
            try await client.createChannel(in: 1, CreateChannelRequest(name: "storm"), reason: "t")
        }
        #expect(channel.name == "storm")
        let posts = await rig.fake.requests("POST /guilds/:id/channels")
        #expect(posts.count == 7)  // six 429s (never processed) and one success
        #expect(await client.metrics().rateLimited == 6)
    }

    @Test func tooMany429sFailWithATypedError() async throws {
        let rig = Rig()
        for _ in 0..<20 {
            await rig.fake.script("PATCH /channels/:id", .respond(FakeDiscord.rateLimited(retryAfter: 0.1, scope: "user")))
        }
        let client = rig.client
        let result = try await rig.run(1) { _ in try await client.modifyChannel(1, ModifyChannelRequest(name: "x"), reason: "t") }
        let error = try #require(result[0].error as? DiscordError)
        #expect(error.kind == .rateLimitRetriesExhausted)
        #expect(await rig.fake.sent.count == 11)
    }

    @Test func aVeryLong429FailsInsteadOfBlocking() async throws {
        let rig = Rig()
        await rig.fake.script("PATCH /channels/:id", .respond(FakeDiscord.rateLimited(retryAfter: 600, scope: "user")))
        let client = rig.client
        let result = try await rig.run(1) { _ in try await client.modifyChannel(1, ModifyChannelRequest(topic: .value("t")), reason: "t") }
        let error = try #require(result[0].error as? DiscordError)
        #expect(error.kind == .rateLimitRetriesExhausted)
        #expect(error.message.contains("600 s"))
        #expect(rig.clock.elapsed == .zero)
    }
}
