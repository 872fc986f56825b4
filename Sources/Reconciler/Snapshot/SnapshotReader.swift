import DiscordTypes
import Foundation
import Planner

/// Reads a whole guild into a `GuildSnapshot` with a handful of requests. The reader is told
/// what we own so it fetches archived threads, thread members and messages only for those.
/// `DiscordSnapshotReader` is the real one.
public protocol SnapshotReader: Sendable {
    func snapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage]) async throws -> GuildSnapshot
    /// The snapshot limited to what `scope` says the plan can change (see `SnapshotScope`).
    func snapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage],
                  scope: SnapshotScope) async throws -> GuildSnapshot
    /// Messages posted in `channel` at or after `since` (used only to settle a message post
    /// whose answer was lost).
    func recentMessages(in channel: Snowflake, since: Date) async throws -> [Message]
    /// The messages `bot` wrote among the oldest page of each of `channels`: what a state
    /// store that lost its messages may adopt (`MessageMarker`). One request per channel.
    func adoptionCandidates(in channels: [Snowflake], bot: Snowflake) async throws -> [Message]
}

extension SnapshotReader {
    /// Readers that cannot list channels offer nothing to adopt.
    public func adoptionCandidates(in channels: [Snowflake], bot: Snowflake) async throws -> [Message] { [] }

    /// Readers that cannot narrow their reads read everything.
    public func snapshot(guild: Snowflake, ownership: Ownership, messages: [ManagedMessage],
                         scope: SnapshotScope) async throws -> GuildSnapshot {
        try await snapshot(guild: guild, ownership: ownership, messages: messages)
    }
}

/// Requests sent and 429s received so far by the client behind a reconciler.
public struct RequestCounts: Hashable, Sendable {
    public var requests: Int
    public var rateLimited: Int

    public init(requests: Int = 0, rateLimited: Int = 0) {
        self.requests = requests
        self.rateLimited = rateLimited
    }

    public static func - (lhs: RequestCounts, rhs: RequestCounts) -> RequestCounts {
        RequestCounts(requests: lhs.requests - rhs.requests, rateLimited: lhs.rateLimited - rhs.rateLimited)
    }
}
