import DiscordTypes

/// What kind of Discord channel a desired channel is.
public enum DesiredChannelKind: String, Hashable, Sendable, Codable, CaseIterable {
    case category, text, voice

    /// Discord's channel type for this kind.
    public var channelType: ChannelType {
        switch self {
        case .category: .guildCategory
        case .text: .guildText
        case .voice: .guildVoice
        }
    }
}

/// Who an overwrite applies to. Managed roles are named by key because their ids exist only
/// once created; `role` names an existing (unmanaged) role by id, such as a club admin role.
public enum OverwriteTarget: Hashable, Sendable, Codable {
    case everyone
    case managedRole(ResourceKey)
    case role(Snowflake)
    case member(Snowflake)
}

/// One permission overwrite on a desired channel. Compared as a set of bits per target.
public struct DesiredOverwrite: Hashable, Sendable, Codable {
    public var target: OverwriteTarget
    public var allow: Permissions
    public var deny: Permissions

    public init(target: OverwriteTarget, allow: Permissions = [], deny: Permissions = []) {
        self.target = target
        self.allow = allow
        self.deny = deny
    }
}

/// A category, text or voice channel the club should have.
public struct DesiredChannel: Hashable, Sendable, Codable {
    public var key: ResourceKey
    public var kind: DesiredChannelKind
    /// The name as Discord will store it (text channels already normalised).
    public var name: String
    public var topic: String?
    /// The category this channel sits in (a key of a desired category), nil at top level.
    public var parent: ResourceKey?
    /// Authoritative overwrites; an empty list means "no overwrites" (synced/public).
    public var overwrites: [DesiredOverwrite]
    /// Voice only: maximum users, nil for unlimited.
    public var userLimit: Int?
    /// Heading this resource is grouped under in plans and renders ("GT3 Cup › Spa 6h").
    public var group: String

    public init(
        key: ResourceKey, kind: DesiredChannelKind, name: String, topic: String? = nil,
        parent: ResourceKey? = nil, overwrites: [DesiredOverwrite] = [], userLimit: Int? = nil,
        group: String = ""
    ) {
        self.key = key
        self.kind = kind
        self.name = name
        self.topic = topic
        self.parent = parent
        self.overwrites = overwrites
        self.userLimit = userLimit
        self.group = group
    }
}

/// A role the club should have, and exactly which Discord users should hold it.
public struct DesiredRole: Hashable, Sendable, Codable {
    public var key: ResourceKey
    public var name: String
    public var color: Int
    public var hoist: Bool
    public var mentionable: Bool
    public var permissions: Permissions
    /// Discord user ids that should hold the role, sorted ascending.
    public var members: [Snowflake]
    public var group: String

    public init(
        key: ResourceKey, name: String, color: Int = 0, hoist: Bool = false,
        mentionable: Bool = true, permissions: Permissions = [], members: [Snowflake] = [],
        group: String = ""
    ) {
        self.key = key
        self.name = name
        self.color = color
        self.hoist = hoist
        self.mentionable = mentionable
        self.permissions = permissions
        self.members = members.sorted()
        self.group = group
    }
}

/// A thread inside a desired text channel, with exactly these members.
public struct DesiredThread: Hashable, Sendable, Codable {
    public var key: ResourceKey
    public var name: String
    /// Key of the desired text channel the thread lives in.
    public var parent: ResourceKey
    public var isPrivate: Bool
    /// Discord user ids that should be in the thread, sorted ascending.
    public var members: [Snowflake]
    /// Archived by us (series archival): never created, archived and locked where it exists.
    public var archived: Bool
    public var locked: Bool
    /// Whether a thread Discord auto-archived after a quiet spell must be reopened (the
    /// club data needs it open: the race is still ahead). Otherwise a quiet archived thread
    /// is normal life, not drift, and is reopened only to post into it or change its members.
    public var reopen: Bool
    /// Minutes of inactivity before Discord auto-archives: 60, 1440, 4320 or 10080.
    public var autoArchiveMinutes: Int
    public var group: String

    public init(
        key: ResourceKey, name: String, parent: ResourceKey, isPrivate: Bool = true,
        members: [Snowflake] = [], archived: Bool = false, locked: Bool = false, reopen: Bool = false,
        autoArchiveMinutes: Int = 10080, group: String = ""
    ) {
        self.reopen = reopen
        self.key = key
        self.name = name
        self.parent = parent
        self.isPrivate = isPrivate
        self.members = members.sorted()
        self.archived = archived
        self.locked = locked
        self.autoArchiveMinutes = autoArchiveMinutes
        self.group = group
    }
}

/// A message the reconciler posts: a card it keeps in sync (signup card, entry list,
/// strategy, results, statistics) or an announcement it sends once (stint alert, team
/// notice, strategy change), see `MessageFamily`.
public struct DesiredMessage: Hashable, Sendable, Codable {
    public var key: ResourceKey
    /// Key of the desired text channel or thread the message belongs in.
    public var channel: ResourceKey
    public var content: String
    /// Valid for Discord and in the form Discord stores (`Embed.prepared`).
    public var embeds: [Embed]
    /// Action rows of link buttons (a signup card's "Sign up"); a changed button is an edit.
    public var components: [ActionRow]
    public var pinned: Bool
    /// How the bot's message is recognised when the state store has lost it; nil: never adopted.
    public var marker: MessageMarker?
    public var group: String
    /// Discord users the message pings (`allowed_mentions.users`), sorted; empty pings
    /// nobody. Cards always ping nobody.
    public var pings: [Snowflake]
    /// Card (level-based) or announcement (edge-triggered, sent once).
    public var family: MessageFamily

    public init(
        key: ResourceKey, channel: ResourceKey, content: String, embeds: [Embed] = [],
        components: [ActionRow] = [], pinned: Bool = false, marker: MessageMarker? = nil, group: String = "",
        pings: [Snowflake] = [], family: MessageFamily = .card
    ) {
        self.pings = Array(Set(pings)).sorted()
        self.family = family
        self.key = key
        self.channel = channel
        self.content = content
        self.embeds = embeds.map(\.prepared)
        self.components = components
        self.pinned = pinned
        self.marker = marker
        self.group = group
    }
}
