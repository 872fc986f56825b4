import DiscordTypes
import Foundation

/// The club's own Discord configuration (`kind: settings`, usually `simlane.yaml`), kept in
/// git by the club: which guild, what to create automatically, timings, retention, safety.
/// Every field except `version`, `club` and `discord` has a default (docs/config.md).
public struct ClubSettings: Hashable, Sendable, Codable {
    /// Format version; only `1` exists.
    public var version: Int
    public var club: ClubIdentity
    public var discord: DiscordSettings
    /// Create categories, channels and threads for events (off: only team roles).
    public var autoCreateChannels: Bool
    /// Template for channel names over `{series}`, `{event}`, `{team}` and `{kind}`.
    public var channelNamePattern: String
    /// Practice and race voice channels per team.
    public var voiceChannels: Bool
    /// Stint alert messages in the team threads.
    public var stintAlerts: Bool
    /// Each race as a Discord scheduled event in the guild's Events list (off by default).
    public var scheduledEvents: Bool
    public var notifications: NotificationSettings
    public var retention: RetentionSettings
    /// Channels and roles never touched.
    public var protect: [ProtectRule]
    /// Keep or remove resources we once managed and no longer want, per kind.
    public var orphans: OrphanPolicy
    /// Refuse plans deleting more than this share of managed resources.
    public var maxDestroyFraction: Double
    /// Member sync: schedule, club-wide member role, retention of departed members' records.
    public var memberSync: MemberSyncSettings
    /// Where members say when they can race (`/availability` answers with it); nil: none.
    public var availabilityFormURL: String?

    /// The pattern used when `channel_name_pattern` is absent.
    public static let defaultChannelNamePattern = "{event} {team} {kind}"

    public init(
        version: Int = 1, club: ClubIdentity, discord: DiscordSettings,
        autoCreateChannels: Bool = true,
        channelNamePattern: String = ClubSettings.defaultChannelNamePattern,
        voiceChannels: Bool = true, stintAlerts: Bool = true,
        notifications: NotificationSettings = NotificationSettings(),
        retention: RetentionSettings = RetentionSettings(), protect: [ProtectRule] = [],
        orphans: OrphanPolicy = OrphanPolicy(), maxDestroyFraction: Double = 0.5,
        memberSync: MemberSyncSettings = MemberSyncSettings(), scheduledEvents: Bool = false
    ) {
        self.scheduledEvents = scheduledEvents
        self.version = version
        self.club = club
        self.discord = discord
        self.autoCreateChannels = autoCreateChannels
        self.channelNamePattern = channelNamePattern
        self.voiceChannels = voiceChannels
        self.stintAlerts = stintAlerts
        self.notifications = notifications
        self.retention = retention
        self.protect = protect
        self.orphans = orphans
        self.maxDestroyFraction = maxDestroyFraction
        self.memberSync = memberSync
    }

    /// The safety rules handed to the planner inside every `DesiredGuild`.
    public var policy: GuildPolicy {
        GuildPolicy(protect: protect, orphans: orphans, maxDestroyFraction: maxDestroyFraction,
                    adminRoles: discord.adminRoles)
    }
}

/// The club's stable id (used in keys and state) and display name.
public struct ClubIdentity: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Which guild and application the club runs on, and which existing roles are admins.
public struct DiscordSettings: Hashable, Sendable, Codable {
    public var guildID: Snowflake
    public var applicationID: Snowflake
    /// Existing (unmanaged) roles that count as club admins: they may see and join every
    /// managed channel, restricted race voice included.
    public var adminRoles: [Snowflake]
    /// The application's Ed25519 public key (64 hex digits, lowercase) from the developer
    /// portal: `serve` verifies every interaction Discord sends with it. Nil: no interactions.
    public var publicKey: String?

    public init(guildID: Snowflake, applicationID: Snowflake, adminRoles: [Snowflake] = [], publicKey: String? = nil) {
        self.guildID = guildID
        self.applicationID = applicationID
        self.adminRoles = adminRoles
        self.publicKey = publicKey
    }
}

/// Timings of the messages and channels that follow an event's clock (seconds).
public struct NotificationSettings: Hashable, Sendable, Codable {
    /// How often the pinned signup card may be refreshed while the signup is open.
    public var signupUpdateFrequency: TimeInterval
    /// A stint alert appears this long before the driver change.
    public var stintAlertLead: TimeInterval
    /// Race voice channels open this long before the start.
    public var raceVoiceLead: TimeInterval
    /// How late an announcement (stint alert, team notice) may still be sent after its
    /// instant; later it is skipped, never sent late (`announcement_grace`).
    public var announcementGrace: TimeInterval = 5 * 60
    /// Race voice channels stay this long after the event ends.
    public var raceGrace: TimeInterval

    public init(
        signupUpdateFrequency: TimeInterval = 3600, stintAlertLead: TimeInterval = 15 * 60,
        raceVoiceLead: TimeInterval = 24 * 3600, raceGrace: TimeInterval = 2 * 3600
    ) {
        self.signupUpdateFrequency = signupUpdateFrequency
        self.stintAlertLead = stintAlertLead
        self.raceVoiceLead = raceVoiceLead
        self.raceGrace = raceGrace
    }
}

/// When a finished series is archived and when its archived channels are deleted.
public struct RetentionSettings: Hashable, Sendable, Codable {
    /// Time after the last event of a series ends before its channels are archived.
    public var archiveDelay: TimeInterval
    /// Time after archival before archived channels are deleted; nil keeps them forever.
    public var deleteArchivedAfter: TimeInterval?

    public init(archiveDelay: TimeInterval = 3 * 86400, deleteArchivedAfter: TimeInterval? = 90 * 86400) {
        self.archiveDelay = archiveDelay
        self.deleteArchivedAfter = deleteArchivedAfter
    }
}
