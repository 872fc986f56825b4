import DiscordTypes
import Foundation

/// Out-of-band changes to scheduled events, as a server admin would make them in the
/// Discord client (no permission checks, no rate limits).
extension DiscordEmulator {
    /// Creates an EXTERNAL event as `creatorID` (a human), returning its id.
    @discardableResult
    public func adminCreateScheduledEvent(
        in guildID: Snowflake, name: String, start: Date, end: Date, location: String = "Somewhere",
        creatorID: Snowflake
    ) throws -> Snowflake {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        let event = EmulatedScheduledEvent(
            id: state.nextID(at: now), creatorID: creatorID, channelID: nil, name: name, description: nil,
            start: start, end: end, privacyLevel: 2, status: EmulatedScheduledEvent.scheduled,
            entityType: EmulatedScheduledEvent.external, location: location)
        state.guilds[guildID]!.scheduledEvents = (state.guilds[guildID]!.scheduledEvents ?? [:]).merging([event.id: event]) { $1 }
        saveQuietly()
        return event.id
    }

    /// Deletes a scheduled event (an admin removed it from the Events list).
    public func adminDeleteScheduledEvent(_ id: Snowflake, in guildID: Snowflake) throws {
        guard state.guilds[guildID] != nil else { throw EmulatorError.unknownGuild(guildID) }
        state.guilds[guildID]!.scheduledEvents?[id] = nil
        saveQuietly()
    }

    /// The guild's scheduled events after the emulator's clock has moved them along
    /// (EXTERNAL events start and end by themselves), by id.
    public func scheduledEvents(in guildID: Snowflake) -> [Snowflake: EmulatedScheduledEvent] {
        advanceScheduledEvents(now: now)
        return state.guilds[guildID]?.scheduledEvents ?? [:]
    }
}
