import DiscordTypes
import Foundation

/// The Discord layout a club should have at one instant: what `compile` produces and the
/// planner diffs against the live guild. Pure data; arrays are in display order.
public struct DesiredGuild: Hashable, Sendable, Codable {
    /// The guild this layout is for (`discord.guild_id`).
    public var guildID: Snowflake
    /// Roles, highest first (the order the planner keeps them in below the bot's role).
    public var roles: [DesiredRole]
    /// Categories, text and voice channels. A category precedes its children; siblings
    /// appear in the order they should have in Discord.
    public var channels: [DesiredChannel]
    /// Threads inside desired text channels.
    public var threads: [DesiredThread]
    /// Messages the reconciler posts and keeps up to date (signup card, stint alerts).
    public var messages: [DesiredMessage]
    /// Races in the guild's Events list (`scheduled_events: true`), in event order.
    public var scheduledEvents: [DesiredScheduledEvent] = []
    /// Announcements past their window (`announcement_grace`) that no pass has handled yet:
    /// never sent, only recorded as skipped with the reason. Kept apart from `messages` so
    /// renders show only what will be posted. Listed while their event's race is not over.
    public var lapsed: [DesiredMessage] = []
    /// Keys of resources whose retention has expired: delete them if we own them, whatever
    /// the orphan policy says.
    public var retired: [ResourceKey]
    /// Safety rules from the settings: protect list, orphan policy, destroy threshold.
    public var policy: GuildPolicy

    public init(
        guildID: Snowflake, roles: [DesiredRole] = [], channels: [DesiredChannel] = [],
        threads: [DesiredThread] = [], messages: [DesiredMessage] = [],
        retired: [ResourceKey] = [], policy: GuildPolicy = GuildPolicy()
    ) {
        self.guildID = guildID
        self.roles = roles
        self.channels = channels
        self.threads = threads
        self.messages = messages
        self.retired = retired
        self.policy = policy
    }

    /// Number of channels (categories included) the layout needs; threads do not count
    /// towards Discord's 500-channel limit.
    public var channelCount: Int { channels.count }
}

/// The result of `compile`: the layout now, and when it will next change by itself.
public struct CompiledGuild: Hashable, Sendable, Codable {
    public var desired: DesiredGuild
    /// The earliest instant after `now` at which `compile` would return something else
    /// (a signup opens, T-24h passes, a stint alert falls due); nil if nothing is scheduled.
    public var nextTransition: Date?
    /// Why `nextTransition` is due, for logs and `render` ("race voice for Spa 6h opens").
    public var nextTransitionReason: String?

    public init(desired: DesiredGuild, nextTransition: Date?, nextTransitionReason: String? = nil) {
        self.desired = desired
        self.nextTransition = nextTransition
        self.nextTransitionReason = nextTransitionReason
    }
}
