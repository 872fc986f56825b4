import DiscordTypes
import Foundation

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
