import DiscordTypes
import Foundation

/// One guild scheduled event held by the emulator. Status and entity type are Discord's raw
/// numbers (1 SCHEDULED, 2 ACTIVE, 3 COMPLETED, 4 CANCELED; 1 stage, 2 voice, 3 external):
/// the emulator keeps its own reading of the docs, apart from the product's types.
public struct EmulatedScheduledEvent: Sendable, Codable, Hashable {
    public var id: Snowflake
    public var creatorID: Snowflake
    public var channelID: Snowflake?
    public var name: String
    public var description: String?
    public var start: Date
    public var end: Date?
    public var privacyLevel: Int
    public var status: Int
    public var entityType: Int
    public var location: String?

    public static let scheduled = 1, active = 2, completed = 3, canceled = 4
    public static let external = 3

    /// COMPLETED or CANCELED: "the status can no longer be updated".
    public var isFinished: Bool { status == Self.completed || status == Self.canceled }
}
