import DiscordTypes

/// One guild as the gateway keeps it: channels, active (and known archived) threads, roles,
/// members, thread members and the bot's managed messages, seeded from a full REST read and
/// GUILD_CREATE and kept current by events. Pure: `apply` folds one event in.
///
/// Members and thread members are complete only after a REST seed (GUILD_CREATE carries
/// only the bot without GUILD_PRESENCES); `seeded` says so. Messages are kept only for ids
/// a seed listed (the managed ones), and change only with the GUILD_MESSAGES intent.
public struct LiveGuild: Sendable, Hashable {
    public var id: Snowflake
    /// The guild's name from its last GUILD_CREATE (for logs).
    public var name: String?
    public var ownerID: Snowflake?
    public var botUserID: Snowflake?
    public var channels: [Snowflake: Channel] = [:]
    public var threads: [Snowflake: Channel] = [:]
    public var roles: [Snowflake: Role] = [:]
    public var members: [Snowflake: GuildMember] = [:]
    public var threadMembers: [Snowflake: Set<Snowflake>] = [:]
    public var messages: [Snowflake: Message] = [:]
    /// Whether members, thread members and messages came from a full REST read since the
    /// last time events may have been lost.
    public var seeded = false

    public init(id: Snowflake) { self.id = id }

    /// Folds `event` in; returns whether it changed the guild.
    @discardableResult
    public mutating func apply(_ event: GatewayEvent) -> Bool {
        let before = self
        switch event {
        case .guildCreate(let guild):
            name = guild.name ?? name
            ownerID = guild.ownerID ?? ownerID
            channels = Dictionary(guild.channels.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            // Archived threads we knew stay; active ones are replaced by what Discord says.
            threads = threads.filter { $0.value.threadMetadata?.archived == true }
            for thread in guild.threads { threads[thread.id] = thread }
            roles = Dictionary(guild.roles.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            for member in guild.members { if let user = member.user { members[user.id] = member } }
        case .channelCreate(let channel), .channelUpdate(let channel):
            channels[channel.id] = channel
        case .channelDelete(let channel):
            channels[channel.id] = nil
            // Discord deletes a category's threads with it; threads of a deleted channel go.
            threads = threads.filter { $0.value.parentID != channel.id }
        case .threadCreate(let thread), .threadUpdate(let thread):
            threads[thread.id] = thread
        case .threadDelete(let thread):
            threads[thread.id] = nil
            threadMembers[thread.id] = nil
        case .threadMembersUpdate(let update):
            guard threadMembers[update.id] != nil else { break }
            threadMembers[update.id]!.formUnion(update.added)
            threadMembers[update.id]!.subtract(update.removed)
        case .roleCreate(_, let role), .roleUpdate(_, let role):
            roles[role.id] = role
        case .roleDelete(_, let roleID):
            roles[roleID] = nil
            for (id, member) in members where member.roles.contains(roleID) {
                members[id]?.roles.removeAll { $0 == roleID }
            }
        case .memberAdd(_, let member), .memberUpdate(_, let member):
            if let user = member.user { members[user.id] = member }
        case .memberRemove(_, let user):
            members[user.id] = nil
        case .messageCreate(_, let message), .messageUpdate(_, let message):
            if messages[message.id] != nil { messages[message.id] = message }
        case .messageDelete(_, _, let messageID):
            messages[messageID] = nil
        case .ready, .resumed, .guildDelete, .other:
            break
        }
        return before != self
    }
}
