import DiscordTypes

/// One event the emulator's gateway sends (op 0): its name, the guild it is about, its
/// data, the intent a session needs to receive it, and the bots that may see it (members
/// of the guild before or after the change).
public struct GatewayDispatch: Sendable, Hashable {
    public var name: String
    public var guildID: Snowflake?
    public var data: JSONValue
    /// The intent bit that covers the event (GUILDS = 1, GUILD_MEMBERS = 2, GUILD_MESSAGES = 512).
    public var intent: Int
    var audience: Set<Snowflake>

    init(_ name: String, guild: Snowflake?, data: JSONValue, intent: Int, audience: Set<Snowflake>) {
        self.name = name
        self.guildID = guild
        self.data = data
        self.intent = intent
        self.audience = audience
    }

    static let guilds = 1 << 0
    static let guildMembers = 1 << 1
    static let guildMessages = 1 << 9
    static let messageContent = 1 << 15
    /// The privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT).
    static let privileged = (1 << 1) | (1 << 8) | (1 << 15)
    /// Every intent bit Discord defines (0-25 less the unused ones); others are 4013.
    static let known = (1 << 26) - 1
}
