/// What a gateway close code means for the client (topics/opcodes-and-status-codes.mdx).
public enum GatewayCloseCode: Sendable, Hashable {
    /// Reconnect and resume the session.
    case resume
    /// Reconnect with a new session (Identify): 4007 invalid seq, 4009 session timed out.
    case reidentify
    /// Never reconnect: the configuration must be fixed first.
    case fatal(String)

    /// The meaning of `code`; nil (a drop without a close frame) resumes.
    public static func classify(_ code: Int?) -> GatewayCloseCode {
        guard let code else { return .resume }
        switch code {
        case 4004: return .fatal("authentication failed: the bot token is invalid")
        case 4010: return .fatal("invalid shard sent when identifying")
        case 4011: return .fatal("sharding required: the bot is in too many guilds for one shard")
        case 4012: return .fatal("invalid API version")
        case 4013: return .fatal("invalid intents")
        case 4014: return .fatal("disallowed intents: enable the privileged intents (Server Members, Message Content) in the Developer Portal, or turn off the features that need them")
        case 4007, 4009: return .reidentify
        default: return .resume
        }
    }
}
