import DiscordTypes
import Foundation

/// What Discord answers an authorization-code exchange of a bot install (topics/oauth2.mdx,
/// "Advanced Bot Authorization"): the token (never kept: we only read which guild the bot
/// joined) and the guild.
public struct OAuthCodeGrant: Sendable, Decodable {
    public struct Guild: Sendable, Decodable {
        public var id: Snowflake
        public var name: String?
    }

    public var scope: String?
    public var guild: Guild?
}

/// An OAuth2 error answer (`{"error": "invalid_grant", "error_description": …}`).
public struct OAuthError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var error: String
    public var detail: String?

    public var description: String {
        "Discord refused the OAuth code (\(status) \(error)\(detail.map { ": \($0)" } ?? ""))"
    }
}

extension DiscordClient {
    /// `POST /oauth2/token` with `grant_type=authorization_code`: exchanges the code Discord
    /// sent to the redirect URI, authenticating as the application (HTTP Basic with its
    /// client id and secret, never the bot token). Form-encoded, as OAuth2 requires. Sent on
    /// the one request path (`DiscordEndpoint.oauthToken`): limiter, 429 handling, metrics.
    public func exchangeAuthorizationCode(_ code: String, redirectURI: String, clientID: Snowflake,
                                          clientSecret: String) async throws -> OAuthCodeGrant {
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "authorization_code"),
            URLQueryItem(name: "code", value: code),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
        ]
        let body = (form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var headers = HTTPHeaders()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Authorization"] = "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        let route = Route(.oauthToken)
        let response: HTTPResponse
        do {
            response = try await send(route, body: Data(body.utf8), reason: nil, headers: headers)
        } catch let error as DiscordError where error.kind == .http || error.kind == .unauthorized {
            throw OAuthError(status: error.status ?? 400, error: error.message, detail: nil)
        }
        return try decode(OAuthCodeGrant.self, from: response, route: route)
    }
}
