import DiscordTypes
import Planner

/// Sends one change's operation to Discord. The executor hands it a `DiscordCall` whose refs
/// are all resolved (`.existing`); the performer never plans or re-reads anything.
/// `DiscordChangePerformer` is the real one; tests may script their own.
public protocol ChangePerformer: Sendable {
    func perform(_ operation: DiscordCall, change: Change, guildID: Snowflake) async throws -> PerformedChange
}

/// What a performed operation produced.
public struct PerformedChange: Hashable, Sendable {
    /// The id of a resource the request created (role, channel, thread, message).
    public var createdID: Snowflake?
    /// The HTTP status of the answer, when known.
    public var httpStatus: Int?

    public init(createdID: Snowflake? = nil, httpStatus: Int? = nil) {
        self.createdID = createdID
        self.httpStatus = httpStatus
    }
}
