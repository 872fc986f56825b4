import DiscordTypes
import Foundation

/// One guild held by the emulator: its roles, channels (threads included), members,
/// messages and application commands. Public and `Codable` so tests can assert on it and the
/// sandbox can persist it.
public struct EmulatedGuild: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var name: String
    public var ownerID: Snowflake
    public var roles: [Snowflake: EmulatedRole]
    public var channels: [Snowflake: EmulatedChannel]
    public var members: [Snowflake: EmulatedMember]
    public var messages: [Snowflake: EmulatedMessage]
    /// Guild application commands by application id (the bulk-overwrite result).
    public var commands: [Snowflake: [JSONValue]]
    /// Whether the privileged GUILD_MEMBERS intent is on (member listing needs it).
    public var membersIntent: Bool
    /// Guild features (`NEWS`, `COMMUNITY`, `VIP_REGIONS`…); optional so older sandbox
    /// files still load. Announcement channels need `NEWS`, stage channels `COMMUNITY`.
    public var features: [String]?
    /// The Server Boost level 0–3 (`premium_tier`); it caps voice bitrate.
    public var premiumTier: Int?
    /// Guild application command creates per UTC day (the 200 per day limit), by day.
    public var commandCreates: [String: Int]?
    /// Scheduled events by id; optional so older sandbox files still load.
    public var scheduledEvents: [Snowflake: EmulatedScheduledEvent]?

    public init(id: Snowflake, name: String, ownerID: Snowflake, membersIntent: Bool = true) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.roles = [:]
        self.channels = [:]
        self.members = [:]
        self.messages = [:]
        self.commands = [:]
        self.membersIntent = membersIntent
    }

    /// Whether the guild has feature `name` (e.g. `NEWS`).
    public func hasFeature(_ name: String) -> Bool { (features ?? []).contains(name) }

    /// The `@everyone` role (its id is the guild's).
    public var everyone: EmulatedRole? { roles[id] }

    /// Roles sorted by position, then id (Discord's display order, bottom first).
    public var sortedRoles: [EmulatedRole] {
        roles.values.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Channels that are not threads, sorted by position then id.
    public var guildChannels: [EmulatedChannel] {
        channels.values.filter { !$0.isThread }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Threads, sorted by id.
    public var threads: [EmulatedChannel] {
        channels.values.filter(\.isThread).sorted { $0.id < $1.id }
    }

    /// Channels (not threads) named `name`.
    public func channels(named name: String) -> [EmulatedChannel] {
        guildChannels.filter { $0.name == name }
    }

    /// The role named `name`, if exactly one has it.
    public func role(named name: String) -> EmulatedRole? {
        let matches = roles.values.filter { $0.name == name }
        return matches.count == 1 ? matches[0] : nil
    }
}
