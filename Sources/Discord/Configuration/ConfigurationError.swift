/// Why a client configuration could not be built; each case says how to fix it.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingToken
    case tokenFileUnreadable(path: String)
    case tokenFileEmpty(path: String)
    case invalidBaseURL(String)

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
        }
    }
}
