import DiscordTypes
import Foundation

/// A bot account: its user id, name and the token that authenticates it (`Bot <token>`).
public struct BotIdentity: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var username: String
    public var token: String

    public init(id: Snowflake, username: String = "Simlane Bot", token: String) {
        self.id = id
        self.username = username
        self.token = token
    }

    /// The sandbox's bot.
    public static let sandbox = BotIdentity(id: 1_100_000_000_000_000_001, username: "Simlane Bot", token: "sandbox-token")
}

/// What a test or the sandbox wants a new guild to look like.
///
/// Roles are stacked bottom-up in order: `@everyone` at 0, then the seed's roles with
/// `aboveBot == false`, then the bot's role ("Simlane Bot", with `botPermissions`), then the
/// roles with `aboveBot == true`. Channels are created in order; a channel's `parent` names
/// an earlier category by name.
public struct GuildSeed: Sendable, Hashable {
    public var id: Snowflake?
    public var name: String
    public var ownerID: Snowflake
    public var bot: BotIdentity
    public var botRoleName: String
    public var botPermissions: Permissions
    /// Whether the bot's role is managed (an integration role, as Discord creates on install).
    public var botRoleManaged: Bool
    public var everyonePermissions: Permissions
    /// User ids to add as plain members (the owner and the bot are always members).
    public var memberIDs: [Snowflake]
    public var roles: [RoleSeed]
    public var channels: [ChannelSeed]
    /// Whether the privileged GUILD_MEMBERS intent is on (listing members needs it).
    public var membersIntent: Bool
    /// Guild features (`NEWS` for announcement channels, `COMMUNITY` for stage channels).
    public var features: [String]
    /// Server Boost level 0–3; caps voice bitrate (96, 128, 256, 384 kbps).
    public var premiumTier: Int

    public init(
        id: Snowflake? = nil, name: String = "Sandbox", ownerID: Snowflake = 1_000_000_000_000_000_001,
        bot: BotIdentity = .sandbox, botRoleName: String = "Simlane Bot",
        botPermissions: Permissions = .reconcilerBot, botRoleManaged: Bool = false,
        everyonePermissions: Permissions = GuildSeed.defaultEveryonePermissions, memberIDs: [Snowflake] = [],
        roles: [RoleSeed] = [], channels: [ChannelSeed] = [], membersIntent: Bool = true,
        features: [String] = [], premiumTier: Int = 0
    ) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.bot = bot
        self.botRoleName = botRoleName
        self.botPermissions = botPermissions
        self.botRoleManaged = botRoleManaged
        self.everyonePermissions = everyonePermissions
        self.memberIDs = memberIDs
        self.roles = roles
        self.channels = channels
        self.membersIntent = membersIntent
        self.features = features
        self.premiumTier = premiumTier
    }

    /// Roughly Discord's default `@everyone` permissions for a new server.
    public static let defaultEveryonePermissions: Permissions = [
        .createInstantInvite, .addReactions, .stream, .viewChannel, .sendMessages, .embedLinks, .attachFiles,
        .readMessageHistory, .mentionEveryone, .useExternalEmojis, .connect, .speak, .useVAD, .changeNickname,
        .createPublicThreads, .createPrivateThreads, .sendMessagesInThreads,
    ]
}

/// A role that exists before the reconciler runs.
public struct RoleSeed: Sendable, Hashable {
    public var id: Snowflake?
    public var name: String
    public var permissions: Permissions
    public var managed: Bool
    /// Placed above the bot's role (the bot cannot touch it).
    public var aboveBot: Bool
    public var memberIDs: [Snowflake]

    public init(id: Snowflake? = nil, name: String, permissions: Permissions = [], managed: Bool = false,
                aboveBot: Bool = false, memberIDs: [Snowflake] = []) {
        self.id = id
        self.name = name
        self.permissions = permissions
        self.managed = managed
        self.aboveBot = aboveBot
        self.memberIDs = memberIDs
    }
}

/// A channel that exists before the reconciler runs.
public struct ChannelSeed: Sendable, Hashable {
    public var id: Snowflake?
    public var name: String
    public var type: ChannelType
    /// The name of an earlier category seed.
    public var parent: String?
    public var topic: String?
    public var overwrites: [PermissionOverwrite]

    public init(id: Snowflake? = nil, name: String, type: ChannelType = .guildText, parent: String? = nil,
                topic: String? = nil, overwrites: [PermissionOverwrite] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.parent = parent
        self.topic = topic
        self.overwrites = overwrites
    }
}

/// The ids a seeded guild ended up with.
public struct SeededGuild: Sendable, Hashable {
    public var guildID: Snowflake
    public var everyoneRoleID: Snowflake { guildID }
    public var botRoleID: Snowflake
    public var bot: BotIdentity
    /// Seeded roles by name.
    public var roleIDs: [String: Snowflake]
    /// Seeded channels by name.
    public var channelIDs: [String: Snowflake]
}
