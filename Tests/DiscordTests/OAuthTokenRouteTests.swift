import Discord
import DiscordTypes
import Foundation
import Testing

/// `POST /oauth2/token` is a `DiscordEndpoint` like every other route: it goes through the
/// client's one request path (limiter, 429 handling, metrics), authenticated as the
/// application, and an OAuth2 401 (wrong client secret) does not stop the bot's client.
@Suite struct OAuthTokenRouteTests {
    static let grant = #"{"access_token":"a","token_type":"Bearer","scope":"bot","guild":{"id":"1390000000000000777","name":"G"}}"#

    @Test func theExchangeWaitsOutA429OnTheLimiterPath() async throws {
        let rig = Rig()
        let client = rig.client
        await rig.fake.script("POST /oauth2/token",
                              .respond(FakeDiscord.rateLimited(retryAfter: 2, scope: "user")),
                              .respond(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"],
                                                    body: Data(Self.grant.utf8))))
        let grant = try await rig.one {
            try await client.exchangeAuthorizationCode("c0de", redirectURI: "https://simlane.example/oauth/discord/callback",
                                                       clientID: 42, clientSecret: "s3cret")
        }
        #expect(grant.guild?.id == 1_390_000_000_000_000_777)
        let sent = await rig.fake.requests("POST /oauth2/token")
        #expect(sent.count == 2, "the 429 was waited out and the exchange re-sent")
        let metrics = await client.metrics()
        #expect(metrics.rateLimited == 1 && metrics.requestsSent == 2, "\(metrics)")
        for request in sent {
            #expect(request.headers["Authorization"] == "Basic " + Data("42:s3cret".utf8).base64EncodedString())
            #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
            #expect(request.headers["User-Agent"]?.hasPrefix("DiscordBot") == true)
        }
        #expect(DiscordEndpoint.oauthToken.credentials == .application && DiscordEndpoint.currentUser.credentials == .bot)
    }

    @Test func aRefusedClientSecretIsAnOAuthErrorAndTheBotKeepsWorking() async throws {
        let rig = Rig()
        let client = rig.client
        await rig.fake.script("POST /oauth2/token", .respond(HTTPResponse(
            status: 401, headers: ["Content-Type": "application/json"],
            body: Data(#"{"error":"invalid_client","error_description":"wrong secret"}"#.utf8))))
        let outcome = try await rig.run(1) { _ in
            try await client.exchangeAuthorizationCode("c0de", redirectURI: "https://x.example/cb", clientID: 42, clientSecret: "bad")
        }
        let error = try #require(outcome[0].error as? OAuthError, "\(outcome)")
        #expect(error.status == 401 && error.error.contains("invalid_client"), "\(error)")
        let user = try await rig.one { try await client.currentUser() }
        #expect(user.id != 0, "a wrong client secret is not a rejected bot token: the client is not stopped")
    }
}
