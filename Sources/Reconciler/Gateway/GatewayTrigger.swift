import DiscordTypes

/// Why a gateway event asks the daemon for a pass of the club that owns its guild.
/// Events drive the daemon but never bypass it: every trigger becomes an ordinary pass.
public enum GatewayTrigger: Sendable, Hashable, CustomStringConvertible {
    /// GUILD_MEMBER_ADD: sync members (`on_join`) and grant roles.
    case memberJoined(Snowflake)
    /// GUILD_MEMBER_REMOVE.
    case memberLeft(Snowflake)
    /// A managed channel, thread or role was changed or deleted by someone else, or its
    /// thread members changed: repair soon (debounced).
    case drift(Snowflake)
    /// GUILD_CREATE of a configured guild (the bot joined, or the guild came back).
    case guildAvailable

    /// Member events run at once; drift waits for the debounce window to gather a burst.
    public var isMemberEvent: Bool {
        switch self {
        case .memberJoined, .memberLeft: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .memberJoined(let id): "member \(id) joined"
        case .memberLeft(let id): "member \(id) left"
        case .drift(let id): "managed resource \(id) changed"
        case .guildAvailable: "guild available"
        }
    }
}
