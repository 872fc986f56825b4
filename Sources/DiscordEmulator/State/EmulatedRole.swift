import DiscordTypes
import Foundation

/// A role as the emulator stores it.
public struct EmulatedRole: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var name: String
    public var color: Int
    public var hoist: Bool
    public var position: Int
    public var permissions: Permissions
    public var managed: Bool
    public var mentionable: Bool
    /// For managed roles: the bot that owns the role.
    public var botID: Snowflake?

    public init(
        id: Snowflake, name: String, color: Int = 0, hoist: Bool = false, position: Int,
        permissions: Permissions = [], managed: Bool = false, mentionable: Bool = false,
        botID: Snowflake? = nil
    ) {
        self.id = id
        self.name = name
        self.color = color
        self.hoist = hoist
        self.position = position
        self.permissions = permissions
        self.managed = managed
        self.mentionable = mentionable
        self.botID = botID
    }
}
