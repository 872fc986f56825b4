import DiscordTypes

/// The body of `POST /guilds/{g}/channels`. Nil fields are omitted.
public struct CreateChannelRequest: Sendable, Hashable, Encodable {
    public var name: String
    public var type: ChannelType?
    public var topic: String?
    public var position: Int?
    public var parentID: Snowflake?
    public var permissionOverwrites: [PermissionOverwriteRequest]?
    public var nsfw: Bool?
    public var rateLimitPerUser: Int?
    public var bitrate: Int?
    public var userLimit: Int?
    public var defaultAutoArchiveDuration: Int?

    public init(
        name: String, type: ChannelType? = nil, topic: String? = nil, position: Int? = nil,
        parentID: Snowflake? = nil, permissionOverwrites: [PermissionOverwriteRequest]? = nil,
        nsfw: Bool? = nil, rateLimitPerUser: Int? = nil, bitrate: Int? = nil,
        userLimit: Int? = nil, defaultAutoArchiveDuration: Int? = nil
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

    enum CodingKeys: String, CodingKey {
        case name, type, topic, position, nsfw, bitrate
        case parentID = "parent_id"
        case permissionOverwrites = "permission_overwrites"
        case rateLimitPerUser = "rate_limit_per_user"
        case userLimit = "user_limit"
        case defaultAutoArchiveDuration = "default_auto_archive_duration"
    }
}
