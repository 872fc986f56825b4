import DiscordTypes
import Foundation

extension DiscordClient {
    /// `POST /channels/{c}/threads`: a public or private thread without a starter message.
    public func startThread(
        in channelID: Snowflake, _ body: StartThreadRequest, reason: String?,
        verify: (@Sendable () async throws -> Channel?)? = nil
    ) async throws -> Channel {
        try await create(Route(.startThread, channelID), body: body,
                         reason: reason, verify: verify)
    }

    /// `PATCH /channels/{t}` for a thread (archive, lock, rename).
    public func modifyThread(_ threadID: Snowflake, _ body: ModifyThreadRequest, reason: String?) async throws -> Channel {
        try await call(Route(.modifyChannel, threadID), body: body, reason: reason)
    }

    /// `PUT /channels/{t}/thread-members/{u}`.
    public func addThreadMember(threadID: Snowflake, userID: Snowflake, reason: String? = nil) async throws {
        try await callVoid(Route(.addThreadMember, threadID, userID), reason: reason)
    }

    /// `DELETE /channels/{t}/thread-members/{u}`.
    public func removeThreadMember(threadID: Snowflake, userID: Snowflake, reason: String? = nil) async throws {
        try await callVoid(Route(.removeThreadMember, threadID, userID), reason: reason)
    }

    /// `GET /channels/{t}/thread-members?limit=&after=` (one page, at most 100).
    public func threadMembers(threadID: Snowflake, limit: Int = 100, after: Snowflake? = nil) async throws -> [ThreadMember] {
        var query = [URLQueryItem(name: "limit", value: String(min(max(limit, 1), 100)))]
        if let after { query.append(URLQueryItem(name: "after", value: after.description)) }
        return try await call(Route(.listThreadMembers, threadID, query: query))
    }

    /// `GET /guilds/{g}/threads/active`: every active thread of the guild and the bot's memberships.
    public func activeThreads(in guildID: Snowflake) async throws -> ThreadList {
        try await call(Route(.activeThreads, guildID))
    }

    /// `GET /channels/{c}/threads/archived/public?before=ISO8601&limit=`.
    public func archivedPublicThreads(in channelID: Snowflake, before: String? = nil, limit: Int? = nil) async throws -> ThreadList {
        try await call(Route(.publicArchivedThreads, channelID,
                             query: Self.archiveQuery(before: before, limit: limit)))
    }

    /// `GET /channels/{c}/threads/archived/private?before=ISO8601&limit=` (needs MANAGE_THREADS).
    public func archivedPrivateThreads(in channelID: Snowflake, before: String? = nil, limit: Int? = nil) async throws -> ThreadList {
        try await call(Route(.privateArchivedThreads, channelID,
                             query: Self.archiveQuery(before: before, limit: limit)))
    }

    static func archiveQuery(before: String?, limit: Int?) -> [URLQueryItem] {
        var query: [URLQueryItem] = []
        if let before { query.append(URLQueryItem(name: "before", value: before)) }
        if let limit { query.append(URLQueryItem(name: "limit", value: String(max(limit, 1)))) }
        return query
    }
}
