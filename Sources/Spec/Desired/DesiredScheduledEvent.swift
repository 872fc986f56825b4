import DiscordTypes
import Foundation

/// A race as a Discord scheduled event (EXTERNAL, GUILD_ONLY): an entry in the guild's own
/// Events list where members mark "interested". Compiled from the event from the moment its
/// signup opens; `status` follows the race's clock (scheduled before the start, active during
/// the race, completed after it, canceled when the club cancels a race not yet started).
public struct DesiredScheduledEvent: Hashable, Sendable, Codable {
    /// `series/<s>/event/<e>/scheduled-event`.
    public var key: ResourceKey
    /// 1–100 characters.
    public var name: String
    /// Up to 1000 characters, with the signup link when there is one.
    public var description: String
    /// `entity_metadata.location`: the track, or a fallback (EXTERNAL events need one); 1–100.
    public var location: String
    public var start: Date
    public var end: Date
    public var status: ScheduledEventStatus
    /// Whether it may be created now: SCHEDULED and starting more than a minute from now, so
    /// the create reaches Discord while the start is still in the future.
    public var creatable: Bool
    public var group: String

    public init(key: ResourceKey, name: String, description: String, location: String, start: Date, end: Date,
                status: ScheduledEventStatus = .scheduled, creatable: Bool? = nil, group: String = "") {
        self.creatable = creatable ?? (status == .scheduled)
        self.key = key
        self.name = name
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.status = status
        self.group = group
    }
}
