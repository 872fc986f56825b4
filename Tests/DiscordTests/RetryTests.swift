import Discord
import DiscordTypes
import Foundation
import Testing

/// Retries for 5xx, timeouts and connection failures, and the no-duplicate rule for creates.
@Suite struct RetryTests {
    @Test func idempotentRequestsRetry5xxAndCompleteOnce() async throws {
        let rig = Rig()
        await rig.fake.script("PATCH /channels/:id",
                              .respond(FakeDiscord.error(502, code: 0, message: "no gateway")),
                              .fail(.timedOut))
        let client = rig.client
        let channel = try await rig.one { try await client.modifyChannel(4, ModifyChannelRequest(name: "ok"), reason: "t") }
        #expect(channel.name == "ok")
        #expect(await rig.fake.requests("PATCH /channels/:id").count == 3)
        #expect(await client.metrics().retries == 2)
        // Backoff is capped: 500 ms then 1 s at most.
        #expect(rig.clock.elapsed <= .milliseconds(1500))
    }

    @Test func retriesGiveUpWithUnavailable() async throws {
        let rig = Rig(maxRetries: 2)
        for _ in 0..<5 { await rig.fake.script("DELETE /channels/:id/permissions/:id", .fail(.connectionFailed("refused"))) }
        let client = rig.client
        let result = try await rig.run(1) { _ in
            try await client.deletePermissionOverwrite(channelID: 1, targetID: 2, reason: "t")
        }
        let error = try #require(result[0].error as? DiscordError)
        #expect(error.kind == .unavailable)
        #expect(await rig.fake.sent.count == 3)
    }

    @Test func failedPostIsNotResentBlindly() async throws {
        let rig = Rig()
        await rig.fake.script("POST /guilds/:id/channels", .respond(FakeDiscord.error(500, code: 0, message: "Internal Server Error")))
        let client = rig.client
        let result = try await rig.run(1) { _ in
            try await client.createChannel(in: 1, CreateChannelRequest(name: "once"), reason: "t")
        }
        let error = try #require(result[0].error as? DiscordError)
        #expect(error.kind == .outcomeUnknown)
        #expect(error.status == 500)
        #expect(await rig.fake.requests("POST /guilds/:id/channels").count == 1)
    }

    @Test func timedOutPostIsResolvedByVerification() async throws {
        let rig = Rig()
        await rig.fake.script("POST /guilds/:id/roles", .fail(.timedOut))
        let client = rig.client
        let verified = Counter()
        let role = try await rig.one {
            try await client.createRole(in: 1, CreateRoleRequest(name: "team-alpha"), reason: "t") {
                await verified.increment()
                return Role(id: 77, name: "team-alpha", position: 1)  // it was created after all
            }
        }
        #expect(role.id == 77)
        #expect(await verified.value == 1)
        #expect(await rig.fake.requests("POST /guilds/:id/roles").count == 1)
    }

    @Test func postIsResentOnlyWhenVerificationFindsNothing() async throws {
        let rig = Rig()
        await rig.fake.script("POST /channels/:id/threads", .respond(FakeDiscord.error(503, code: 0, message: "unavailable")))
        let client = rig.client
        let thread = try await rig.one {
            try await client.startThread(in: 5, StartThreadRequest(name: "team", type: .privateThread), reason: "t") { nil }
        }
        #expect(thread.type == .privateThread)
        #expect(await rig.fake.requests("POST /channels/:id/threads").count == 2)
    }

    @Test func postIsRetriedWhenTheConnectionNeverOpened() async throws {
        let rig = Rig()
        await rig.fake.script("POST /channels/:id/messages", .fail(.connectionFailed("refused")))
        let client = rig.client
        let message = try await rig.one {
            try await client.createMessage(in: 5, CreateMessageRequest(content: "hello"), reason: "t")
        }
        #expect(message.content == "hello")
        #expect(await rig.fake.requests("POST /channels/:id/messages").count == 2)
        #expect(await client.metrics().retries == 1)
    }
}
