import DiscordEmulator
import DiscordTypes
import Foundation
import Serve
import Testing

extension ServeTestSuite {
    /// Linking a guild on invite: the link's signed, single-use `state`, the code exchange
    /// against the emulator's `/oauth2/token`, the club's guild confirmed (never replaced),
    /// the doctor's checklist.
    @Suite struct GuildLinkTests {
        static let application: Snowflake = 1_180_245_872_113_766_410
        static let newGuild: Snowflake = 1_390_000_000_000_000_777
        /// The guild the example club's settings name.
        static let clubGuild: Snowflake = 1_180_244_318_470_983_750
        static let callback = "https://simlane.example/oauth/discord/callback"

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

        @Test func aValidStateConfirmsTheClubsGuildAndShowsTheDoctor() async throws {
            let f = try await start()
            let before = try settingsText(f)
            let state = try await linkState(f)
            let code = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: Self.callback, guildID: Self.clubGuild)
            let page = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)&guild_id=\(Self.clubGuild)", token: nil)
            #expect(page.status == 200 && page.contentType?.hasPrefix("text/html") == true, "\(page)")
            #expect(page.text.contains("\(Self.clubGuild)") && page.text.contains("<h2>Doctor</h2>"), "\(page)")
            #expect(try settingsText(f) == before, "the guild was already the club's: nothing to write")
            try await f.finish()
        }

        @Test func aStateWorksOnce() async throws {
            let f = try await start()
            let state = try await linkState(f)
            let first = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: Self.callback, guildID: Self.clubGuild)
            let page = try await f.request("GET", "/oauth/discord/callback?code=\(first)&state=\(state)", token: nil)
            #expect(page.status == 200, "\(page)")
            // A replay with a fresh, valid code (a leaked URL, browser history) is refused
            // before the code is spent: the code still works with a new link.
            let second = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: Self.callback, guildID: Self.clubGuild)
            let replay = try await f.request("GET", "/oauth/discord/callback?code=\(second)&state=\(state)", token: nil)
            #expect(replay.status == 400 && replay.text.contains("already used"), "\(replay)")
            let other = try await linkState(f)
            #expect(other != state, "every link has its own nonce")
            let fresh = try await f.request("GET", "/oauth/discord/callback?code=\(second)&state=\(other)", token: nil)
            #expect(fresh.status == 200, "\(fresh)")
            try await f.finish()
        }

        @Test func anInstallInAnotherGuildNeverReplacesTheClubsGuild() async throws {
            let f = try await start()
            let before = try settingsText(f)
            let state = try await linkState(f)
            let code = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: Self.callback, guildID: Self.newGuild)
            let page = try await f.request("GET", "/oauth/discord/callback?code=\(code)&state=\(state)&guild_id=\(Self.newGuild)", token: nil)
            #expect(page.status == 409 && page.contentType?.hasPrefix("text/html") == true, "\(page)")
            #expect(page.text.contains("\(Self.newGuild)") && page.text.contains("\(Self.clubGuild)")
                && page.text.contains("Nothing changed") && page.text.contains("/discord/settings"), "\(page.text)")
            #expect(try settingsText(f) == before, "nothing written")
            #expect(!FileManager.default.fileExists(atPath: f.club.appendingPathComponent("simlane.yaml.bak").path), "no backup: no write")
            try await f.finish()
        }

        @Test func aForgedOrExpiredStateChangesNothing() async throws {
            let f = try await start()
            let before = try settingsText(f)
            let state = try await linkState(f)
            let code = await f.sandbox.emulator.approveInstall(
                clientID: Self.application, redirectURI: Self.callback, guildID: Self.clubGuild)
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
