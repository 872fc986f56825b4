import Foundation

/// Names of the emulator's rate-limit buckets. Routes that share a name share a bucket
/// (e.g. setting and deleting an overwrite); each bucket is counted per major parameter
/// (guild or channel id), as Discord does.
public enum RateLimitBucket {
    public static let currentUser = "users.@me"
    public static let gatewayBot = "gateway.bot"
    public static let guild = "guild.get"
    public static let listChannels = "guild.channels.list"
    public static let createChannel = "guild.channels.create"
    public static let channelPositions = "guild.channels.positions"
    public static let getChannel = "channel.get"
    public static let modifyChannel = "channel.modify"
    public static let deleteChannel = "channel.delete"
    public static let overwrites = "channel.permissions"
    public static let listRoles = "guild.roles.list"
    public static let createRole = "guild.roles.create"
    public static let rolePositions = "guild.roles.positions"
    public static let modifyRole = "guild.roles.modify"
    public static let deleteRole = "guild.roles.delete"
    public static let listMembers = "guild.members.list"
    public static let getMember = "guild.members.get"
    public static let modifyMember = "guild.members.modify"
    public static let memberRoles = "guild.members.roles"
    public static let startThread = "channel.threads.create"
    public static let threadMembers = "channel.thread-members"
    public static let activeThreads = "guild.threads.active"
    public static let archivedThreads = "channel.threads.archived"
    public static let createMessage = "channel.messages.create"
    public static let getMessage = "channel.messages.get"
    public static let listMessages = "channel.messages.list"
    public static let editMessage = "channel.messages.edit"
    public static let deleteMessage = "channel.messages.delete"
    public static let pins = "channel.pins"
    public static let commands = "application.guild-commands"
    public static let scheduledEvents = "guild.scheduled-events"
    public static let interactions = "interaction.webhooks"
    public static let listCommands = "application.guild-commands.list"
    public static let createDM = "users.@me.channels"
}

/// The emulator's rate limits.
///
/// Discord does not publish per-route limits (clients must read the headers), so the
/// defaults (`discordLike`) are approximations of what Discord answers today (UNVERIFIED
/// per route), each counted per major parameter:
///
/// | bucket | limit | per |
/// |---|---|---|
/// | global (all routes, per bot token) | 50 | 1 s |
/// | `guild.channels.create` (POST /guilds/{g}/channels) | 5 | 5 s, per guild |
/// | `guild.channels.positions` (PATCH /guilds/{g}/channels) | 5 | 5 s, per guild |
/// | `channel.modify` (PATCH /channels/{c}) | 5 | 5 s, per channel |
/// | `channel.delete` (DELETE /channels/{c}) | 5 | 5 s, per channel |
/// | `channel.permissions` (PUT/DELETE overwrites, shared) | 5 | 5 s, per channel |
/// | `guild.roles.create` (POST /guilds/{g}/roles) | 5 | 5 s, per guild |
/// | `guild.roles.modify`, `guild.roles.delete`, `guild.roles.positions` | 5 | 5 s, per guild |
/// | `guild.members.list` (GET /guilds/{g}/members) | 10 | 10 s, per guild |
/// | `guild.members.roles` (PUT/DELETE member roles, shared) | 10 | 10 s, per guild |
/// | `guild.members.modify` (PATCH /guilds/{g}/members/{u}), its own bucket | 5 | 5 s, per guild (default) |
/// | `channel.threads.create` (POST /channels/{c}/threads) | 5 | 5 s, per channel |
/// | `channel.thread-members` (PUT/DELETE/GET thread members) | 5 | 5 s, per channel |
/// | `channel.messages.create` (POST /channels/{c}/messages) | 5 | 5 s, per channel |
/// | `application.guild-commands` (PUT commands) | 2 | 60 s, per guild |
/// | every other route (`defaultLimit`) | 5 | 5 s, per major parameter |
///
/// `channelNameTopicSublimit`, when set, adds discord.js's reported sublimit on renaming a
/// channel or changing its topic (2 per 10 minutes per channel, UNVERIFIED); it is off by
/// default. Use `scaled(by:)` to shrink every window for fast tests, `unlimited` to turn
/// limiting off.
public struct RateLimitConfiguration: Sendable, Hashable {
    /// `limit` requests per `window` seconds.
    public struct Limit: Sendable, Hashable {
        public var limit: Int
        public var window: TimeInterval
        public init(_ limit: Int, per window: TimeInterval) {
            self.limit = limit
            self.window = window
        }
    }

    /// The per-bot global limit; nil disables it.
    public var global: Limit?
    /// Limits by bucket name (see `RateLimitBucket`).
    public var buckets: [String: Limit]
    /// The limit of buckets not listed in `buckets`.
    public var defaultLimit: Limit
    /// An extra limit on PATCH /channels/{c} requests that change `name` or `topic`.
    public var channelNameTopicSublimit: Limit?
    /// The sliding window of the invalid-request counter (Discord: 10 minutes).
    public var invalidRequestWindow: TimeInterval
    /// Whether route limits apply at all (false: only headers with huge limits).
    public var enabled: Bool

    public init(
        global: Limit? = Limit(50, per: 1), buckets: [String: Limit] = [:], defaultLimit: Limit = Limit(5, per: 5),
        channelNameTopicSublimit: Limit? = nil, invalidRequestWindow: TimeInterval = 600, enabled: Bool = true
    ) {
        self.global = global
        self.buckets = buckets
        self.defaultLimit = defaultLimit
        self.channelNameTopicSublimit = channelNameTopicSublimit
        self.invalidRequestWindow = invalidRequestWindow
        self.enabled = enabled
    }

    /// Discord-like defaults (the table above).
    public static let discordLike = RateLimitConfiguration(
        global: Limit(50, per: 1),
        buckets: [
            RateLimitBucket.listMembers: Limit(10, per: 10),
            RateLimitBucket.memberRoles: Limit(10, per: 10),
            RateLimitBucket.commands: Limit(2, per: 60),
        ],
        defaultLimit: Limit(5, per: 5))

    /// No limiting; headers still report a large bucket.
    public static let unlimited = RateLimitConfiguration(
        global: nil, buckets: [:], defaultLimit: Limit(1_000_000, per: 1), enabled: false)

    /// The same limits with every window multiplied by `factor` (e.g. 0.01 for tests that
    /// want Discord's shapes at a hundredth of the wall time).
    public func scaled(by factor: Double) -> RateLimitConfiguration {
        var copy = self
        copy.global = global.map { Limit($0.limit, per: $0.window * factor) }
        copy.buckets = buckets.mapValues { Limit($0.limit, per: $0.window * factor) }
        copy.defaultLimit = Limit(defaultLimit.limit, per: defaultLimit.window * factor)
        copy.channelNameTopicSublimit = channelNameTopicSublimit.map { Limit($0.limit, per: $0.window * factor) }
        return copy
    }

    /// The limit of bucket `name`.
    public func limit(for name: String) -> Limit { buckets[name] ?? defaultLimit }
}
