import DiscordTypes
import Foundation

/// One authorization code Discord issued when a user approved a bot install.
struct AuthorizationCode: Sendable {
    var clientID: Snowflake
    var redirectURI: String
    var guildID: Snowflake
    var issuedAt: Date
}

extension DiscordEmulator {
    /// Registers an application's OAuth2 client secret (what the developer portal shows).
    public func registerOAuthApplication(clientID: Snowflake, secret: String) {
        oauthSecrets[clientID] = secret
    }

    /// What happens when a guild admin approves the install on Discord's page: a code for
    /// `redirectURI` naming `guildID`, valid 10 minutes, usable once.
    public func approveInstall(clientID: Snowflake, redirectURI: String, guildID: Snowflake) -> String {
        let code = "code" + state.nextID(at: now).description
        authorizationCodes[code] = AuthorizationCode(clientID: clientID, redirectURI: redirectURI, guildID: guildID,
                                                     issuedAt: now)
        return code
    }

    /// `POST /oauth2/token` (form-encoded, client credentials by HTTP Basic or in the form):
    /// exchanges a code for a token and the guild. OAuth2 errors are `{"error": …}` with 400
    /// (`invalid_request`, `unsupported_grant_type`, `invalid_grant`) or 401 (`invalid_client`).
    func oauthToken(_ request: EmulatorRequest) -> EmulatorResponse {
        func failure(_ status: Int, _ error: String, _ detail: String) -> EmulatorResponse {
            .json(status, .object(["error": .string(error), "error_description": .string(detail)]))
        }
        guard request.method == "POST" else { return APIError.methodNotAllowed.response }
        guard request.header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return failure(400, "invalid_request", "the body must be application/x-www-form-urlencoded")
        }
        var form: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            form[parts[0].removingPercentEncoding ?? parts[0]] = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
        }
        var clientID = form["client_id"]
        var secret = form["client_secret"]
        if let auth = request.header("Authorization"), auth.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(auth.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
           let colon = decoded.firstIndex(of: ":") {
            clientID = String(decoded[..<colon])
            secret = String(decoded[decoded.index(after: colon)...])
        }
        guard let clientID, let id = Snowflake(string: clientID), let expected = oauthSecrets[id], secret == expected else {
            return failure(401, "invalid_client", "unknown client or wrong secret")
        }
        guard form["grant_type"] == "authorization_code" else {
            return failure(400, "unsupported_grant_type", "only authorization_code is emulated")
        }
        guard let code = form["code"], let grant = authorizationCodes.removeValue(forKey: code), grant.clientID == id,
              now.timeIntervalSince(grant.issuedAt) <= 600 else {
            return failure(400, "invalid_grant", "Invalid \"code\" in request.")
        }
        guard form["redirect_uri"] == grant.redirectURI else {
            return failure(400, "invalid_grant", "Invalid \"redirect_uri\" in request.")
        }
        return .json(200, .object([
            "access_token": .string("emulated-access-" + code), "token_type": .string("Bearer"),
            "expires_in": .int(604_800), "refresh_token": .string("emulated-refresh-" + code),
            "scope": .string("bot applications.commands"),
            "guild": .object(["id": .id(grant.guildID), "name": .string(state.guilds[grant.guildID]?.name ?? "Guild")]),
        ]))
    }
}
