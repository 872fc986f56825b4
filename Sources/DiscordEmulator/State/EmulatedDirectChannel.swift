import DiscordTypes
import Foundation

/// A DM channel between the bot and one user (`POST /users/@me/channels`), with the
/// messages the bot sent in it. Not persisted with guild state: DMs are no part of a guild.
public struct EmulatedDirectChannel: Sendable, Hashable {
    public var id: Snowflake
    public var botID: Snowflake
    public var recipientID: Snowflake
    public var messages: [EmulatedMessage] = []

    public init(id: Snowflake, botID: Snowflake, recipientID: Snowflake) {
        self.id = id
        self.botID = botID
        self.recipientID = recipientID
    }
}
