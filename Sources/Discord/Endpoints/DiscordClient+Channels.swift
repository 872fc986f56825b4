import DiscordTypes

extension DiscordClient {
    /// `GET /guilds/{g}/channels` (threads are not included; see `activeThreads`).
    public func channels(in guildID: Snowflake) async throws -> [Channel] {
        try await call(Route(.listChannels, guildID))
    }

    /// `GET /channels/{c}`.
    public func channel(_ channelID: Snowflake) async throws -> Channel {
        try await call(Route(.getChannel, channelID))
    }

    /// `POST /guilds/{g}/channels`. `verify` (e.g. "find a channel with this name and
    /// parent") lets the client resolve an unknown outcome instead of failing.
    public func createChannel(
        in guildID: Snowflake, _ body: CreateChannelRequest, reason: String?,
        verify: (@Sendable () async throws -> Channel?)? = nil
    ) async throws -> Channel {
        try await create(Route(.createChannel, guildID), body: body,
                         reason: reason, verify: verify)
    }

    /// `PATCH /channels/{c}` for a guild channel.
    public func modifyChannel(_ channelID: Snowflake, _ body: ModifyChannelRequest, reason: String?) async throws -> Channel {
        try await call(Route(.modifyChannel, channelID), body: body, reason: reason)
    }

    /// `DELETE /channels/{c}` (also deletes a thread). Returns the deleted channel.
    @discardableResult
    public func deleteChannel(_ channelID: Snowflake, reason: String?) async throws -> Channel {
        try await call(Route(.deleteChannel, channelID), reason: reason)
    }

    /// `PATCH /guilds/{g}/channels`: bulk positions (at most one entry may change `parent_id`).
    public func modifyChannelPositions(in guildID: Snowflake, _ entries: [ChannelPositionEntry], reason: String?) async throws {
        try await callVoid(Route(.channelPositions, guildID), body: entries, reason: reason)
    }

    /// `PUT /channels/{c}/permissions/{id}`: creates or replaces one overwrite.
    public func editPermissionOverwrite(
        channelID: Snowflake, targetID: Snowflake, _ body: EditPermissionOverwriteRequest, reason: String?
    ) async throws {
        try await callVoid(Route(.setOverwrite, channelID, targetID),
                           body: body, reason: reason)
    }

    /// `DELETE /channels/{c}/permissions/{id}`.
    public func deletePermissionOverwrite(channelID: Snowflake, targetID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.deleteOverwrite, channelID, targetID),
                           reason: reason)
    }
}
