import DiscordTypes
import Foundation

/// The body of `POST /guilds/{g}/scheduled-events` for an EXTERNAL event (the only kind the
/// reconciler makes): a location and an end time are required, `channel_id` is null.
public struct CreateScheduledEventRequest: Sendable, Hashable, Encodable {
    public var name: String
    public var description: String?
    public var scheduledStartTime: Date
    public var scheduledEndTime: Date
    public var location: String

    public init(name: String, description: String?, scheduledStartTime: Date, scheduledEndTime: Date, location: String) {
        self.name = name
        self.description = description
        self.scheduledStartTime = scheduledStartTime
        self.scheduledEndTime = scheduledEndTime
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case name, description
        case channelID = "channel_id"
        case privacyLevel = "privacy_level"
        case entityType = "entity_type"
        case entityMetadata = "entity_metadata"
        case scheduledStartTime = "scheduled_start_time"
        case scheduledEndTime = "scheduled_end_time"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeNil(forKey: .channelID)
        try c.encode(ScheduledEvent.guildOnly, forKey: .privacyLevel)
        try c.encode(ScheduledEventEntityType.external, forKey: .entityType)
        try c.encode(["location": location], forKey: .entityMetadata)
        try c.encode(ScheduledEvent.text(scheduledStartTime), forKey: .scheduledStartTime)
        try c.encode(ScheduledEvent.text(scheduledEndTime), forKey: .scheduledEndTime)
    }
}

/// The body of `PATCH /guilds/{g}/scheduled-events/{e}`: only the non-nil fields are sent.
/// `description: .null` clears the description.
public struct ModifyScheduledEventRequest: Sendable, Hashable, Encodable {
    public var name: String?
    public var description: Nullable<String>?
    public var scheduledStartTime: Date?
    public var scheduledEndTime: Date?
    public var location: String?
    public var status: ScheduledEventStatus?

    public init(name: String? = nil, description: Nullable<String>? = nil, scheduledStartTime: Date? = nil,
                scheduledEndTime: Date? = nil, location: String? = nil, status: ScheduledEventStatus? = nil) {
        self.name = name
        self.description = description
        self.scheduledStartTime = scheduledStartTime
        self.scheduledEndTime = scheduledEndTime
        self.location = location
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case name, description, status
        case entityMetadata = "entity_metadata"
        case scheduledStartTime = "scheduled_start_time"
        case scheduledEndTime = "scheduled_end_time"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(scheduledStartTime.map(ScheduledEvent.text), forKey: .scheduledStartTime)
        try c.encodeIfPresent(scheduledEndTime.map(ScheduledEvent.text), forKey: .scheduledEndTime)
        try c.encodeIfPresent(location.map { ["location": $0] }, forKey: .entityMetadata)
        try c.encodeIfPresent(status, forKey: .status)
    }
}
