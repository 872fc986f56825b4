import Discord
import DiscordTypes
import Foundation
import Logging
import Testing

/// The bot token never appears in a description, an error or a log line.
@Suite struct SecrecyTests {
    @Test func tokenIsRedactedInEveryDescription() throws {
        let token = try #require(BotToken(secretToken))
        var dumped = ""
        dump(token, to: &dumped)
        let configuration = DiscordConfiguration(token: token)
        var dumpedConfiguration = ""
        dump(configuration, to: &dumpedConfiguration)
        let renderings = [
            token.description, token.debugDescription, String(describing: token), String(reflecting: token),
            "\(token)", dumped, configuration.description, String(reflecting: configuration),
            dumpedConfiguration,
        ]
        for rendering in renderings { #expect(!rendering.contains(secretToken), "leaked: \(rendering)") }
        #expect(token.withRawValue { $0 } == secretToken)
    }

    @Test func requestDescriptionsRedactAuthorization() throws {
        var headers = HTTPHeaders()
        headers["Authorization"] = "Bot \(secretToken)"
        headers["User-Agent"] = "DiscordBot (x, 1)"
        let request = HTTPRequest(method: .get, url: URL(string: "http://x.invalid/api/v10/users/@me")!, headers: headers)
        var dumped = ""
        dump(request, to: &dumped)
        for rendering in [headers.description, headers.debugDescription, request.description, String(reflecting: request), dumped] {
            #expect(!rendering.contains(secretToken), "leaked: \(rendering)")
        }
        #expect(headers["authorization"] == "Bot \(secretToken)")
    }

    @Test func tokenNeverInLogsOrErrors() async throws {
        let rig = Rig(maxRetries: 1)
        let fake = rig.fake
        await fake.script("PATCH /channels/:id", .respond(FakeDiscord.rateLimited(retryAfter: 1, scope: "user")),
                          .respond(FakeDiscord.error(500, code: 0, message: "oops")),
                          .respond(FakeDiscord.error(500, code: 0, message: "oops")))
        await fake.script("POST /guilds/:id/channels", .respond(FakeDiscord.error(
            400, code: 50035, message: "Invalid Form Body",
            errors: #"{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}}"#)))
        await fake.script("GET /users/@me", .respond(FakeDiscord.error(401, code: 0, message: "401: Unauthorized")))
        let client = rig.client
        var errors: [String] = []
        let results = try await rig.run(1) { _ in
            var seen: [String] = []
            do { _ = try await client.modifyChannel(1, ModifyChannelRequest(name: "a"), reason: "rename") } catch { seen.append("\(error)"); seen.append(String(reflecting: error)) }
            do { _ = try await client.createChannel(in: 1, CreateChannelRequest(name: "bad name"), reason: "create") } catch { seen.append("\(error)"); seen.append(String(reflecting: error)) }
            do { _ = try await client.currentUser() } catch { seen.append("\(error)"); seen.append(String(reflecting: error)) }
            do { _ = try await client.roles(in: 1) } catch { seen.append("\(error)"); seen.append(String(reflecting: error)) }
            return seen
        }
        errors = try results[0].get()
        #expect(errors.count == 8)
        // The token did reach the wire, in the Authorization header only.
        #expect(await fake.sent.allSatisfy { $0.headers["Authorization"] == "Bot \(secretToken)" })
        let logs = rig.logs.entries
        #expect(!logs.isEmpty)
        for line in logs + errors {
            #expect(!line.contains(secretToken), "leaked: \(line)")
            #expect(!line.contains("SECRET"), "leaked: \(line)")
        }
    }
}
