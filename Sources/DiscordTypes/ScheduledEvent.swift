import Foundation

/// A guild scheduled event as Discord returns it (`GET /guilds/{g}/scheduled-events`): the
/// entries of the guild's own Events list, where members mark "interested". Only the fields
/// the reconciler reads; times are instants (Discord answers `+00:00`, maybe with a fraction).
public struct ScheduledEvent: Hashable, Sendable, Codable, Identifiable {
    public var id: Snowflake
    public var guildID: Snowflake?
    public var channelID: Snowflake?
    public var creatorID: Snowflake?
    public var name: String
    public var description: String?
    public var scheduledStartTime: Date
    public var scheduledEndTime: Date?
    public var privacyLevel: Int
    public var status: ScheduledEventStatus
    public var entityType: ScheduledEventEntityType
    /// `entity_metadata.location` (EXTERNAL events only).
    public var location: String?

    public init(
        id: Snowflake, guildID: Snowflake? = nil, channelID: Snowflake? = nil, creatorID: Snowflake? = nil,
        name: String, description: String? = nil, scheduledStartTime: Date, scheduledEndTime: Date? = nil,
        privacyLevel: Int = ScheduledEvent.guildOnly, status: ScheduledEventStatus = .scheduled,
        entityType: ScheduledEventEntityType = .external, location: String? = nil
    ) {
        self.id = id
        self.guildID = guildID
        self.channelID = channelID
        self.creatorID = creatorID
        self.name = name
        self.description = description
        self.scheduledStartTime = scheduledStartTime
        self.scheduledEndTime = scheduledEndTime
        self.privacyLevel = privacyLevel
        self.status = status
        self.entityType = entityType
        self.location = location
    }

    /// `privacy_level` GUILD_ONLY, the only level Discord documents.
    public static let guildOnly = 2

    enum CodingKeys: String, CodingKey {
        case id, name, description, status
        case guildID = "guild_id"
        case channelID = "channel_id"
        case creatorID = "creator_id"
        case scheduledStartTime = "scheduled_start_time"
        case scheduledEndTime = "scheduled_end_time"
        case privacyLevel = "privacy_level"
        case entityType = "entity_type"
        case entityMetadata = "entity_metadata"
    }

    private struct Metadata: Codable { var location: String? }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Snowflake.self, forKey: .id)
        guildID = try c.decodeIfPresent(Snowflake.self, forKey: .guildID)
        channelID = try c.decodeIfPresent(Snowflake.self, forKey: .channelID)
        creatorID = try c.decodeIfPresent(Snowflake.self, forKey: .creatorID)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        scheduledStartTime = try Self.instant(c, .scheduledStartTime)
        scheduledEndTime = try c.decodeIfPresent(String.self, forKey: .scheduledEndTime) == nil
            ? nil : try Self.instant(c, .scheduledEndTime)
        privacyLevel = try c.decodeIfPresent(Int.self, forKey: .privacyLevel) ?? Self.guildOnly
        status = try c.decode(ScheduledEventStatus.self, forKey: .status)
        entityType = try c.decode(ScheduledEventEntityType.self, forKey: .entityType)
        location = try c.decodeIfPresent(Metadata.self, forKey: .entityMetadata)?.location
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(guildID, forKey: .guildID)
        try c.encode(channelID, forKey: .channelID)
        try c.encodeIfPresent(creatorID, forKey: .creatorID)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(Self.text(scheduledStartTime), forKey: .scheduledStartTime)
        try c.encode(scheduledEndTime.map(Self.text), forKey: .scheduledEndTime)
        try c.encode(privacyLevel, forKey: .privacyLevel)
        try c.encode(status, forKey: .status)
        try c.encode(entityType, forKey: .entityType)
        try c.encode(location.map { Metadata(location: $0) }, forKey: .entityMetadata)
    }

    /// An instant in Discord's form (`2026-12-05T18:00:00+00:00`), whole seconds.
    public static func text(_ date: Date) -> String {
        ISO8601Instant(microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded())).text
    }

    private static func instant(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let text = try c.decode(String.self, forKey: key)
        guard let instant = ISO8601Instant(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "'\(text)' is not an ISO 8601 instant")
        }
        return Date(timeIntervalSince1970: Double(instant.microseconds) / 1_000_000)
    }
}

/// A scheduled event's status. Valid changes (guild-scheduled-event.mdx): SCHEDULED ->
/// ACTIVE or CANCELED, ACTIVE -> COMPLETED; COMPLETED and CANCELED are final.
public enum ScheduledEventStatus: Int, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case scheduled = 1, active = 2, completed = 3, canceled = 4

    /// Whether the status can no longer change.
    public var isFinal: Bool { self == .completed || self == .canceled }

    /// Whether Discord accepts a change from this status to `next`.
    public func canBecome(_ next: ScheduledEventStatus) -> Bool {
        switch (self, next) {
        case (.scheduled, .active), (.scheduled, .canceled), (.active, .completed): true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .scheduled: "scheduled"
        case .active: "active"
        case .completed: "completed"
        case .canceled: "canceled"
        }
    }
}

/// Where a scheduled event happens: a stage or voice channel, or elsewhere (EXTERNAL, with a
/// location and an end time).
public enum ScheduledEventEntityType: Int, Hashable, Sendable, Codable {
    case stageInstance = 1, voice = 2, external = 3
}
