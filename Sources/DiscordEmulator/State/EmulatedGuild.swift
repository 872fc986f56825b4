import DiscordTypes
import Foundation

/// One guild held by the emulator: its roles, channels (threads included), members,
/// messages and application commands. Public and `Codable` so tests can assert on it and the
/// sandbox can persist it.
public struct EmulatedGuild: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var name: String
    public var ownerID: Snowflake
    public var roles: [Snowflake: EmulatedRole]
    public var channels: [Snowflake: EmulatedChannel]
    public var members: [Snowflake: EmulatedMember]
    public var messages: [Snowflake: EmulatedMessage]
    /// Guild application commands by application id (the bulk-overwrite result).
    public var commands: [Snowflake: [JSONValue]]
    /// Whether the privileged GUILD_MEMBERS intent is on (member listing needs it).
    public var membersIntent: Bool

    public init(id: Snowflake, name: String, ownerID: Snowflake, membersIntent: Bool = true) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.roles = [:]
        self.channels = [:]
        self.members = [:]
        self.messages = [:]
        self.commands = [:]
        self.membersIntent = membersIntent
    }

    /// The `@everyone` role (its id is the guild's).
    public var everyone: EmulatedRole? { roles[id] }

    /// Roles sorted by position, then id (Discord's display order, bottom first).
    public var sortedRoles: [EmulatedRole] {
        roles.values.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Channels that are not threads, sorted by position then id.
    public var guildChannels: [EmulatedChannel] {
        channels.values.filter { !$0.isThread }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Threads, sorted by id.
    public var threads: [EmulatedChannel] {
        channels.values.filter(\.isThread).sorted { $0.id < $1.id }
    }

    /// Channels (not threads) named `name`.
    public func channels(named name: String) -> [EmulatedChannel] {
        guildChannels.filter { $0.name == name }
    }

    /// The role named `name`, if exactly one has it.
    public func role(named name: String) -> EmulatedRole? {
        let matches = roles.values.filter { $0.name == name }
        return matches.count == 1 ? matches[0] : nil
    }
}

/// A role as the emulator stores it.
public struct EmulatedRole: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var name: String
    public var color: Int
    public var hoist: Bool
    public var position: Int
    public var permissions: Permissions
    public var managed: Bool
    public var mentionable: Bool
    /// For managed roles: the bot that owns the role.
    public var botID: Snowflake?

    public init(
        id: Snowflake, name: String, color: Int = 0, hoist: Bool = false, position: Int,
        permissions: Permissions = [], managed: Bool = false, mentionable: Bool = false,
        botID: Snowflake? = nil
    ) {
        self.id = id
        self.name = name
        self.color = color
        self.hoist = hoist
        self.position = position
        self.permissions = permissions
        self.managed = managed
        self.mentionable = mentionable
        self.botID = botID
    }
}

/// A guild channel or thread as the emulator stores it.
public struct EmulatedChannel: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var type: ChannelType
    public var guildID: Snowflake
    public var name: String
    public var topic: String?
    public var position: Int
    public var parentID: Snowflake?
    public var overwrites: [PermissionOverwrite]
    public var nsfw: Bool
    public var bitrate: Int?
    public var userLimit: Int?
    public var rateLimitPerUser: Int
    public var defaultAutoArchiveDuration: Int?
    public var lastMessageID: Snowflake?
    // Threads only.
    public var ownerID: Snowflake?
    public var archived: Bool
    public var locked: Bool
    public var autoArchiveDuration: Int
    public var archiveTimestamp: Date?
    public var invitable: Bool?
    public var createTimestamp: Date?
    public var threadMembers: [Snowflake: Date]
    public var messageCount: Int

    public init(id: Snowflake, type: ChannelType, guildID: Snowflake, name: String, position: Int = 0, parentID: Snowflake? = nil) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.name = name
        self.topic = nil
        self.position = position
        self.parentID = parentID
        self.overwrites = []
        self.nsfw = false
        self.bitrate = type.isVoice ? 64000 : nil
        self.userLimit = type.isVoice ? 0 : nil
        self.rateLimitPerUser = 0
        self.defaultAutoArchiveDuration = nil
        self.lastMessageID = nil
        self.ownerID = nil
        self.archived = false
        self.locked = false
        self.autoArchiveDuration = 10080
        self.archiveTimestamp = nil
        self.invitable = nil
        self.createTimestamp = nil
        self.threadMembers = [:]
        self.messageCount = 0
    }

    public var isThread: Bool { type.isThread }
}

/// A guild member: a user id, nickname and role ids.
public struct EmulatedMember: Sendable, Codable, Hashable {
    public var userID: Snowflake
    public var nick: String?
    public var roles: [Snowflake]
    public var joinedAt: Date

    public init(userID: Snowflake, nick: String? = nil, roles: [Snowflake] = [], joinedAt: Date) {
        self.userID = userID
        self.nick = nick
        self.roles = roles
        self.joinedAt = joinedAt
    }
}

/// A message in a guild channel or thread.
public struct EmulatedMessage: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var channelID: Snowflake
    public var authorID: Snowflake
    public var content: String
    public var embeds: [JSONValue]
    public var pinned: Bool
    public var pinnedAt: Date?
    public var timestamp: Date
    public var editedTimestamp: Date?
    public var flags: Int
    /// The `nonce` the message was sent with (`enforce_nonce` deduplicates on it).
    public var nonce: String?

    public init(id: Snowflake, channelID: Snowflake, authorID: Snowflake, content: String, embeds: [JSONValue] = [], timestamp: Date) {
        self.id = id
        self.channelID = channelID
        self.authorID = authorID
        self.content = content
        self.embeds = embeds
        self.pinned = false
        self.pinnedAt = nil
        self.timestamp = timestamp
        self.editedTimestamp = nil
        self.flags = 0
    }
}

/// A user known to the emulator (members, bots, owners).
public struct EmulatedUser: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var username: String
    public var globalName: String?
    public var bot: Bool

    public init(id: Snowflake, username: String, globalName: String? = nil, bot: Bool = false) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.bot = bot
    }
}
