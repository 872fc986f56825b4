import DiscordTypes
import Foundation

/// A user known to the emulator (members, bots, owners).
public struct EmulatedUser: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var username: String
    public var globalName: String?
    public var bot: Bool

    public init(id: Snowflake, username: String, globalName: String? = nil, bot: Bool = false) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.bot = bot
    }
}
