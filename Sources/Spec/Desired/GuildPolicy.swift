import DiscordTypes

/// The safety rules the planner must honour, carried from the settings into the layout.
public struct GuildPolicy: Hashable, Sendable, Codable {
    /// Channels and roles never touched, even if managed.
    public var protect: [ProtectRule]
    /// What to do with resources we once managed and no longer want.
    public var orphans: OrphanPolicy
    /// Refuse a plan that deletes more than this share (0…1) of managed resources
    /// unless destruction is explicitly allowed.
    public var maxDestroyFraction: Double
    /// Existing roles (by id) that count as club admins and may see every managed channel.
    public var adminRoles: [Snowflake]

    public init(
        protect: [ProtectRule] = [], orphans: OrphanPolicy = OrphanPolicy(),
        maxDestroyFraction: Double = 0.5, adminRoles: [Snowflake] = []
    ) {
        self.protect = protect
        self.orphans = orphans
        self.maxDestroyFraction = maxDestroyFraction
        self.adminRoles = adminRoles
    }
}

/// One entry of the `protect` list: a channel or role by id, or by exact name.
public struct ProtectRule: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case channel, role }
    public var kind: Kind
    public var id: Snowflake?
    public var name: String?

    public init(kind: Kind, id: Snowflake? = nil, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

/// Keep or remove what we once managed and no longer want, per kind of resource.
public struct OrphanPolicy: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable { case keep, remove }
    /// Text channels hold history: kept by default (they stop being managed instead).
    public var textChannels: Action
    public var voiceChannels: Action
    public var categories: Action
    public var roles: Action
    public var threads: Action
    public var messages: Action

    public init(
        textChannels: Action = .keep, voiceChannels: Action = .remove,
        categories: Action = .remove, roles: Action = .remove, threads: Action = .keep,
        messages: Action = .keep
    ) {
        self.textChannels = textChannels
        self.voiceChannels = voiceChannels
        self.categories = categories
        self.roles = roles
        self.threads = threads
        self.messages = messages
    }
}
