import DiscordEmulator
import DiscordTypes
import Foundation
import Serve
import Testing

extension ServeTestSuite {
    /// Linking a guild on invite: the link's signed `state`, the code exchange against the
    /// emulator's `/oauth2/token`, the guild recorded in the settings, the doctor's checklist.
    @Suite struct GuildLinkTests {
        static let application: Snowflake = 1_180_245_872_113_766_410
        static let newGuild: Snowflake = 1_390_000_000_000_000_777

        func start() async throws -> ServeFixture {
            let f = try await ServeFixture.start(guildLink: GuildLinkOptions(
                publicURL: URL(string: "https://simlane.example")!, clientSecret: "client-secret-x"))
            await f.sandbox.emulator.registerOAuthApplication(clientID: Self.application, secret: "client-secret-x")
            return f
        }

        /// The `state` of the link URL the API hands out.
        func linkState(_ f: ServeFixture) async throws -> String {
            let invite = try await f.json("POST", "/api/discord/bot-invite-url", ["club": "apex-endurance"])
            let link = try #require(invite.object["link_url"] as? String, "\(invite)")
            #expect(link.contains("response_type=code") && link.contains("redirect_uri=https://simlane.example/oauth/discord/callback"))
            #expect(!link.contains("disable_guild_select"), "the admin picks the guild to link")
            let items = URLComponents(string: link)?.queryItems ?? []
            return try #require(items.first { $0.name == "state" }?.value)
        }

        func settingsText(_ f: ServeFixture) throws -> String {
            try String(contentsOf: f.club.appendingPathComponent("simlane.yaml"), encoding: .utf8)
        }

        @Test func aValidStateLinksTheGuildAndShowsTheDoctor() async throws {
            let f = try await start()
            let state = try await linkState(f)
            let code = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: "https://simlane.example/oauth/discord/callback", guildID: Self.newGuild)
            let page = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)&guild_id=\(Self.newGuild)", token: nil)
            #expect(page.status == 200 && page.contentType?.hasPrefix("text/html") == true, "\(page)")
            #expect(page.text.contains("\(Self.newGuild)") && page.text.contains("<h2>Doctor</h2>"), "\(page)")
            let settings = try settingsText(f)
            #expect(settings.contains("guild_id: \"\(Self.newGuild)\""), "\(settings.prefix(400))")
            #expect(settings.contains("# Apex Endurance"), "comments are kept")
            #expect(try String(contentsOf: f.club.appendingPathComponent("simlane.yaml.bak"), encoding: .utf8)
                .contains("guild_id: \"1180244318470983750\""))
            let reused = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)", token: nil)
            #expect(reused.status == 502, "a code works once: \(reused)")
            try await f.finish()
        }

        @Test func aForgedOrExpiredStateChangesNothing() async throws {
            let f = try await start()
            let before = try settingsText(f)
            let state = try await linkState(f)
            let code = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: "https://simlane.example/oauth/discord/callback", guildID: Self.newGuild)
            let parts = state.split(separator: ".")
            let otherClub = Data("other-club.9999999999".utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let forged = [otherClub + "." + parts[1], String(parts[0]) + ".AAAA" + parts[1].dropFirst(4), "garbage"]
            for state in forged {
                let page = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)", token: nil)
                #expect(page.status == 400 && page.text.contains("not valid"), "\(state): \(page)")
            }
            f.clock.advance(by: 3601)
            let expired = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)", token: nil)
            #expect(expired.status == 400 && expired.text.contains("expired"), "\(expired)")
            f.clock.advance(by: -3601)
            let missing = try await f.request("GET", "/oauth/discord/callback?state=\(state)", token: nil)
            #expect(missing.status == 400)
            #expect(try settingsText(f) == before, "nothing written")
            // The code was never spent on a forged state: the real one still links.
            let page = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)", token: nil)
            #expect(page.status == 200, "\(page)")
            try await f.finish()
        }
    }
}
