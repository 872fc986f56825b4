import DiscordTypes
import Foundation

/// Guild scheduled events [resources/guild-scheduled-event.mdx], with the documented rules:
/// name 1–100, description up to 1000, privacy level GUILD_ONLY (2); EXTERNAL events need
/// `channel_id` null, `entity_metadata.location` (1–100) and an end time, stage and voice
/// events a channel and no metadata; the start must be in the future (on create and when it
/// changes), the end after the start; at most 100 SCHEDULED or ACTIVE events (30038);
/// status changes only SCHEDULED -> ACTIVE or CANCELED and ACTIVE -> COMPLETED, and a
/// finished event cannot be updated (180000). Creating needs CREATE_EVENTS; modifying or
/// deleting needs CREATE_EVENTS or MANAGE_EVENTS on the bot's own events, MANAGE_EVENTS on
/// others'. EXTERNAL events start and end by themselves on the emulator's clock
/// (`advanceScheduledEvents`). Where the docs are silent the emulator is stricter:
/// docs/emulator-fidelity.md.
extension DiscordEmulator {
    static let maxOpenScheduledEvents = 100
    /// After this long past its start, a SCHEDULED event that never began is cancelled
    /// ("on the order of hours" in the docs).
    static let unstartedEventGrace: TimeInterval = 3 * 3600

    func listScheduledEvents(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let events = (guild.scheduledEvents ?? [:]).values.sorted { $0.id < $1.id }
        return .json(200, .array(events.map { Render.scheduledEvent($0, guildID: guild.id) }))
    }

