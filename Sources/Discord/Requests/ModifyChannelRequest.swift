import DiscordTypes

/// The body of `PATCH /channels/{c}` for guild channels. Nil fields are omitted;
/// `parentID: .null` moves the channel out of its category, `topic: .null` clears the topic.
public struct ModifyChannelRequest: Sendable, Hashable, Encodable {
    public var name: String?
    public var type: ChannelType?
    public var topic: Nullable<String>?
    public var position: Int?
    public var parentID: Nullable<Snowflake>?
    public var permissionOverwrites: [PermissionOverwriteRequest]?
    public var nsfw: Bool?
    public var rateLimitPerUser: Int?
    public var bitrate: Int?
    public var userLimit: Int?
    public var defaultAutoArchiveDuration: Int?

    public init(
        name: String? = nil, type: ChannelType? = nil, topic: Nullable<String>? = nil,
        position: Int? = nil, parentID: Nullable<Snowflake>? = nil,
        permissionOverwrites: [PermissionOverwriteRequest]? = nil, nsfw: Bool? = nil,
        rateLimitPerUser: Int? = nil, bitrate: Int? = nil, userLimit: Int? = nil,
        defaultAutoArchiveDuration: Int? = nil
    ) {
        self.name = name
        self.type = type
        self.topic = topic
        self.position = position
        self.parentID = parentID
        self.permissionOverwrites = permissionOverwrites
        self.nsfw = nsfw
        self.rateLimitPerUser = rateLimitPerUser
        self.bitrate = bitrate
        self.userLimit = userLimit
        self.defaultAutoArchiveDuration = defaultAutoArchiveDuration
    }

    /// Whether the body changes nothing (the reconciler then skips the call).
    public var isEmpty: Bool { self == ModifyChannelRequest() }

    enum CodingKeys: String, CodingKey {
        case name, type, topic, position, nsfw, bitrate
        case parentID = "parent_id"
        case permissionOverwrites = "permission_overwrites"
        case rateLimitPerUser = "rate_limit_per_user"
        case userLimit = "user_limit"
        case defaultAutoArchiveDuration = "default_auto_archive_duration"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(topic, forKey: .topic)
        try c.encodeIfPresent(position, forKey: .position)
        try c.encodeIfPresent(parentID, forKey: .parentID)
        try c.encodeIfPresent(permissionOverwrites, forKey: .permissionOverwrites)
        try c.encodeIfPresent(nsfw, forKey: .nsfw)
        try c.encodeIfPresent(rateLimitPerUser, forKey: .rateLimitPerUser)
        try c.encodeIfPresent(bitrate, forKey: .bitrate)
        try c.encodeIfPresent(userLimit, forKey: .userLimit)
        try c.encodeIfPresent(defaultAutoArchiveDuration, forKey: .defaultAutoArchiveDuration)
    }
}

/// One entry of `PATCH /guilds/{g}/channels` (bulk positions). At most one entry per call
/// may change `parent_id` (Discord answers 40009 otherwise).
public struct ChannelPositionEntry: Sendable, Hashable, Encodable {
    public var id: Snowflake
    public var position: Int?
    public var lockPermissions: Bool?
    public var parentID: Nullable<Snowflake>?

    public init(id: Snowflake, position: Int? = nil, lockPermissions: Bool? = nil,
                parentID: Nullable<Snowflake>? = nil) {
        self.id = id
        self.position = position
        self.lockPermissions = lockPermissions
        self.parentID = parentID
    }

    enum CodingKeys: String, CodingKey {
        case id, position
        case lockPermissions = "lock_permissions"
        case parentID = "parent_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(position, forKey: .position)
        try c.encodeIfPresent(lockPermissions, forKey: .lockPermissions)
        try c.encodeIfPresent(parentID, forKey: .parentID)
    }
}
