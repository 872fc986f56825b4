/// Why a client configuration could not be built; each case says how to fix it.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingToken
    case tokenFileUnreadable(path: String)
    case tokenFileEmpty(path: String)
    case invalidBaseURL(String)
    /// The token cannot go into a header (control characters, whitespace): never sent.
    case invalidToken(source: String, String)
    /// `http://` to a host other than loopback would send the token in clear.
    case insecureBaseURL(String)

    public var description: String {
        switch self {
        case .missingToken:
            "no bot token: set DISCORD_BOT_TOKEN or point DISCORD_BOT_TOKEN_FILE at a file holding it"
        case .tokenFileUnreadable(let path):
            "cannot read the bot token file \(path): check that it exists and is readable"
        case .tokenFileEmpty(let path):
            "the bot token file \(path) is empty: paste the token from the Developer Portal into it"
        case .invalidBaseURL(let value):
            "DISCORD_API_BASE '\(value)' is not an http(s) URL (default https://discord.com/api/v10)"
        case .invalidToken(let source, let why):
            "the bot token from \(source) is not a valid token: \(why); copy it again from the Developer Portal"
        case .insecureBaseURL(let value):
            "refusing DISCORD_API_BASE '\(value)': plain http:// would send the bot token in clear; use https:// (http:// is allowed only to loopback: 127.0.0.1, ::1, localhost)"
        }
    }
}
