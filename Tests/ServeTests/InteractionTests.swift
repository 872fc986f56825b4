import Crypto
import Foundation
import Serve
import Testing

extension ServeTestSuite {
    /// Discord's interactions endpoint with real Ed25519 signatures made here: only a request
    /// signed with the club's key, over exactly this body, with a fresh timestamp, is answered.
    @Suite struct InteractionTests {
        nonisolated(unsafe) static let ping: [String: Any] = ["id": "1190000000000000001", "application_id": "1180245872113766410", "type": 1,
                                          "token": "ping-token", "version": 1]

        @Test func aValidSignatureGetsPong() async throws {
            let f = try await ServeFixture.start()
            let answer = try await f.interaction(Self.ping)
            #expect(answer.status == 200, "\(answer)")
            #expect(answer.object["type"] as? Int == 1 && answer.object.count == 1, "\(answer)")
            #expect(answer.contentType?.hasPrefix("application/json") == true)
            try await f.finish()
        }

        @Test func onlyTheValidSignatureIsAccepted() async throws {
            let f = try await ServeFixture.start()
            let refused: [(String, Answer)] = [
                ("wrong key", try await f.interaction(Self.ping, key: Curve25519.Signing.PrivateKey())),
                ("tampered body", try await f.interaction(Self.ping, tamper: { body in
                    Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "ping-token", with: "pong-token").utf8)
                })),
                ("stale timestamp", try await f.interaction(Self.ping, timestamp: ServeFixture.now.addingTimeInterval(-301))),
                ("future timestamp", try await f.interaction(Self.ping, timestamp: ServeFixture.now.addingTimeInterval(301))),
                ("missing headers", try await f.interaction(Self.ping, headers: false)),
            ]
            for (what, answer) in refused {
                #expect(answer.status == 401 && answer.code == "invalid_signature", "\(what): \(answer)")
            }
            let fresh = try await f.interaction(Self.ping, timestamp: ServeFixture.now.addingTimeInterval(-299))
            #expect(fresh.status == 200, "a timestamp within five minutes passes: \(fresh)")
            let metrics = try await f.request("GET", "/metrics", token: nil)
            #expect(metrics.text.contains("simlane_interaction_signatures_rejected_total 5"), "\(metrics.text)")
            try await f.finish()
        }

        /// The only club's data never answers a command from another guild or a DM, even
        /// though its key signed it (one application can sit in many guilds).
        @Test func aCommandFromAnotherGuildOrADMGetsNoClubData() async throws {
            let f = try await ServeFixture.start()
            var otherGuild = f.command("events")
            otherGuild["guild_id"] = "1390000000000000777"
            var direct = f.command("teams")
            direct.removeValue(forKey: "guild_id")
            direct.removeValue(forKey: "member")
            direct["user"] = ["id": "284611907262775296", "username": "alice"]
            for (what, payload) in [("another guild", otherGuild), ("a DM", direct)] {
                let answer = try await f.interaction(payload)
                let data = answer.object["data"] as? [String: Any] ?? [:]
                #expect(answer.status == 200 && answer.object["type"] as? Int == 4, "\(what): \(answer)")
                #expect((data["content"] as? String)?.contains("not linked") == true, "\(what): \(answer)")
                #expect(data["flags"] as? Int == 64, "\(what): ephemeral")
            }
            let own = try await f.interaction(f.command("events"))
            #expect((own.object["data"] as? [String: Any])?["content"] as? String != nil
                && !(((own.object["data"] as? [String: Any])?["content"] as? String)?.contains("not linked") ?? true), "\(own)")
            try await f.finish()
        }

        @Test func withoutAPublicKeyEveryInteractionIsRefused() async throws {
            let f = try await ServeFixture.start(publicKey: false)
            let answer = try await f.interaction(Self.ping)
            #expect(answer.status == 401, "\(answer)")
            try await f.finish()
        }
    }
}
