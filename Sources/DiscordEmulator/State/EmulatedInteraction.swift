import DiscordTypes
import Foundation

/// An interaction the emulator "sent" to an app (a test opened it with `openInteraction`),
/// and what the app answered through the callback and webhook routes.
public struct EmulatedInteraction: Sendable, Hashable {
    public var id: Snowflake
    public var applicationID: Snowflake
    public var token: String
    public var guildID: Snowflake
    public var channelID: Snowflake
    public var createdAt: Date
    /// The callback type the app acknowledged with (1, 4, 5, …); nil while unanswered.
    public var acknowledgedWith: Int?
    /// The first answer's content (type 4, or the edit of a deferred answer).
    public var original: String?
    /// Its flags (64: ephemeral).
    public var originalFlags: Int?
    /// Follow-up messages, in order.
    public var followups: [String] = []
    /// How many times the original was edited.
    public var edits = 0

    /// Discord: the first answer within 3 s, the token then valid for 15 minutes.
    static let answerDeadline: TimeInterval = 3
    static let tokenLifetime: TimeInterval = 15 * 60
}

/// A test's handle on an interaction: the ids and token the app receives in the payload.
public struct InteractionTicket: Sendable, Hashable {
    public var id: Snowflake
    public var token: String
}
