import DiscordTypes
import Foundation

extension DiscordClient {
    /// `GET /channels/{c}/messages/{m}`.
    public func message(channelID: Snowflake, messageID: Snowflake) async throws -> Message {
        try await call(Route(.getMessage, channelID, messageID))
    }

    /// `GET /channels/{c}/messages?limit=&after=` (newest first, at most 100).
    public func messages(in channelID: Snowflake, limit: Int = 50, after: Snowflake? = nil) async throws -> [Message] {
        var query = [URLQueryItem(name: "limit", value: String(min(max(limit, 1), 100)))]
        if let after { query.append(URLQueryItem(name: "after", value: after.description)) }
        return try await call(Route(.listMessages, channelID, query: query))
    }

    /// `POST /channels/{c}/messages`. Set a `nonce` with `enforceNonce: true` to make
    /// Discord deduplicate, or pass `verify` to look for the message after an unknown outcome.
    public func createMessage(
        in channelID: Snowflake, _ body: CreateMessageRequest, reason: String? = nil,
        verify: (@Sendable () async throws -> Message?)? = nil
    ) async throws -> Message {
        try await create(Route(.createMessage, channelID), body: body,
                         reason: reason, verify: verify)
    }

    /// `PATCH /channels/{c}/messages/{m}`.
    public func editMessage(channelID: Snowflake, messageID: Snowflake, _ body: EditMessageRequest,
                            reason: String? = nil) async throws -> Message {
        try await call(Route(.editMessage, channelID, messageID),
                       body: body, reason: reason)
    }

    /// `DELETE /channels/{c}/messages/{m}`.
    public func deleteMessage(channelID: Snowflake, messageID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.deleteMessage, channelID, messageID),
                           reason: reason)
    }

    /// `PUT /channels/{c}/messages/pins/{m}` (needs PIN_MESSAGES).
    public func pinMessage(channelID: Snowflake, messageID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.pinMessage, channelID, messageID),
                           reason: reason)
    }

    /// `DELETE /channels/{c}/messages/pins/{m}`.
    public func unpinMessage(channelID: Snowflake, messageID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.unpinMessage, channelID, messageID),
                           reason: reason)
    }
}
