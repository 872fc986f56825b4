import DiscordTypes
import Foundation

/// A guild member: a user id, nickname and role ids.
public struct EmulatedMember: Sendable, Codable, Hashable {
    public var userID: Snowflake
    public var nick: String?
    public var roles: [Snowflake]
    public var joinedAt: Date

    public init(userID: Snowflake, nick: String? = nil, roles: [Snowflake] = [], joinedAt: Date) {
        self.userID = userID
        self.nick = nick
        self.roles = roles
        self.joinedAt = joinedAt
    }
}