    func getScheduledEvent(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, event) = try scheduledEvent(c)
        return .json(200, Render.scheduledEvent(event, guildID: guild.id))
    }

    func createScheduledEvent(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        try require(.createEvents, in: guild, c)
        var body = BodyReader(c.body)
        let name = body.string("name", required: true, min: 1, max: 100, trimmed: true)
        let description = body.string("description", min: 1, max: 1000)
        _ = body.int("privacy_level", required: true, choices: [2])
        let entityType = body.int("entity_type", required: true, choices: [1, 2, 3])
        let start = Self.time(&body, "scheduled_start_time", required: true)
        let end = Self.time(&body, "scheduled_end_time", required: entityType == EmulatedScheduledEvent.external)
        var location: String?
        var channelID: Snowflake?
        if entityType == EmulatedScheduledEvent.external {
            if body.has("channel_id"), !body.isNull("channel_id") {
                body.errors.add(["channel_id"], "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_NULL", "Channel must be null for external events.")
            }
            location = Self.location(&body, required: true)
        } else if entityType != nil {
            channelID = body.snowflake("channel_id", required: true)
            if body.has("entity_metadata"), !body.isNull("entity_metadata") {
                body.errors.add(["entity_metadata"], "GUILD_SCHEDULED_EVENT_METADATA_NOT_NULL",
                                "Entity metadata must be null for stage and voice events.")
            }
            if let channelID, guild.channels[channelID] == nil { body.errors.add(["channel_id"], "CHANNEL_INVALID", "Unknown channel.") }
        }
        if let start, start <= c.now {
            body.errors.add(["scheduled_start_time"], "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST", "Cannot schedule event in the past.")
        }
        if let start, let end, end <= start {
            body.errors.add(["scheduled_end_time"], "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "Cannot schedule event to end before starting.")
        }
        try body.errors.throwIfAny()
        let open = (guild.scheduledEvents ?? [:]).values.filter { !$0.isFinished }.count
        guard open < Self.maxOpenScheduledEvents else { throw APIError.maxScheduledEvents }
        let event = EmulatedScheduledEvent(
            id: state.nextID(at: c.now), creatorID: c.botID, channelID: channelID, name: name!,
            description: description, start: start!, end: end, privacyLevel: 2,
            status: EmulatedScheduledEvent.scheduled, entityType: entityType!, location: location)
        state.guilds[guild.id]!.scheduledEvents = (guild.scheduledEvents ?? [:]).merging([event.id: event]) { $1 }
        return .json(200, Render.scheduledEvent(event, guildID: guild.id))
    }

    func modifyScheduledEvent(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var (guild, event) = try scheduledEvent(c)
        try requireEventAccess(event, in: guild, c)
        if event.isFinished { throw APIError.finishedScheduledEvent }
        var body = BodyReader(c.body)
        if let name = body.string("name", min: 1, max: 100, trimmed: true) { event.name = name }
        if body.isNull("description") { event.description = nil }
        else if let text = body.string("description", min: 1, max: 1000) { event.description = text }
        _ = body.int("privacy_level", choices: [2])
        if let type = body.int("entity_type", choices: [1, 2, 3]) { event.entityType = type }
        if body.has("channel_id") { event.channelID = body.snowflake("channel_id") }
        if body.has("entity_metadata") { event.location = Self.location(&body, required: false) }
        if let start = Self.time(&body, "scheduled_start_time", required: false), start != event.start {
            if event.status != EmulatedScheduledEvent.scheduled {
                body.errors.add(["scheduled_start_time"], "GUILD_SCHEDULED_EVENT_ALREADY_STARTED",
                                "Cannot change the start time of an event that has begun.")
            } else if start <= c.now {
                body.errors.add(["scheduled_start_time"], "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST", "Cannot schedule event in the past.")
            }
            event.start = start
        }
        if body.has("scheduled_end_time") { event.end = Self.time(&body, "scheduled_end_time", required: false) }
        if let status = body.int("status", choices: [1, 2, 3, 4]), status != event.status {
            if Self.statusCanChange(from: event.status, to: status) { event.status = status } else {
                body.errors.add(["status"], "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION",
                                "Cannot change status from \(event.status) to \(status).")
            }
        }
        if event.entityType == EmulatedScheduledEvent.external {
            if event.channelID != nil {
                body.errors.add(["channel_id"], "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_NULL", "Channel must be null for external events.")
            }
            if event.location == nil { body.errors.required(["entity_metadata", "location"]) }
            if event.end == nil { body.errors.required(["scheduled_end_time"]) }
        }
        if let end = event.end, end <= event.start {
            body.errors.add(["scheduled_end_time"], "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "Cannot schedule event to end before starting.")
        }
        try body.errors.throwIfAny()
        guild.scheduledEvents![event.id] = event
        state.guilds[guild.id] = guild
        return .json(200, Render.scheduledEvent(event, guildID: guild.id))
    }

    func deleteScheduledEvent(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, event) = try scheduledEvent(c)
        try requireEventAccess(event, in: guild, c)
        state.guilds[guild.id]!.scheduledEvents![event.id] = nil
        return .noContent
    }

    /// The documented transitions: SCHEDULED -> ACTIVE, SCHEDULED -> CANCELED, ACTIVE -> COMPLETED.
    static func statusCanChange(from current: Int, to next: Int) -> Bool {
        switch (current, next) {
        case (1, 2), (1, 4), (2, 3): true
        default: false
        }
    }

    /// External events start at their start time and end at their end time; any event still
    /// SCHEDULED `unstartedEventGrace` after its start is cancelled.
    func advanceScheduledEvents(now: Date) {
        for (guildID, guild) in state.guilds {
            guard var events = guild.scheduledEvents, !events.isEmpty else { continue }
            var changed = false
            for (id, var event) in events where !event.isFinished {
                let before = event.status
                if event.entityType == EmulatedScheduledEvent.external {
                    if event.status == EmulatedScheduledEvent.scheduled, now >= event.start { event.status = EmulatedScheduledEvent.active }
                    if event.status == EmulatedScheduledEvent.active, let end = event.end, now >= end {
                        event.status = EmulatedScheduledEvent.completed
                    }
                } else if event.status == EmulatedScheduledEvent.scheduled, now >= event.start + Self.unstartedEventGrace {
                    event.status = EmulatedScheduledEvent.canceled
                }
                if event.status != before {
                    events[id] = event
                    changed = true
                }
            }
            if changed { state.guilds[guildID]!.scheduledEvents = events }
        }
    }

    private func scheduledEvent(_ c: RequestContext) throws(APIError) -> (EmulatedGuild, EmulatedScheduledEvent) {
        let guild = try guild(c)
        let id = try snowflake(c, "event_id")
        guard let event = guild.scheduledEvents?[id] else { throw APIError.unknownScheduledEvent }
        return (guild, event)
    }

    /// The bot's own events: CREATE_EVENTS or MANAGE_EVENTS; anyone else's: MANAGE_EVENTS.
    private func requireEventAccess(_ event: EmulatedScheduledEvent, in guild: EmulatedGuild, _ c: RequestContext) throws(APIError) {
        let held = PermissionCalculator(guild: guild).base(c.botID)
        let allowed = event.creatorID == c.botID
            ? held.contains(.manageEvents) || held.contains(.createEvents) : held.contains(.manageEvents)
        if !allowed { throw APIError.missingPermissions }
    }

    private static func time(_ body: inout BodyReader, _ key: String, required: Bool) -> Date? {
        guard let text = body.string(key, required: required) else { return nil }
        guard let date = DiscordTime.parse(text) else {
            body.errors.add([key], "DATE_TIME_TYPE_PARSE", "Could not parse \(text). Should be ISO8601.")
            return nil
        }
        return date
    }

    /// `entity_metadata.location`, 1–100 characters.
    private static func location(_ body: inout BodyReader, required: Bool) -> String? {
        guard let metadata = body.body["entity_metadata"], metadata != .null else {
            if required { body.errors.required(["entity_metadata", "location"]) }
            return nil
        }
        var inner = BodyReader(metadata, prefix: ["entity_metadata"])
        let location = inner.string("location", required: true, min: 1, max: 100, trimmed: true)
        for leaf in inner.errors.leaves { body.errors.add(leaf.path, leaf.code, leaf.message) }
        return location
    }
}
