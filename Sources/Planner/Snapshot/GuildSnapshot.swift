import DiscordTypes
import Spec

/// The live guild as the reconciler sees it, read with a handful of GETs: channels with
/// their overwrites, roles, active (and owned archived) threads with their members, members
/// with their roles, the bot's own member, and the messages we manage.
public struct GuildSnapshot: Hashable, Sendable, Codable {
    public var guildID: Snowflake
    public var ownerID: Snowflake?
    /// Guild channels (categories, text, voice, …), threads excluded.
    public var channels: [Channel]
    public var roles: [Role]
    /// Active threads, plus archived threads that we own.
    public var threads: [Channel]
    /// Thread id -> user ids currently in that thread (only for threads we may manage).
    public var threadMembers: [Snowflake: [Snowflake]]
    /// Every guild member with their role ids.
    public var members: [GuildMember]
    /// The bot's user id; its member entry is among `members`.
    public var botUserID: Snowflake
    /// Managed messages by id (fetched only for messages the state store knows about), plus,
    /// when the state store lacks some desired messages, the bot's own unowned messages in
    /// their channels (adoption candidates, see `MessageMarker`).
    public var messages: [Snowflake: Message]
    /// The guild's scheduled events; read only when the layout or ownership has any.
    public var scheduledEvents: [ScheduledEvent]

    public init(
        guildID: Snowflake, ownerID: Snowflake? = nil, channels: [Channel] = [],
        roles: [Role] = [], threads: [Channel] = [], threadMembers: [Snowflake: [Snowflake]] = [:],
        members: [GuildMember] = [], botUserID: Snowflake, messages: [Snowflake: Message] = [:],
        scheduledEvents: [ScheduledEvent] = []
    ) {
        self.scheduledEvents = scheduledEvents
        self.guildID = guildID
        self.ownerID = ownerID
        self.channels = channels
        self.roles = roles
        self.threads = threads
        self.threadMembers = threadMembers
        self.members = members
        self.botUserID = botUserID
        self.messages = messages
    }

    /// The bot's member entry, if the bot is in the guild.
    public var botMember: GuildMember? { members.first { $0.user?.id == botUserID } }

    /// Position of the bot's highest role (0 = only @everyone). The bot may only manage
    /// roles strictly below this.
    public var botHighestRolePosition: Int {
        guard let bot = botMember else { return 0 }
        let ids = Set(bot.roles)
        return roles.filter { ids.contains($0.id) }.map(\.position).max() ?? 0
    }
}
