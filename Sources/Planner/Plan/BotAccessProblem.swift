import DiscordTypes
import Spec

/// A channel in the desired layout where the bot would lose permissions it needs there
/// (computed with Discord's implicit rules, see `BotAccess` and `EffectivePermissions`).
public struct BotAccessProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: ResourceKey
    public var channelName: String
    /// Bits the bot holds in the guild but would not have in this channel.
    public var missing: Permissions

    public init(key: ResourceKey, channelName: String, missing: Permissions) {
        self.key = key
        self.channelName = channelName
        self.missing = missing
    }

    public var description: String { "#\(channelName) (\(key)): missing \(missing)" }
}
