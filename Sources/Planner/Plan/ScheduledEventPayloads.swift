import DiscordTypes
import Foundation

/// What `createScheduledEvent` sends: an EXTERNAL, GUILD_ONLY event at `location`.
public struct NewScheduledEvent: Hashable, Sendable, Codable {
    public var name: String
    public var description: String
    public var location: String
    public var start: Date
    public var end: Date

    public init(name: String, description: String, location: String, start: Date, end: Date) {
        self.name = name
        self.description = description
        self.location = location
        self.start = start
        self.end = end
    }
}

/// What `modifyScheduledEvent` changes; nil fields are not sent. An empty `description`
/// clears it.
public struct ScheduledEventUpdate: Hashable, Sendable, Codable {
    public var name: String?
    public var description: String?
    public var location: String?
    public var start: Date?
    public var end: Date?
    public var status: ScheduledEventStatus?

    public init(name: String? = nil, description: String? = nil, location: String? = nil, start: Date? = nil,
                end: Date? = nil, status: ScheduledEventStatus? = nil) {
        self.name = name
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.status = status
    }

    public var isEmpty: Bool { self == ScheduledEventUpdate() }
}
