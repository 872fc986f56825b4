import Discord
import DiscordTypes
import Foundation
import Testing

/// What goes on the wire with every request.
@Suite struct RequestHeaderTests {
    @Test func everyRequestCarriesAuthUserAgentAndJSONType() async throws {
        let rig = Rig()
        let client = rig.client
        _ = try await rig.one { try await client.createChannel(in: 1, CreateChannelRequest(name: "a"), reason: "create a") }
        _ = try await rig.one { try await client.currentUser() }
        let sent = await rig.fake.sent
        #expect(sent.count == 2)
        for request in sent {
            #expect(request.headers["Authorization"] == "Bot \(secretToken)")
            #expect(request.headers["User-Agent"] == "DiscordBot (https://github.com/simlane/simlane-reconcile, 0.1.0)")
        }
        #expect(sent.allSatisfy { $0.headers["Content-Type"] == "application/json" })
        #expect(sent[1].body == nil)
        #expect(sent[1].headers["X-Audit-Log-Reason"] == nil)
    }

    @Test func auditLogReasonIsURLEncodedAndClipped() async throws {
        let rig = Rig()
        let client = rig.client
        try await rig.one {
            try await client.addMemberRole(guildID: 1, userID: 2, roleID: 3, reason: "grant series/gt3 – Zoë & co")
        }
        let header = try #require(await rig.fake.sent.first?.headers["X-Audit-Log-Reason"])
        #expect(header == "grant%20series%2Fgt3%20%E2%80%93%20Zo%C3%AB%20%26%20co")
        #expect(header.removingPercentEncoding == "grant series/gt3 – Zoë & co")
        let long = String(repeating: "é", count: 600)
        let clipped = try #require(DiscordClient.auditLogReason(long))
        #expect(clipped.removingPercentEncoding?.count == 512)
        #expect(DiscordClient.auditLogReason("   ") == nil)
        #expect(DiscordClient.auditLogReason(nil) == nil)
    }

    @Test func queryAndPathAreBuiltFromTheRoute() async throws {
        let rig = Rig()
        let client = rig.client
        _ = try await rig.one { try await client.members(in: 5, limit: 5000, after: 99) }
        let request = try #require(await rig.fake.sent.first)
        #expect(request.path == "/guilds/5/members")
        #expect(request.query == ["limit": "1000", "after": "99"])
    }
}
