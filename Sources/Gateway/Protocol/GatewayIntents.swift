/// Gateway intents: which event groups Discord sends. We ask for only what the enabled
/// features need (DISCORD.md §8): GUILDS always, GUILD_MEMBERS (privileged) for member
/// sync, GUILD_MESSAGES and MESSAGE_CONTENT (privileged) only for text commands.
public struct GatewayIntents: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// GUILD_CREATE, role, channel and thread events.
    public static let guilds = GatewayIntents(rawValue: 1 << 0)
    /// Privileged: GUILD_MEMBER_ADD/UPDATE/REMOVE (and THREAD_MEMBERS_UPDATE for others).
    public static let guildMembers = GatewayIntents(rawValue: 1 << 1)
    /// MESSAGE_CREATE/UPDATE/DELETE in guilds.
    public static let guildMessages = GatewayIntents(rawValue: 1 << 9)
    /// Privileged: message `content` of other users' messages.
    public static let messageContent = GatewayIntents(rawValue: 1 << 15)

    /// The intents for a daemon with these features on.
    public static func needed(memberSync: Bool, textCommands: Bool) -> GatewayIntents {
        var intents: GatewayIntents = .guilds
        if memberSync { intents.insert(.guildMembers) }
        if textCommands { intents.formUnion([.guildMessages, .messageContent]) }
        return intents
    }
}
