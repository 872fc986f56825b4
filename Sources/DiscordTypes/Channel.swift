import Foundation

/// A guild channel or thread as Discord returns it. Every field but `id` and `type` is
/// optional because Discord omits fields per channel type; unknown fields are ignored.
public struct Channel: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var type: ChannelType
    public var guildID: Snowflake?
    public var name: String?
    public var topic: String?
    public var position: Int?
    public var parentID: Snowflake?
    public var permissionOverwrites: [PermissionOverwrite]?
    public var nsfw: Bool?
    public var bitrate: Int?
    public var userLimit: Int?
    public var rateLimitPerUser: Int?
    public var lastMessageID: Snowflake?
    public var ownerID: Snowflake?
    public var threadMetadata: ThreadMetadata?
    public var memberCount: Int?
    public var messageCount: Int?
    public var defaultAutoArchiveDuration: Int?
    public var flags: Int?

    public init(
        id: Snowflake, type: ChannelType, guildID: Snowflake? = nil, name: String? = nil,
        topic: String? = nil, position: Int? = nil, parentID: Snowflake? = nil,
        permissionOverwrites: [PermissionOverwrite]? = nil, nsfw: Bool? = nil,
        bitrate: Int? = nil, userLimit: Int? = nil, rateLimitPerUser: Int? = nil,
        lastMessageID: Snowflake? = nil, ownerID: Snowflake? = nil,
        threadMetadata: ThreadMetadata? = nil, memberCount: Int? = nil,
        messageCount: Int? = nil, defaultAutoArchiveDuration: Int? = nil, flags: Int? = nil
    ) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.name = name
        self.topic = topic
        self.position = position
        self.parentID = parentID
        self.permissionOverwrites = permissionOverwrites
        self.nsfw = nsfw
        self.bitrate = bitrate
        self.userLimit = userLimit
        self.rateLimitPerUser = rateLimitPerUser
        self.lastMessageID = lastMessageID
        self.ownerID = ownerID
        self.threadMetadata = threadMetadata
        self.memberCount = memberCount
        self.messageCount = messageCount
        self.defaultAutoArchiveDuration = defaultAutoArchiveDuration
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case id, type, name, topic, position, nsfw, bitrate, flags
        case guildID = "guild_id"
        case parentID = "parent_id"
        case permissionOverwrites = "permission_overwrites"
        case userLimit = "user_limit"
        case rateLimitPerUser = "rate_limit_per_user"
        case lastMessageID = "last_message_id"
        case ownerID = "owner_id"
        case threadMetadata = "thread_metadata"
        case memberCount = "member_count"
        case messageCount = "message_count"
        case defaultAutoArchiveDuration = "default_auto_archive_duration"
    }
}

/// Thread-only state: archival, locking and invitability.
public struct ThreadMetadata: Hashable, Sendable, Codable {
    public var archived: Bool
    public var autoArchiveDuration: Int
    public var archiveTimestamp: String?
    public var locked: Bool
    public var invitable: Bool?
    public var createTimestamp: String?

    public init(
        archived: Bool = false, autoArchiveDuration: Int = 10080, archiveTimestamp: String? = nil,
        locked: Bool = false, invitable: Bool? = nil, createTimestamp: String? = nil
    ) {
        self.archived = archived
        self.autoArchiveDuration = autoArchiveDuration
        self.archiveTimestamp = archiveTimestamp
        self.locked = locked
        self.invitable = invitable
        self.createTimestamp = createTimestamp
    }

    enum CodingKeys: String, CodingKey {
        case archived, locked, invitable
        case autoArchiveDuration = "auto_archive_duration"
        case archiveTimestamp = "archive_timestamp"
        case createTimestamp = "create_timestamp"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false
        autoArchiveDuration = try c.decodeIfPresent(Int.self, forKey: .autoArchiveDuration) ?? 10080
        archiveTimestamp = try c.decodeIfPresent(String.self, forKey: .archiveTimestamp)
        locked = try c.decodeIfPresent(Bool.self, forKey: .locked) ?? false
        invitable = try c.decodeIfPresent(Bool.self, forKey: .invitable)
        createTimestamp = try c.decodeIfPresent(String.self, forKey: .createTimestamp)
    }
}

/// A member of a thread (`GET /channels/{t}/thread-members`, active-thread listings).
public struct ThreadMember: Hashable, Sendable, Codable {
    public var id: Snowflake?
    public var userID: Snowflake?
    public var joinTimestamp: String?
    public var flags: Int?

    public init(id: Snowflake? = nil, userID: Snowflake? = nil, joinTimestamp: String? = nil, flags: Int? = 0) {
        self.id = id
        self.userID = userID
        self.joinTimestamp = joinTimestamp
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case id, flags
        case userID = "user_id"
        case joinTimestamp = "join_timestamp"
    }
}

/// The answer of `GET /guilds/{g}/threads/active` and the archived-thread listings.
public struct ThreadList: Hashable, Sendable, Codable {
    public var threads: [Channel]
    public var members: [ThreadMember]
    public var hasMore: Bool?

    public init(threads: [Channel], members: [ThreadMember], hasMore: Bool? = nil) {
        self.threads = threads
        self.members = members
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case threads, members
        case hasMore = "has_more"
    }
}
