import DiscordTypes
import Foundation

/// A message in a guild channel or thread.
public struct EmulatedMessage: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var channelID: Snowflake
    public var authorID: Snowflake
    public var content: String
    public var embeds: [JSONValue]
    /// Action rows as stored (`ComponentValidator`); nil when the message has none (and in
    /// sandbox files written before components existed).
    public var components: [JSONValue]?
    public var pinned: Bool
    public var pinnedAt: Date?
    public var timestamp: Date
    public var editedTimestamp: Date?
    public var flags: Int
    /// The `nonce` the message was sent with (`enforce_nonce` deduplicates on it).
    public var nonce: String?
    /// Who the message notified when it was created (`MentionRules`); nil in older files.
    public var pings: MessagePings?

    public init(id: Snowflake, channelID: Snowflake, authorID: Snowflake, content: String, embeds: [JSONValue] = [], timestamp: Date) {
        self.id = id
        self.channelID = channelID
        self.authorID = authorID
        self.content = content
        self.embeds = embeds
        self.pinned = false
        self.pinnedAt = nil
        self.timestamp = timestamp
        self.editedTimestamp = nil
        self.flags = 0
    }
}
