import DiscordTypes
import Foundation

/// Per-user rate limit of text commands: at most `limit` answers per `window` seconds per
/// user, so one member cannot make the bot spend the channel's message bucket. Pure.
public struct TextCommandLimiter: Sendable {
    public let limit: Int
    public let window: TimeInterval
    private var answered: [Snowflake: [Date]] = [:]

    public init(limit: Int = 3, window: TimeInterval = 30) {
        self.limit = limit
        self.window = window
    }

    /// Whether `user` may get an answer at `now`; records it when so.
    public mutating func admit(_ user: Snowflake, at now: Date) -> Bool {
        var recent = (answered[user] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            answered[user] = recent
            return false
        }
        recent.append(now)
        answered[user] = recent
        return true
    }
}
