import DiscordTypes

extension DiscordClient {
    /// `GET /guilds/{g}/scheduled-events`.
    public func scheduledEvents(in guildID: Snowflake) async throws -> [ScheduledEvent] {
        try await call(Route(.listScheduledEvents, guildID))
    }

    /// `POST /guilds/{g}/scheduled-events`. See `createChannel` for `verify`.
    public func createScheduledEvent(
        in guildID: Snowflake, _ body: CreateScheduledEventRequest, reason: String?,
        verify: (@Sendable () async throws -> ScheduledEvent?)? = nil
    ) async throws -> ScheduledEvent {
        try await create(Route(.createScheduledEvent, guildID), body: body, reason: reason, verify: verify)
    }

    /// `PATCH /guilds/{g}/scheduled-events/{e}`: fields, or the status (start, end, cancel).
    @discardableResult
    public func modifyScheduledEvent(
        in guildID: Snowflake, eventID: Snowflake, _ body: ModifyScheduledEventRequest, reason: String?
    ) async throws -> ScheduledEvent {
        try await call(Route(.modifyScheduledEvent, guildID, eventID), body: body, reason: reason)
    }

    /// `DELETE /guilds/{g}/scheduled-events/{e}`.
    public func deleteScheduledEvent(in guildID: Snowflake, eventID: Snowflake, reason: String?) async throws {
        try await callVoid(Route(.deleteScheduledEvent, guildID, eventID), reason: reason)
    }
}
